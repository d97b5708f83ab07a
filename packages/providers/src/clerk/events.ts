/**
 * Clerk's event catalogue: the one list of its event types, each with the `data` it carries, as
 * `Webhooks.ts` in clerk/javascript (e21ae9a4) declares them. An event type Clerk adds later reaches
 * `onAny` unvalidated.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { shape } from "../kit/shape.js";
import {
  deletedSchema,
  emailSchema,
  membershipSchema,
  organizationDomainSchema,
  organizationInvitationAcceptedSchema,
  organizationInvitationSchema,
  organizationSchema,
  paymentAttemptSchema,
  permissionSchema,
  roleSchema,
  sessionSchema,
  smsSchema,
  subscriptionItemSchema,
  subscriptionSchema,
  userSchema,
  waitlistEntrySchema,
} from "./schemas.js";
import type {
  ClerkBillingPaymentAttempt,
  ClerkBillingSubscription,
  ClerkBillingSubscriptionItem,
  ClerkDeletedObject,
  ClerkEmail,
  ClerkEvent,
  ClerkEventAttributes,
  ClerkOrganization,
  ClerkOrganizationDomain,
  ClerkOrganizationInvitation,
  ClerkOrganizationInvitationAccepted,
  ClerkOrganizationMembership,
  ClerkPermission,
  ClerkRole,
  ClerkSession,
  ClerkSmsMessage,
  ClerkUser,
  ClerkWaitlistEntry,
} from "./types.js";

/** Clerk's event types and the `data` each carries: users, sessions, emails and SMS, organizations, roles, billing. */
export type ClerkEventData = {
  "user.created": ClerkUser;
  "user.updated": ClerkUser;
  /** A stub: `{ object, id?, deleted: true }`. */
  "user.deleted": ClerkDeletedObject;
  "session.created": ClerkSession;
  "session.ended": ClerkSession;
  "session.removed": ClerkSession;
  "session.revoked": ClerkSession;
  "email.created": ClerkEmail;
  "sms.created": ClerkSmsMessage;
  "organization.created": ClerkOrganization;
  "organization.updated": ClerkOrganization;
  /** A stub: `{ object, id?, deleted: true }`. */
  "organization.deleted": ClerkDeletedObject;
  "organizationDomain.created": ClerkOrganizationDomain;
  "organizationDomain.updated": ClerkOrganizationDomain;
  /** A stub: `{ object, id?, deleted: true }`. */
  "organizationDomain.deleted": ClerkDeletedObject;
  "organizationMembership.created": ClerkOrganizationMembership;
  "organizationMembership.updated": ClerkOrganizationMembership;
  "organizationMembership.deleted": ClerkOrganizationMembership;
  "organizationInvitation.created": ClerkOrganizationInvitation;
  "organizationInvitation.revoked": ClerkOrganizationInvitation;
  "organizationInvitation.accepted": ClerkOrganizationInvitationAccepted;
  "role.created": ClerkRole;
  "role.updated": ClerkRole;
  "role.deleted": ClerkRole;
  "permission.created": ClerkPermission;
  "permission.updated": ClerkPermission;
  "permission.deleted": ClerkPermission;
  "waitlistEntry.created": ClerkWaitlistEntry;
  "waitlistEntry.updated": ClerkWaitlistEntry;
  "paymentAttempt.created": ClerkBillingPaymentAttempt;
  "paymentAttempt.updated": ClerkBillingPaymentAttempt;
  "subscription.created": ClerkBillingSubscription;
  "subscription.updated": ClerkBillingSubscription;
  "subscription.active": ClerkBillingSubscription;
  "subscription.pastDue": ClerkBillingSubscription;
  "subscriptionItem.created": ClerkBillingSubscriptionItem;
  "subscriptionItem.updated": ClerkBillingSubscriptionItem;
  "subscriptionItem.active": ClerkBillingSubscriptionItem;
  "subscriptionItem.canceled": ClerkBillingSubscriptionItem;
  "subscriptionItem.upcoming": ClerkBillingSubscriptionItem;
  "subscriptionItem.ended": ClerkBillingSubscriptionItem;
  "subscriptionItem.abandoned": ClerkBillingSubscriptionItem;
  "subscriptionItem.incomplete": ClerkBillingSubscriptionItem;
  "subscriptionItem.pastDue": ClerkBillingSubscriptionItem;
  "subscriptionItem.freeTrialEnding": ClerkBillingSubscriptionItem;
};

/** Every Clerk event, as `Webhooks.ts` declares them: event type → payload. */
export type ClerkEvents = {
  [Type in keyof ClerkEventData & string]: ClerkEvent<Type, ClerkEventData[Type]>;
};

// Webhooks.ts `WebhookEventAttributes` (required there; optional here, Clerk's docs example has none).
const attributes = shape<ClerkEventAttributes>({
  http_request: shape<ClerkEventAttributes["http_request"]>({
    client_ip: v.string(),
    user_agent: v.string(),
  }),
});

/** The envelope around one event type's `data`: Webhooks.ts `Webhook`, plus the untyped `timestamp` and `instance_id`. */
function clerkEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, ClerkEvent<Type, Data>> {
  return v.looseObject({
    data,
    object: v.literal("event"),
    type: v.literal(type),
    timestamp: v.optional(v.number()),
    instance_id: v.optional(v.string()),
    event_attributes: v.optional(attributes),
  }) as v.GenericSchema<unknown, ClerkEvent<Type, Data>>;
}

/**
 * The runtime schemas of every Clerk event (Standard Schema v1).
 *
 * @example
 * const result = await clerkCatalogue["user.created"]["~standard"].validate(body);
 */
export const clerkCatalogue: EventCatalogue<ClerkEvents> = catalogue<ClerkEvents, ClerkEventData>(
  clerkEvent,
  {
    "user.created": userSchema,
    "user.updated": userSchema,
    "user.deleted": deletedSchema,
    "session.created": sessionSchema,
    "session.ended": sessionSchema,
    "session.removed": sessionSchema,
    "session.revoked": sessionSchema,
    "email.created": emailSchema,
    "sms.created": smsSchema,
    "organization.created": organizationSchema,
    "organization.updated": organizationSchema,
    "organization.deleted": deletedSchema,
    "organizationDomain.created": organizationDomainSchema,
    "organizationDomain.updated": organizationDomainSchema,
    "organizationDomain.deleted": deletedSchema,
    "organizationMembership.created": membershipSchema,
    "organizationMembership.updated": membershipSchema,
    "organizationMembership.deleted": membershipSchema,
    "organizationInvitation.created": organizationInvitationSchema,
    "organizationInvitation.revoked": organizationInvitationSchema,
    "organizationInvitation.accepted": organizationInvitationAcceptedSchema,
    "role.created": roleSchema,
    "role.updated": roleSchema,
    "role.deleted": roleSchema,
    "permission.created": permissionSchema,
    "permission.updated": permissionSchema,
    "permission.deleted": permissionSchema,
    "waitlistEntry.created": waitlistEntrySchema,
    "waitlistEntry.updated": waitlistEntrySchema,
    "paymentAttempt.created": paymentAttemptSchema,
    "paymentAttempt.updated": paymentAttemptSchema,
    "subscription.created": subscriptionSchema,
    "subscription.updated": subscriptionSchema,
    "subscription.active": subscriptionSchema,
    "subscription.pastDue": subscriptionSchema,
    "subscriptionItem.created": subscriptionItemSchema,
    "subscriptionItem.updated": subscriptionItemSchema,
    "subscriptionItem.active": subscriptionItemSchema,
    "subscriptionItem.canceled": subscriptionItemSchema,
    "subscriptionItem.upcoming": subscriptionItemSchema,
    "subscriptionItem.ended": subscriptionItemSchema,
    "subscriptionItem.abandoned": subscriptionItemSchema,
    "subscriptionItem.incomplete": subscriptionItemSchema,
    "subscriptionItem.pastDue": subscriptionItemSchema,
    "subscriptionItem.freeTrialEnding": subscriptionItemSchema,
  },
);
