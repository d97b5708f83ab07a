/**
 * FerrisKey's payload types, after the Rust entities in ferriskey/ferriskey (`libs/ferriskey-domain`,
 * `libs/ferriskey-webhook`). Ids are UUID strings (v7 for new rows); nested times are RFC 3339 ending in
 * `Z`. Fields marked "main" are missing from releases up to v0.7.2.
 * @module
 */

/** Every FerrisKey event. */
export interface FerrisKeyEvent<Type extends string, Data> {
  event: Type;
  /** RFC 3339 with a `+00:00` offset (not `Z`), usually 9 fractional digits. */
  timestamp: string;
  /** Almost always the **realm** id, not the affected object's (only `auth.reset_password` puts the user id here). */
  resource_id: string;
  data: Data;
}

/** Open-ended string enums: known values, and no refusal of a new one. */
type Open<Known extends string> = Known | (string & Record<never, never>);

/** A user. */
export interface FerrisKeyUser {
  id: string;
  realm_id: string;
  /** Only on service-account users (omitted otherwise). */
  client_id?: string;
  username: string;
  firstname: string | null;
  lastname: string | null;
  email: string | null;
  email_verified: boolean;
  enabled: boolean;
  /** Omitted when not loaded. */
  roles?: FerrisKeyRole[];
  /** Omitted when not loaded; present on admin create. */
  realm?: FerrisKeyRealm;
  required_actions: Open<"configure_otp" | "verify_email" | "update_password" | "configure_passkey">[];
  created_at: string;
  updated_at: string;
  /** main. */
  failed_login_attempts?: number;
  /** main. */
  locked_until?: string | null;
}

/** A realm or client role. */
export interface FerrisKeyRole {
  id: string;
  name: string;
  description: string | null;
  /** E.g. `manage_users`, `view_clients`. */
  permissions: string[];
  realm_id: string;
  client_id: string | null;
  client: FerrisKeyClient | null;
  /** main. */
  require_mfa?: boolean;
  created_at: string;
  updated_at: string;
}

/** A realm. */
export interface FerrisKeyRealm {
  id: string;
  /** The URL slug. */
  name: string;
  /** main. */
  display_name?: string | null;
  settings: FerrisKeyRealmSetting | null;
  created_at: string;
  updated_at: string;
}

/** A realm's settings. Lifetimes are seconds. */
export interface FerrisKeyRealmSetting {
  id: string;
  realm_id: string;
  default_signing_algorithm: string | null;
  user_registration_enabled: boolean;
  forgot_password_enabled: boolean;
  remember_me_enabled: boolean;
  magic_link_enabled: boolean;
  magic_link_ttl: number;
  passkey_enabled: boolean;
  compass_enabled: boolean;
  access_token_lifetime: number;
  refresh_token_lifetime: number;
  id_token_lifetime: number;
  temporary_token_lifetime: number;
  reset_password_template_id: string | null;
  magic_link_template_id: string | null;
  email_verification_template_id: string | null;
  email_verification_enabled: boolean;
  email_verification_ttl_hours: number;
  /** main. */
  login_aliases?: Open<"username" | "email">[];
  /** main. */
  require_mfa?: boolean;
  updated_at: string;
  /** main. */
  lockout_threshold?: number;
  /** main. */
  lockout_duration_seconds?: number;
  /** main; default `off`. */
  seawatch_pii_mode?: string;
}

/** An OAuth/OIDC client. */
export interface FerrisKeyClient {
  id: string;
  enabled: boolean;
  /** The client's slug. */
  client_id: string;
  /** `"***"` (masked by FerrisKey) or `null`. */
  secret: string | null;
  realm_id: string;
  protocol: string;
  public_client: boolean;
  service_account_enabled: boolean;
  direct_access_grants_enabled: boolean;
  oauth_device_code_grant_enabled: boolean;
  /** main. */
  require_pkce?: boolean;
  client_type: Open<"confidential" | "public" | "system">;
  name: string;
  redirect_uris: FerrisKeyRedirectUri[] | null;
  access_token_lifetime: number | null;
  refresh_token_lifetime: number | null;
  id_token_lifetime: number | null;
  temporary_token_lifetime: number | null;
  maintenance_enabled: boolean;
  maintenance_reason: string | null;
  maintenance_session_strategy: Open<"terminate" | "expire">;
  created_at: string;
  updated_at: string;
}

/** A redirect or post-logout redirect URI of a client. */
export interface FerrisKeyRedirectUri {
  id: string;
  client_id: string;
  value: string;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

/** An allowed web origin of a client (main only). */
export interface FerrisKeyWebOrigin {
  id: string;
  client_id: string;
  /** An origin, or `+`: "derived from the redirect URIs". */
  value: string;
  created_at: string;
  updated_at: string;
}

/** A device-authorization (RFC 8628) session, without its user code. */
export interface FerrisKeyDeviceFlowEvent {
  session_id: string;
  realm_id: string;
  client_id: string;
  status: Open<"pending" | "approved" | "denied" | "expired" | "consumed">;
  /** The raw UUID on `initiated`; afterwards the SHA-256 hex of the UUID's 16 bytes. */
  device_code: string;
  user_id: string | null;
}

/** A webhook's subscription to one event. */
export interface FerrisKeyWebhookSubscriber {
  id: string;
  /** The event name. */
  name: string;
  webhook_id: string;
}

/** A webhook configuration, as `webhook.*` events carry it. */
export interface FerrisKeyWebhook {
  id: string;
  endpoint: string;
  /**
   * Up to v0.7.2 only: the custom headers configured for the webhook, which can hold an `Authorization`
   * credential. Never log `webhook.*` payloads whole.
   */
  headers?: Record<string, string>;
  name: string | null;
  description: string | null;
  subscribers: FerrisKeyWebhookSubscriber[];
  triggered_at: string | null;
  updated_at: string;
  created_at: string;
}
