/**
 * What Supabase Auth's HTTP hooks send, from its Go types (supabase/auth at bc32168e):
 * `internal/hooks/v0hooks/v0hooks.go` (each hook's input, `Metadata`, `AccessTokenClaims`, `SMS`),
 * `internal/models/{user,identity,factor}.go` (`User`, `Identity`, `Factor`), `internal/mailer/mailer.go`
 * (`EmailData`). A Go field without `omitempty` is always sent (a nil map or slice as `null`); one with it is
 * optional here. Times are RFC 3339 strings.
 * @module
 */

/** The hook kinds, as `metadata.name` spells them (not as the dashboard does). */
export type SupabaseHookName =
  | "send-email"
  | "send-sms"
  | "customize-access-token"
  | "mfa-verification"
  | "password-verification"
  | "before-user-created"
  | "after-user-created";

/** `Metadata`: every hook's body has it since supabase/auth c6757494 (2026-02); older servers send none. */
export interface SupabaseHookMetadata<Name extends string = SupabaseHookName> {
  /** UUIDv4 of this invocation, the same on each of its retries: the dedupe id. */
  uuid: string;
  /** When the hook was invoked. */
  time: string;
  name?: Name;
  /** The end user's IP, when known. */
  ip_address?: string;
}

/** `Identity`: a sign-in method linked to the user. */
export interface SupabaseIdentity {
  identity_id: string;
  /** The provider's id for the user. */
  id: string;
  user_id: string;
  identity_data?: Record<string, unknown>;
  /** `email`, `phone`, `google`, `github`… */
  provider: string;
  last_sign_in_at?: string;
  created_at: string;
  updated_at: string;
  email?: string;
}

/** `Factor`: an MFA factor. */
export interface SupabaseFactor {
  id: string;
  created_at?: string;
  updated_at?: string;
  /** `verified`, `unverified`. */
  status: string;
  friendly_name?: string;
  /** `totp`, `phone`, `webauthn`. */
  factor_type: string;
  phone?: string;
  last_challenged_at?: string | null;
}

/** `User`, as the hooks that concern a user carry it. `email` and `phone` are `""` when unset, never `null`. */
export interface SupabaseUser {
  id: string;
  aud: string;
  role: string;
  email: string;
  phone: string;
  email_confirmed_at?: string;
  invited_at?: string;
  phone_confirmed_at?: string;
  confirmation_sent_at?: string;
  confirmed_at?: string;
  recovery_sent_at?: string;
  new_email?: string;
  email_change_sent_at?: string;
  new_phone?: string;
  phone_change_sent_at?: string;
  reauthentication_sent_at?: string;
  last_sign_in_at?: string;
  app_metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  factors?: SupabaseFactor[];
  identities: SupabaseIdentity[] | null;
  banned_until?: string;
  created_at: string;
  updated_at: string;
  deleted_at?: string;
  is_anonymous: boolean;
}

/** `EmailData`: what the email is for; each string is `""` where unused. */
export interface SupabaseEmailData {
  token: string;
  token_hash: string;
  redirect_to: string;
  /** `signup`, `recovery`, `invite`, `magiclink`, `email_change`, `reauthentication`… */
  email_action_type: string;
  site_url: string;
  token_new: string;
  token_hash_new: string;
  old_email?: string;
  old_phone?: string;
  provider?: string;
  factor_type?: string;
}

/** `SMS`: the one-time code to send. */
export interface SupabaseSms {
  otp?: string;
  /** `signup`, `sms`, `phone_change`… */
  sms_type?: string;
  phone?: string;
}

/** An `amr` entry (`AMREntry`): how the user authenticated. */
export interface SupabaseAmrEntry {
  method: string;
  /** Unix seconds. */
  timestamp: number;
  provider?: string;
}

/** `AccessTokenClaims`: the JWT claims the token would carry. */
export interface SupabaseAccessTokenClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  email: string;
  phone: string;
  app_metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  role: string;
  aal?: string;
  amr?: SupabaseAmrEntry[];
  session_id?: string;
  is_anonymous: boolean;
  client_id?: string;
  scope?: string;
}

/** `send-email`: send this email yourself. */
export interface SupabaseSendEmail {
  user: SupabaseUser;
  email_data: SupabaseEmailData;
}

/** `send-sms`: send this code yourself. */
export interface SupabaseSendSms {
  user?: SupabaseUser;
  sms: SupabaseSms;
}

/** `customize-access-token`: answer `{ "claims": … }` (the router cannot: use the verifier). */
export interface SupabaseCustomizeAccessToken {
  user_id: string;
  claims: SupabaseAccessTokenClaims;
  /** `password`, `otp`, `oauth`, `token_refresh`… */
  authentication_method: string;
}

/** `mfa-verification`: an MFA attempt, `valid` or not. */
export interface SupabaseMfaVerification {
  user_id: string;
  factor_id: string;
  factor_type: string;
  valid: boolean;
}

/** `password-verification`: a password attempt, `valid` or not. */
export interface SupabasePasswordVerification {
  user_id: string;
  valid: boolean;
}

/** `before-user-created` and `after-user-created`. */
export interface SupabaseUserCreated {
  user: SupabaseUser;
}
