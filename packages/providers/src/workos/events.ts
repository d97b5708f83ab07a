/**
 * WorkOS's event catalogue: the one list of its event types, each with the `data` it carries, as
 * `event.interface.ts` in `@workos-inc/node` declares them, for directory sync, AuthKit user management,
 * organizations and their domains. The SDK's other events (`connection.*`, `role.*`, `permission.*`,
 * `api_key.*`, `flag.*`, `group.*`, `vault.*`, `pipes.*`…) and any WorkOS adds later reach `onAny` unvalidated.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject } from "../kit/shape.js";
import {
  authenticationSchema,
  deletedDirectorySchema,
  directoryGroupSchema,
  directoryGroupUpdatedSchema,
  directorySchema,
  directoryUserSchema,
  directoryUserUpdatedSchema,
  emailVerificationSchema,
  groupMembershipSchema,
  invitationSchema,
  magicAuthSchema,
  membershipSchema,
  organizationDomainSchema,
  organizationDomainVerificationFailedSchema,
  organizationSchema,
  passwordResetSchema,
  radarRiskSchema,
  sessionSchema,
  userSchema,
} from "./schemas.js";
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
  WorkosEvent,
  WorkosInvitation,
  WorkosMagicAuth,
  WorkosOrganization,
  WorkosOrganizationDomain,
  WorkosOrganizationDomainVerificationFailed,
  WorkosOrganizationMembership,
  WorkosPasswordReset,
  WorkosRadarRiskDetected,
  WorkosSession,
  WorkosUser,
} from "./types.js";

/** WorkOS's event types and the `data` each carries. */
export type WorkosEventData = {
  "authentication.email_verification_succeeded": WorkosAuthentication;
  "authentication.magic_auth_failed": WorkosAuthentication;
  "authentication.magic_auth_succeeded": WorkosAuthentication;
  "authentication.mfa_succeeded": WorkosAuthentication;
  "authentication.oauth_failed": WorkosAuthentication;
  "authentication.oauth_succeeded": WorkosAuthentication;
  "authentication.passkey_failed": WorkosAuthentication;
  "authentication.passkey_succeeded": WorkosAuthentication;
  "authentication.password_failed": WorkosAuthentication;
  "authentication.password_succeeded": WorkosAuthentication;
  "authentication.radar_risk_detected": WorkosRadarRiskDetected;
  "authentication.sso_failed": WorkosAuthentication;
  "authentication.sso_succeeded": WorkosAuthentication;
  "dsync.activated": WorkosDirectory;
  "dsync.deleted": WorkosDeletedDirectory;
  "dsync.group.created": WorkosDirectoryGroup;
  "dsync.group.updated": WorkosDirectoryGroupUpdated;
  "dsync.group.deleted": WorkosDirectoryGroup;
  "dsync.group.user_added": WorkosDirectoryGroupMembership;
  "dsync.group.user_removed": WorkosDirectoryGroupMembership;
  "dsync.user.created": WorkosDirectoryUser;
  "dsync.user.updated": WorkosDirectoryUserUpdated;
  "dsync.user.deleted": WorkosDirectoryUser;
  "email_verification.created": WorkosEmailVerification;
  "invitation.accepted": WorkosInvitation;
  "invitation.created": WorkosInvitation;
  "invitation.resent": WorkosInvitation;
  "invitation.revoked": WorkosInvitation;
  "magic_auth.created": WorkosMagicAuth;
  "organization.created": WorkosOrganization;
  "organization.updated": WorkosOrganization;
  "organization.deleted": WorkosOrganization;
  "organization_domain.created": WorkosOrganizationDomain;
  "organization_domain.updated": WorkosOrganizationDomain;
  "organization_domain.deleted": WorkosOrganizationDomain;
  "organization_domain.verified": WorkosOrganizationDomain;
  "organization_domain.verification_failed": WorkosOrganizationDomainVerificationFailed;
  "organization_membership.created": WorkosOrganizationMembership;
  "organization_membership.updated": WorkosOrganizationMembership;
  "organization_membership.deleted": WorkosOrganizationMembership;
  "password_reset.created": WorkosPasswordReset;
  "password_reset.succeeded": WorkosPasswordReset;
  "session.created": WorkosSession;
  "session.revoked": WorkosSession;
  "user.created": WorkosUser;
  "user.updated": WorkosUser;
  "user.deleted": WorkosUser;
};

/** Every typed WorkOS event: event type → payload. */
export type WorkosEvents = {
  [Type in keyof WorkosEventData & string]: WorkosEvent<Type, WorkosEventData[Type]>;
};

/** The envelope around one event type's `data`: event.interface.ts `EventResponseBase`, and `object`. */
function workosEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, WorkosEvent<Type, Data>> {
  return v.looseObject({
    id: v.string(),
    event: v.literal(type),
    data,
    created_at: isoDate,
    object: v.optional(v.literal("event")),
    context: v.optional(jsonObject),
  }) as v.GenericSchema<unknown, WorkosEvent<Type, Data>>;
}

/**
 * The runtime schemas of every typed WorkOS event (Standard Schema v1).
 *
 * @example
 * const result = await workosCatalogue["dsync.user.created"]["~standard"].validate(body);
 */
export const workosCatalogue: EventCatalogue<WorkosEvents> = catalogue<WorkosEvents, WorkosEventData>(
  workosEvent,
  {
    "authentication.email_verification_succeeded": authenticationSchema,
    "authentication.magic_auth_failed": authenticationSchema,
    "authentication.magic_auth_succeeded": authenticationSchema,
    "authentication.mfa_succeeded": authenticationSchema,
    "authentication.oauth_failed": authenticationSchema,
    "authentication.oauth_succeeded": authenticationSchema,
    "authentication.passkey_failed": authenticationSchema,
    "authentication.passkey_succeeded": authenticationSchema,
    "authentication.password_failed": authenticationSchema,
    "authentication.password_succeeded": authenticationSchema,
    "authentication.radar_risk_detected": radarRiskSchema,
    "authentication.sso_failed": authenticationSchema,
    "authentication.sso_succeeded": authenticationSchema,
    "dsync.activated": directorySchema,
    "dsync.deleted": deletedDirectorySchema,
    "dsync.group.created": directoryGroupSchema,
    "dsync.group.updated": directoryGroupUpdatedSchema,
    "dsync.group.deleted": directoryGroupSchema,
    "dsync.group.user_added": groupMembershipSchema,
    "dsync.group.user_removed": groupMembershipSchema,
    "dsync.user.created": directoryUserSchema,
    "dsync.user.updated": directoryUserUpdatedSchema,
    "dsync.user.deleted": directoryUserSchema,
    "email_verification.created": emailVerificationSchema,
    "invitation.accepted": invitationSchema,
    "invitation.created": invitationSchema,
    "invitation.resent": invitationSchema,
    "invitation.revoked": invitationSchema,
    "magic_auth.created": magicAuthSchema,
    "organization.created": organizationSchema,
    "organization.updated": organizationSchema,
    "organization.deleted": organizationSchema,
    "organization_domain.created": organizationDomainSchema,
    "organization_domain.updated": organizationDomainSchema,
    "organization_domain.deleted": organizationDomainSchema,
    "organization_domain.verified": organizationDomainSchema,
    "organization_domain.verification_failed": organizationDomainVerificationFailedSchema,
    "organization_membership.created": membershipSchema,
    "organization_membership.updated": membershipSchema,
    "organization_membership.deleted": membershipSchema,
    "password_reset.created": passwordResetSchema,
    "password_reset.succeeded": passwordResetSchema,
    "session.created": sessionSchema,
    "session.revoked": sessionSchema,
    "user.created": userSchema,
    "user.updated": userSchema,
    "user.deleted": userSchema,
  },
);
