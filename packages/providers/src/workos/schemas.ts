/**
 * The schemas of WorkOS's payloads, checked field by field against `@workos-inc/node`'s `*Response`
 * interfaces (workos/workos-node 10.9.0 at fd885bcc; npm 11.0.0 and 8.13.0): a key the SDK types `?:` (or
 * that one of those versions lacks) is optional here, `| null` is nullable, and its string unions and enums
 * stay open. None is stricter. Nested objects are loose: unknown keys pass through.
 * @module
 */
import * as v from "valibot";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject, openString, shape } from "../kit/shape.js";
import type {
  WorkosAuthentication,
  WorkosDeletedDirectory,
  WorkosDirectory,
  WorkosDirectoryGroup,
  WorkosDirectoryGroupMembership,
  WorkosDirectoryGroupUpdated,
  WorkosDirectoryUser,
  WorkosDirectoryUserUpdated,
  WorkosEmailVerification,
  WorkosImpersonator,
  WorkosInvitation,
  WorkosMagicAuth,
  WorkosOrganization,
  WorkosOrganizationDomain,
  WorkosOrganizationDomainVerificationFailed,
  WorkosOrganizationMembership,
  WorkosPasswordReset,
  WorkosRadarRiskDetected,
  WorkosRole,
  WorkosSession,
  WorkosUser,
} from "./types.js";

const time = isoDate;
const nullableString = v.nullable(v.string());
const stringMap = v.record(v.string(), v.string());

// role.interface.ts `RoleResponse`.
const role = shape<WorkosRole>({ slug: v.string() });

// user.interface.ts `UserResponse`; `name` is not in 8.x's type.
export const userSchema: v.GenericSchema<unknown, WorkosUser> = shape<WorkosUser>({
  object: v.literal("user"),
  id: v.string(),
  email: v.string(),
  email_verified: v.boolean(),
  profile_picture_url: nullableString,
  name: v.nullish(v.string()),
  first_name: nullableString,
  last_name: nullableString,
  last_sign_in_at: v.nullable(time),
  locale: nullableString,
  created_at: time,
  updated_at: time,
  external_id: v.optional(v.string()),
  metadata: v.optional(stringMap),
});

// organization-domain.interface.ts `OrganizationDomainResponse` (enums `OrganizationDomainState`,
// `OrganizationDomainVerificationStrategy`).
export const organizationDomainSchema: v.GenericSchema<unknown, WorkosOrganizationDomain> =
  shape<WorkosOrganizationDomain>({
    object: v.literal("organization_domain"),
    id: v.string(),
    domain: v.string(),
    organization_id: v.string(),
    state: openString<"verified" | "pending" | "failed">(),
    verification_token: v.optional(v.string()),
    verification_strategy: openString<"dns" | "manual">(),
    verification_prefix: v.optional(v.string()),
    created_at: time,
    updated_at: time,
  });

// organization-domain.interface.ts `OrganizationDomainVerificationFailedResponse`.
export const organizationDomainVerificationFailedSchema: v.GenericSchema<
  unknown,
  WorkosOrganizationDomainVerificationFailed
> = shape<WorkosOrganizationDomainVerificationFailed>({
  reason: v.string(),
  organization_domain: organizationDomainSchema,
});

// organization.interface.ts `OrganizationResponse`.
export const organizationSchema: v.GenericSchema<unknown, WorkosOrganization> = shape<WorkosOrganization>({
  object: v.literal("organization"),
  id: v.string(),
  name: v.string(),
  allow_profiles_outside_organization: v.boolean(),
  domains: v.array(organizationDomainSchema),
  stripe_customer_id: v.optional(v.string()),
  created_at: time,
  updated_at: time,
  external_id: v.nullish(v.string()),
  metadata: v.optional(stringMap),
});

// organization-membership.interface.ts `OrganizationMembershipResponse` (and its base).
export const membershipSchema: v.GenericSchema<unknown, WorkosOrganizationMembership> =
  shape<WorkosOrganizationMembership>({
    object: v.literal("organization_membership"),
    id: v.string(),
    organization_id: v.string(),
    organization_name: v.string(),
    status: openString<"active" | "inactive" | "pending">(),
    user_id: v.string(),
    directory_managed: v.optional(v.boolean()),
    role,
    roles: v.optional(v.array(role)),
    custom_attributes: v.optional(jsonObject),
    created_at: time,
    updated_at: time,
  });

// session.interface.ts `Impersonator`.
const impersonator = shape<WorkosImpersonator>({ email: v.string(), reason: nullableString });

// session.interface.ts `SessionResponse` (`AuthMethod`, `SessionStatus`).
export const sessionSchema: v.GenericSchema<unknown, WorkosSession> = shape<WorkosSession>({
  object: v.literal("session"),
  id: v.string(),
  user_id: v.string(),
  ip_address: nullableString,
  user_agent: nullableString,
  organization_id: v.optional(v.string()),
  impersonator: v.optional(impersonator),
  auth_method: openString<WorkosSession["auth_method"]>(),
  status: openString<"active" | "expired" | "revoked">(),
  expires_at: time,
  ended_at: v.nullable(time),
  created_at: time,
  updated_at: time,
});

// authentication-event.interface.ts `AuthenticationEventResponse`, `AuthenticationEventError`,
// `AuthenticationEventSsoResponse`.
export const authenticationSchema: v.GenericSchema<unknown, WorkosAuthentication> =
  shape<WorkosAuthentication>({
    email: nullableString,
    error: v.optional(
      shape<NonNullable<WorkosAuthentication["error"]>>({ code: v.string(), message: v.string() }),
    ),
    ip_address: nullableString,
    sso: v.optional(
      shape<NonNullable<WorkosAuthentication["sso"]>>({
        connection_id: v.string(),
        organization_id: v.string(),
        session_id: v.optional(v.string()),
      }),
    ),
    status: openString<"failed" | "succeeded">(),
    type: openString<WorkosAuthentication["type"]>(),
    user_agent: nullableString,
    user_id: nullableString,
  });

// authentication-radar-risk-detected-event.interface.ts `AuthenticationRadarRiskDetectedEventResponseData`.
export const radarRiskSchema: v.GenericSchema<unknown, WorkosRadarRiskDetected> =
  shape<WorkosRadarRiskDetected>({
    auth_method: v.string(),
    action: openString<"signup" | "login">(),
    control: nullableString,
    blocklist_type: nullableString,
    ip_address: nullableString,
    user_agent: nullableString,
    user_id: v.string(),
    email: v.string(),
  });

// email-verification.interface.ts `EmailVerificationEventResponse`.
export const emailVerificationSchema: v.GenericSchema<unknown, WorkosEmailVerification> =
  shape<WorkosEmailVerification>({
    object: v.literal("email_verification"),
    id: v.string(),
    user_id: v.string(),
    email: v.string(),
    expires_at: time,
    created_at: time,
    updated_at: time,
  });

// magic-auth.interface.ts `MagicAuthEventResponse`.
export const magicAuthSchema: v.GenericSchema<unknown, WorkosMagicAuth> = shape<WorkosMagicAuth>({
  object: v.literal("magic_auth"),
  id: v.string(),
  user_id: v.string(),
  email: v.string(),
  expires_at: time,
  created_at: time,
  updated_at: time,
});

// password-reset.interface.ts `PasswordResetEventResponse`.
export const passwordResetSchema: v.GenericSchema<unknown, WorkosPasswordReset> = shape<WorkosPasswordReset>({
  object: v.literal("password_reset"),
  id: v.string(),
  user_id: v.string(),
  email: v.string(),
  expires_at: time,
  created_at: time,
});

// invitation.interface.ts `InvitationEventResponse`; `role_slug` is not in 8.x's type.
export const invitationSchema: v.GenericSchema<unknown, WorkosInvitation> = shape<WorkosInvitation>({
  object: v.literal("invitation"),
  id: v.string(),
  email: v.string(),
  state: openString<"pending" | "accepted" | "expired" | "revoked">(),
  accepted_at: v.nullable(time),
  revoked_at: v.nullable(time),
  expires_at: time,
  organization_id: nullableString,
  inviter_user_id: nullableString,
  accepted_user_id: nullableString,
  role_slug: v.nullish(v.string()),
  created_at: time,
  updated_at: time,
});

// directory.interface.ts `EventDirectoryResponse` without `domains` and `external_key` (`dsync.deleted`).
const deletedDirectoryFields = {
  object: v.literal("directory"),
  id: v.string(),
  type: openString<WorkosDirectory["type"]>(),
  state: openString<WorkosDirectory["state"]>(),
  name: v.string(),
  organization_id: v.optional(v.string()),
  created_at: time,
  updated_at: time,
} as const;

export const deletedDirectorySchema: v.GenericSchema<unknown, WorkosDeletedDirectory> =
  shape<WorkosDeletedDirectory>(deletedDirectoryFields);

// directory.interface.ts `EventDirectoryResponse` and `EventDirectoryDomain`.
export const directorySchema: v.GenericSchema<unknown, WorkosDirectory> = shape<WorkosDirectory>({
  ...deletedDirectoryFields,
  external_key: v.string(),
  domains: v.array(
    shape<WorkosDirectory["domains"][number]>({
      object: v.literal("organization_domain"),
      id: v.string(),
      domain: v.string(),
    }),
  ),
});

// directory-user.interface.ts `DirectoryUserResponse`.
const directoryUserFields = {
  object: v.literal("directory_user"),
  id: v.string(),
  directory_id: v.string(),
  organization_id: nullableString,
  raw_attributes: v.unknown(),
  custom_attributes: jsonObject,
  idp_id: v.string(),
  first_name: nullableString,
  email: nullableString,
  last_name: nullableString,
  state: openString<"active" | "inactive">(),
  role: v.optional(role),
  roles: v.optional(v.array(role)),
  created_at: time,
  updated_at: time,
} as const;

export const directoryUserSchema: v.GenericSchema<unknown, WorkosDirectoryUser> =
  shape<WorkosDirectoryUser>(directoryUserFields);

// event.interface.ts `DsyncUserUpdatedEventResponse`: `DirectoryUserResponse & Record<'previous_attributes', any>`.
export const directoryUserUpdatedSchema: v.GenericSchema<unknown, WorkosDirectoryUserUpdated> =
  shape<WorkosDirectoryUserUpdated>({
    ...directoryUserFields,
    previous_attributes: v.unknown(),
  });

// directory-group.interface.ts `DirectoryGroupResponse`.
const directoryGroupFields = {
  id: v.string(),
  idp_id: v.string(),
  directory_id: v.string(),
  organization_id: nullableString,
  name: v.string(),
  created_at: time,
  updated_at: time,
  raw_attributes: v.unknown(),
} as const;

export const directoryGroupSchema: v.GenericSchema<unknown, WorkosDirectoryGroup> =
  shape<WorkosDirectoryGroup>(directoryGroupFields);

// event.interface.ts `DsyncGroupUpdatedEventResponse`.
export const directoryGroupUpdatedSchema: v.GenericSchema<unknown, WorkosDirectoryGroupUpdated> =
  shape<WorkosDirectoryGroupUpdated>({
    ...directoryGroupFields,
    previous_attributes: v.unknown(),
  });

// event.interface.ts `DsyncGroupUserAddedEventResponse` / `DsyncGroupUserRemovedEventResponse`.
export const groupMembershipSchema: v.GenericSchema<unknown, WorkosDirectoryGroupMembership> =
  shape<WorkosDirectoryGroupMembership>({
    directory_id: v.string(),
    user: directoryUserSchema,
    group: directoryGroupSchema,
  });
