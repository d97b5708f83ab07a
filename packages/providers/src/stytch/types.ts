/**
 * The objects Stytch's webhooks carry, as stytch-node types them (npm `stytch` 14.2.0,
 * stytchauth/stytch-node at 72cab7dd): `types/lib/b2b/organizations.d.ts` (`Member`, `Organization` and their
 * parts) and `types/lib/b2c/users.d.ts` (`User`). Optional there is optional here. Looser than the SDK where
 * Stytch's own webhook examples (its public Svix event catalogs) send less or `null`: a member's `is_locked` and
 * `retired_email_addresses` and a user's `is_locked` and `roles` may be missing; `password` and the `lock_*`
 * times may be `null`; an organization's settings beyond its id and name may be missing (older deliveries
 * predate them). Enum-like strings stay plain strings, as stytch-node types them.
 * @module
 */

/** A member's link to a SAML or OIDC connection (`SSORegistration`). */
export interface StytchSsoRegistration {
  connection_id: string;
  external_id: string;
  registration_id: string;
  sso_attributes?: Record<string, unknown>;
}

/** A member's OAuth link (`OAuthRegistration`, B2B). */
export interface StytchOAuthRegistration {
  provider_type: string;
  provider_subject: string;
  member_oauth_registration_id: string;
  profile_picture_url?: string;
}

/** Why a member has a role (`MemberRoleSource`): `direct_assignment`, `email_assignment`, `sso_connection`… */
export interface StytchMemberRoleSource {
  type: string;
  details?: Record<string, unknown>;
}

/** A role a member has, explicit or implicit (`MemberRole`). */
export interface StytchMemberRole {
  /** `stytch_member`, `stytch_admin`, or one of the project's roles. */
  role_id: string;
  sources: StytchMemberRoleSource[];
}

/** An email address a member used before (`RetiredEmail`). */
export interface StytchRetiredEmail {
  email_id: string;
  email_address: string;
}

/** The SCIM registration a member was provisioned through (`SCIMRegistration`). */
export interface StytchScimRegistration {
  connection_id: string;
  registration_id: string;
  external_id?: string;
  scim_attributes?: Record<string, unknown>;
}

/** A B2B member: one user in one organization (`Member`), as `*.member.create` / `*.member.update` carry it. */
export interface StytchMember {
  organization_id: string;
  member_id: string;
  email_address: string;
  /** `active`, `pending`, `invited`, `deleted`. */
  status: string;
  name: string;
  sso_registrations: StytchSsoRegistration[];
  is_breakglass: boolean;
  /** `""` when the member has no password. */
  member_password_id: string;
  oauth_registrations: StytchOAuthRegistration[];
  email_address_verified: boolean;
  mfa_phone_number_verified: boolean;
  /** Whether the member has the `stytch_admin` role. */
  is_admin: boolean;
  /** `""` when none. */
  totp_registration_id: string;
  /** Required in stytch-node; missing from Stytch's webhook examples. */
  retired_email_addresses?: StytchRetiredEmail[];
  /** Required in stytch-node; missing from Stytch's webhook examples. */
  is_locked?: boolean;
  mfa_enrolled: boolean;
  /** E.164, or `""`. */
  mfa_phone_number: string;
  /** `sms_otp`, `totp`, or `""`. */
  default_mfa_method: string;
  roles: StytchMemberRole[];
  trusted_metadata?: Record<string, unknown>;
  untrusted_metadata?: Record<string, unknown>;
  /** RFC 3339. */
  created_at?: string;
  updated_at?: string;
  scim_registration?: StytchScimRegistration;
  external_id?: string;
  lock_created_at?: string | null;
  lock_expires_at?: string | null;
}

/** An organization's active SSO connection (`ActiveSSOConnection`). */
export interface StytchActiveSsoConnection {
  connection_id: string;
  display_name: string;
  identity_provider: string;
}

/** An organization's active SCIM connection (`ActiveSCIMConnection`). */
export interface StytchActiveScimConnection {
  connection_id: string;
  display_name: string;
  bearer_token_last_four: string;
  bearer_token_expires_at?: string;
}

/** A role granted to every member whose email is at `domain` (`EmailImplicitRoleAssignment`). */
export interface StytchEmailImplicitRoleAssignment {
  domain: string;
  role_id: string;
}

/** An organization-scoped role (`CustomRole`). */
export interface StytchCustomRole {
  role_id: string;
  description: string;
  permissions: { resource_id: string; actions: string[] }[];
}

/**
 * A B2B organization (`Organization`), as `*.organization.create` / `*.organization.update` carry it. The
 * settings are strings whose values stytch-node leaves open (`ALL_ALLOWED`, `RESTRICTED`, `NOT_ALLOWED`…).
 */
export interface StytchOrganization {
  organization_id: string;
  organization_name: string;
  organization_logo_url?: string;
  organization_slug?: string;
  sso_jit_provisioning?: string;
  sso_jit_provisioning_allowed_connections?: string[];
  sso_active_connections?: StytchActiveSsoConnection[];
  email_allowed_domains?: string[];
  email_jit_provisioning?: string;
  email_invites?: string;
  auth_methods?: string;
  allowed_auth_methods?: string[];
  mfa_policy?: string;
  rbac_email_implicit_role_assignments?: StytchEmailImplicitRoleAssignment[];
  mfa_methods?: string;
  allowed_mfa_methods?: string[];
  oauth_tenant_jit_provisioning?: string;
  claimed_email_domains?: string[];
  first_party_connected_apps_allowed_type?: string;
  allowed_first_party_connected_apps?: string[];
  third_party_connected_apps_allowed_type?: string;
  allowed_third_party_connected_apps?: string[];
  custom_roles?: StytchCustomRole[];
  trusted_metadata?: Record<string, unknown>;
  created_at?: string;
  updated_at?: string;
  organization_external_id?: string;
  sso_default_connection_id?: string;
  scim_active_connection?: StytchActiveScimConnection;
  allowed_oauth_tenants?: Record<string, unknown>;
}

/** A consumer user's email (`UsersEmail`). */
export interface StytchUserEmail {
  email_id: string;
  email: string;
  verified: boolean;
}

/** A consumer user's phone number (`UsersPhoneNumber`). */
export interface StytchUserPhoneNumber {
  phone_id: string;
  phone_number: string;
  verified: boolean;
}

/** A consumer user's name (`UsersName`); each part may be `""`. */
export interface StytchUserName {
  first_name?: string;
  middle_name?: string;
  last_name?: string;
}

/** A consumer user's password (`Password`). */
export interface StytchPassword {
  password_id: string;
  requires_reset: boolean;
}

/**
 * A consumer user (`User`), as `*.user.create` / `*.user.update` carry it. The factor lists
 * (`webauthn_registrations`, `providers`, `totps`, `crypto_wallets`, `biometric_registrations`) are typed at
 * their entries' ids only; their other fields pass through.
 */
export interface StytchUser {
  user_id: string;
  emails: StytchUserEmail[];
  /** `active`, `pending`. */
  status: string;
  phone_numbers: StytchUserPhoneNumber[];
  webauthn_registrations: Record<string, unknown>[];
  providers: Record<string, unknown>[];
  totps: Record<string, unknown>[];
  crypto_wallets: Record<string, unknown>[];
  biometric_registrations: Record<string, unknown>[];
  /** Required in stytch-node; missing from Stytch's webhook examples. */
  is_locked?: boolean;
  /** Required in stytch-node; missing from Stytch's webhook examples. */
  roles?: string[];
  name?: StytchUserName;
  created_at?: string;
  /** `null` in Stytch's webhook examples when the user has none. */
  password?: StytchPassword | null;
  trusted_metadata?: Record<string, unknown>;
  untrusted_metadata?: Record<string, unknown>;
  external_id?: string;
  lock_created_at?: string | null;
  lock_expires_at?: string | null;
}
