/**
 * WorkOS's payload types, after the `*Response` interfaces (the wire's snake_case) of `@workos-inc/node`
 * (workos/workos-node 10.9.0 at fd885bcc, npm 11.0.0 and 8.13.0). A field either version lacks is optional
 * here. Times are ISO 8601 strings.
 * @module
 */

/** An open string union: the listed values, and any WorkOS adds later. */
type Open<Known extends string> = Known | (string & Record<never, never>);

/**
 * Every WorkOS event: `event.interface.ts` `EventResponseBase` and its `event` / `data`, plus the `object:
 * "event"` the docs sample carries.
 */
export interface WorkosEvent<Type extends string, Data> {
  /** `event_…`, the same on every retry. */
  id: string;
  event: Type;
  data: Data;
  /** When the event happened: `2023-04-28 20:05:31.093` (UTC, no zone) or RFC 3339. */
  created_at: string;
  /** Not in the SDK's types; the docs sample has it. */
  object?: "event";
  context?: Record<string, unknown>;
}

/** `role.interface.ts` `RoleResponse`. */
export interface WorkosRole {
  slug: string;
}

/** `user.interface.ts` `UserResponse`: an AuthKit user. */
export interface WorkosUser {
  object: "user";
  /** `user_…`. */
  id: string;
  email: string;
  email_verified: boolean;
  profile_picture_url: string | null;
  /** Absent from `@workos-inc/node` 8.x's type. */
  name?: string | null;
  first_name: string | null;
  last_name: string | null;
  last_sign_in_at: string | null;
  locale: string | null;
  created_at: string;
  updated_at: string;
  external_id?: string;
  metadata?: Record<string, string>;
}

/** `organization-domain.interface.ts` `OrganizationDomainResponse`. */
export interface WorkosOrganizationDomain {
  object: "organization_domain";
  /** `org_domain_…`. */
  id: string;
  domain: string;
  organization_id: string;
  state: Open<"verified" | "pending" | "failed">;
  verification_token?: string;
  verification_strategy: Open<"dns" | "manual">;
  verification_prefix?: string;
  created_at: string;
  updated_at: string;
}

/** `organization_domain.verification_failed`: `OrganizationDomainVerificationFailedResponse`. */
export interface WorkosOrganizationDomainVerificationFailed {
  reason: string;
  organization_domain: WorkosOrganizationDomain;
}

/** `organization.interface.ts` `OrganizationResponse`. */
export interface WorkosOrganization {
  object: "organization";
  /** `org_…`. */
  id: string;
  name: string;
  allow_profiles_outside_organization: boolean;
  domains: WorkosOrganizationDomain[];
  stripe_customer_id?: string;
  created_at: string;
  updated_at: string;
  external_id?: string | null;
  metadata?: Record<string, string>;
}

/** `organization-membership.interface.ts` `OrganizationMembershipResponse`. */
export interface WorkosOrganizationMembership {
  object: "organization_membership";
  /** `om_…`. */
  id: string;
  organization_id: string;
  organization_name: string;
  status: Open<"active" | "inactive" | "pending">;
  user_id: string;
  /** Whether directory sync manages the membership. */
  directory_managed?: boolean;
  role: WorkosRole;
  roles?: WorkosRole[];
  custom_attributes?: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** `session.interface.ts` `Impersonator`. */
export interface WorkosImpersonator {
  email: string;
  reason: string | null;
}

/** `session.interface.ts` `SessionResponse`. */
export interface WorkosSession {
  object: "session";
  /** `session_…`. */
  id: string;
  user_id: string;
  ip_address: string | null;
  user_agent: string | null;
  organization_id?: string;
  /** Set when an admin impersonates the user. */
  impersonator?: WorkosImpersonator;
  auth_method: Open<
    | "cross_app_auth"
    | "external_auth"
    | "impersonation"
    | "magic_code"
    | "migrated_session"
    | "oauth"
    | "passkey"
    | "password"
    | "sso"
    | "unknown"
  >;
  status: Open<"active" | "expired" | "revoked">;
  expires_at: string;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

/** `authentication-event.interface.ts` `AuthenticationEventResponse`: one sign-in attempt. */
export interface WorkosAuthentication {
  email: string | null;
  /** On failures. */
  error?: { code: string; message: string };
  ip_address: string | null;
  /** On SSO attempts. */
  sso?: { connection_id: string; organization_id: string; session_id?: string };
  status: Open<"failed" | "succeeded">;
  type: Open<"sso" | "password" | "oauth" | "mfa" | "magic_auth" | "email_verification">;
  user_agent: string | null;
  user_id: string | null;
}

/** `authentication.radar_risk_detected`: `AuthenticationRadarRiskDetectedEventResponseData`. */
export interface WorkosRadarRiskDetected {
  auth_method: string;
  action: Open<"signup" | "login">;
  control: string | null;
  blocklist_type: string | null;
  ip_address: string | null;
  user_agent: string | null;
  user_id: string;
  email: string;
}

/** `email_verification.created`: `EmailVerificationEventResponse` (the code itself is never sent). */
export interface WorkosEmailVerification {
  object: "email_verification";
  id: string;
  user_id: string;
  email: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

/** `magic_auth.created`: `MagicAuthEventResponse` (the code itself is never sent). */
export interface WorkosMagicAuth {
  object: "magic_auth";
  id: string;
  user_id: string;
  email: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

/** `password_reset.*`: `PasswordResetEventResponse` (the token itself is never sent). */
export interface WorkosPasswordReset {
  object: "password_reset";
  id: string;
  user_id: string;
  email: string;
  expires_at: string;
  created_at: string;
}

/** `invitation.*`: `InvitationEventResponse` (the token and URL are never sent). */
export interface WorkosInvitation {
  object: "invitation";
  /** `invitation_…`. */
  id: string;
  email: string;
  state: Open<"pending" | "accepted" | "expired" | "revoked">;
  accepted_at: string | null;
  revoked_at: string | null;
  expires_at: string;
  organization_id: string | null;
  inviter_user_id: string | null;
  accepted_user_id: string | null;
  /** Absent from `@workos-inc/node` 8.x's type. */
  role_slug?: string | null;
  created_at: string;
  updated_at: string;
}

/** `directory.interface.ts` `DirectoryType`. */
export type WorkosDirectoryType = Open<
  | "azure scim v2.0"
  | "bamboohr"
  | "breathe hr"
  | "cezanne hr"
  | "cyberark scim v2.0"
  | "fourth hr"
  | "gsuite directory"
  | "generic scim v2.0"
  | "hibob"
  | "jump cloud scim v2.0"
  | "okta scim v2.0"
  | "onelogin scim v2.0"
  | "people hr"
  | "personio"
  | "pingfederate scim v2.0"
  | "rippling scim v2.0"
  | "sftp"
  | "sftp workday"
  | "workday"
>;

/** `dsync.deleted`: `Omit<EventDirectoryResponse, "domains" | "external_key">`. */
export interface WorkosDeletedDirectory {
  object: "directory";
  /** `directory_…`. */
  id: string;
  type: WorkosDirectoryType;
  /** The events' states, not the REST API's (`linked`, `unlinked`…). */
  state: Open<"active" | "deleting" | "inactive" | "invalid_credentials" | "validating">;
  name: string;
  organization_id?: string;
  created_at: string;
  updated_at: string;
}

/** `dsync.activated`: `EventDirectoryResponse`. */
export interface WorkosDirectory extends WorkosDeletedDirectory {
  external_key: string;
  domains: { object: "organization_domain"; id: string; domain: string }[];
}

/** `directory-user.interface.ts` `DirectoryUserResponse`: a user as the directory provider sent it. */
export interface WorkosDirectoryUser {
  object: "directory_user";
  /** `directory_user_…`. */
  id: string;
  directory_id: string;
  organization_id: string | null;
  /** The user as the identity provider sent it. */
  raw_attributes: unknown;
  /** The attributes mapped in the WorkOS dashboard. */
  custom_attributes: Record<string, unknown>;
  idp_id: string;
  first_name: string | null;
  email: string | null;
  last_name: string | null;
  state: Open<"active" | "inactive">;
  role?: WorkosRole;
  roles?: WorkosRole[];
  created_at: string;
  updated_at: string;
}

/** `dsync.user.updated`: the user, and the attributes that changed with their old values. */
export interface WorkosDirectoryUserUpdated extends WorkosDirectoryUser {
  previous_attributes: unknown;
}

/** `directory-group.interface.ts` `DirectoryGroupResponse`. */
export interface WorkosDirectoryGroup {
  /** `directory_group_…`. */
  id: string;
  idp_id: string;
  directory_id: string;
  organization_id: string | null;
  name: string;
  created_at: string;
  updated_at: string;
  raw_attributes: unknown;
}

/** `dsync.group.updated`: the group, and the attributes that changed with their old values. */
export interface WorkosDirectoryGroupUpdated extends WorkosDirectoryGroup {
  previous_attributes: unknown;
}

/** `dsync.group.user_added` / `user_removed`. */
export interface WorkosDirectoryGroupMembership {
  directory_id: string;
  user: WorkosDirectoryUser;
  group: WorkosDirectoryGroup;
}
