/**
 * Clerk's payload types, after `Webhooks.ts` and `JSON.ts` in clerk/javascript. Times are epoch milliseconds.
 * @module
 */

/** Where the change came from, when Clerk knows. */
export interface ClerkEventAttributes {
  http_request: { client_ip: string; user_agent: string };
}

/** Every Clerk event. */
export interface ClerkEvent<Type extends string, Data> {
  data: Data;
  object: "event";
  type: Type;
  /** When the event happened, epoch **milliseconds** (the `svix-timestamp` header is the attempt, in seconds). */
  timestamp: number;
  /** `ins_…`. */
  instance_id: string;
  /** Absent from older deliveries and from Clerk's own docs example. */
  event_attributes?: ClerkEventAttributes;
}

/** A verification of an email address, phone number or wallet. */
export interface ClerkVerification {
  status: "unverified" | "verified" | "transferable" | "failed" | "expired" | (string & Record<never, never>);
  strategy: string;
  attempts?: number | null;
  expire_at?: number | null;
}

/** An email address of a user (`idn_…`). */
export interface ClerkEmailAddress {
  id: string;
  object: "email_address";
  email_address: string;
  verification: ClerkVerification | null;
  linked_to: { id: string; type: string }[];
}

/** A phone number of a user (`idn_…`). */
export interface ClerkPhoneNumber {
  id: string;
  phone_number: string;
  verification?: ClerkVerification | null;
}

/** A web3 wallet of a user. */
export interface ClerkWeb3Wallet {
  id: string;
  web3_wallet: string;
}

/** An OAuth account linked to a user (`provider` like `oauth_google`). */
export interface ClerkExternalAccount {
  id: string;
  provider: string;
}

/** A Clerk user, as `user.created` / `user.updated` carry it. */
export interface ClerkUser {
  /** `user_…`. */
  id: string;
  object: "user";
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image?: boolean;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  password_enabled: boolean;
  two_factor_enabled: boolean;
  totp_enabled?: boolean;
  backup_code_enabled?: boolean;
  email_addresses: ClerkEmailAddress[];
  phone_numbers: ClerkPhoneNumber[];
  web3_wallets: ClerkWeb3Wallet[];
  external_accounts: ClerkExternalAccount[];
  enterprise_accounts?: Record<string, unknown>[];
  /** Removed from Clerk's `UserJSON` type in 2025-11, still in the Backend API object. */
  saml_accounts?: Record<string, unknown>[];
  passkeys?: Record<string, unknown>[];
  organization_memberships?: Record<string, unknown>[] | null;
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  external_id: string | null;
  last_sign_in_at: number | null;
  password_last_updated_at?: number | null;
  banned?: boolean;
  locked?: boolean;
  lockout_expires_in_seconds?: number | null;
  verification_attempts_remaining?: number | null;
  created_at: number;
  updated_at: number;
  last_active_at?: number | null;
  create_organization_enabled?: boolean;
  create_organizations_limit?: number | null;
  delete_self_enabled?: boolean;
  legal_accepted_at?: number | null;
  /** BCP 47. */
  locale?: string | null;
}

/** What `user.deleted` and `organization.deleted` carry: a stub of the deleted object. */
export interface ClerkDeletedObject {
  /** `"user"`, `"organization"`. */
  object: string;
  id: string;
  deleted: boolean;
  slug?: string;
  external_id?: string | null;
}

/** A session (`sess_…`), as `session.*` events carry it. */
export interface ClerkSession {
  id: string;
  object: "session";
  /** `client_…`. */
  client_id: string;
  user_id: string;
  status:
    | "active"
    | "ended"
    | "removed"
    | "revoked"
    | "expired"
    | "abandoned"
    | "replaced"
    | (string & Record<never, never>);
  last_active_organization_id?: string | null;
  actor?: Record<string, unknown> | null;
  last_active_at: number;
  expire_at: number;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

/** An organization (`org_…`). */
export interface ClerkOrganization {
  id: string;
  object: "organization";
  name: string;
  slug: string;
  image_url?: string;
  has_image?: boolean;
  members_count?: number;
  max_allowed_memberships?: number;
  admin_delete_enabled?: boolean;
  public_metadata?: Record<string, unknown> | null;
  private_metadata?: Record<string, unknown>;
  created_by?: string;
  created_at: number;
  updated_at: number;
}

/** The public part of a member's user record, inside a membership. */
export interface ClerkPublicUserData {
  user_id: string;
  identifier: string;
  first_name?: string | null;
  last_name?: string | null;
  image_url?: string;
  has_image?: boolean;
}

/** A membership (`orgmem_…`), as `organizationMembership.*` events carry it. */
export interface ClerkOrganizationMembership {
  id: string;
  object: "organization_membership";
  /** `org:admin`, `org:member`, or a custom role key. */
  role: string;
  permissions?: string[];
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
  created_at: number;
  updated_at: number;
  organization: ClerkOrganization;
  public_user_data: ClerkPublicUserData;
}

/** An email Clerk is sending (`email.created`): with "delivered by Clerk" off, you deliver it yourself. */
export interface ClerkEmail {
  id: string;
  object: "email";
  slug?: string | null;
  from_email_name: string;
  to_email_address?: string;
  email_address_id: string | null;
  user_id?: string | null;
  subject?: string;
  body?: string;
  body_plain?: string | null;
  status?: string;
  data?: Record<string, unknown> | null;
  delivered_by_clerk: boolean;
}
