/**
 * Clerk: `{ data, object: "event", type, timestamp, instance_id, event_attributes }` sent through hosted Svix.
 * @module
 */
import type { EventCatalogue, Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import {
  clerkEvents,
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
} from "./clerk-schemas.js";
import type {
  ClerkBillingPaymentAttempt,
  ClerkBillingSubscription,
  ClerkBillingSubscriptionItem,
  ClerkDeletedObject,
  ClerkEmail,
  ClerkEvent,
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
} from "./clerk-types.js";
import { catalogue, stringField } from "./schema-kit.js";

/** Clerk events of one family that carry the same payload, as `Webhooks.ts` groups them: each type → its event. */
type Family<Types extends string, Data> = { [Type in Types]: ClerkEvent<Type, Data> };

/**
 * Every Clerk event, as `Webhooks.ts` in clerk/javascript declares them: event type → payload. An event type
 * Clerk adds later reaches `onAny` unvalidated.
 */
export type ClerkEvents = Family<"user.created" | "user.updated", ClerkUser> &
  Family<"user.deleted", ClerkDeletedObject> &
  Family<"session.created" | "session.ended" | "session.removed" | "session.revoked", ClerkSession> &
  Family<"email.created", ClerkEmail> &
  Family<"sms.created", ClerkSmsMessage> &
  Family<"organization.created" | "organization.updated", ClerkOrganization> &
  Family<"organization.deleted", ClerkDeletedObject> &
  Family<"organizationDomain.created" | "organizationDomain.updated", ClerkOrganizationDomain> &
  Family<"organizationDomain.deleted", ClerkDeletedObject> &
  Family<
    "organizationMembership.created" | "organizationMembership.updated" | "organizationMembership.deleted",
    ClerkOrganizationMembership
  > &
  Family<"organizationInvitation.created" | "organizationInvitation.revoked", ClerkOrganizationInvitation> &
  Family<"organizationInvitation.accepted", ClerkOrganizationInvitationAccepted> &
  Family<"role.created" | "role.updated" | "role.deleted", ClerkRole> &
  Family<"permission.created" | "permission.updated" | "permission.deleted", ClerkPermission> &
  Family<"waitlistEntry.created" | "waitlistEntry.updated", ClerkWaitlistEntry> &
  Family<"paymentAttempt.created" | "paymentAttempt.updated", ClerkBillingPaymentAttempt> &
  Family<
    "subscription.created" | "subscription.updated" | "subscription.active" | "subscription.pastDue",
    ClerkBillingSubscription
  > &
  Family<
    | "subscriptionItem.created"
    | "subscriptionItem.updated"
    | "subscriptionItem.active"
    | "subscriptionItem.canceled"
    | "subscriptionItem.upcoming"
    | "subscriptionItem.ended"
    | "subscriptionItem.abandoned"
    | "subscriptionItem.incomplete"
    | "subscriptionItem.pastDue"
    | "subscriptionItem.freeTrialEnding",
    ClerkBillingSubscriptionItem
  >;

/**
 * The runtime schemas of every Clerk event (Standard Schema v1): users, sessions, emails and SMS, organizations
 * with their domains, memberships and invitations, roles and permissions, the waitlist, and billing.
 *
 * @example
 * const result = await clerkCatalogue["user.created"]["~standard"].validate(body);
 */
export const clerkCatalogue: EventCatalogue<ClerkEvents> = catalogue<ClerkEvents>({
  ...clerkEvents(["user.created", "user.updated"], userSchema),
  ...clerkEvents(["user.deleted"], deletedSchema),
  ...clerkEvents(["session.created", "session.ended", "session.removed", "session.revoked"], sessionSchema),
  ...clerkEvents(["email.created"], emailSchema),
  ...clerkEvents(["sms.created"], smsSchema),
  ...clerkEvents(["organization.created", "organization.updated"], organizationSchema),
  ...clerkEvents(["organization.deleted"], deletedSchema),
  ...clerkEvents(["organizationDomain.created", "organizationDomain.updated"], organizationDomainSchema),
  ...clerkEvents(["organizationDomain.deleted"], deletedSchema),
  ...clerkEvents(
    ["organizationMembership.created", "organizationMembership.updated", "organizationMembership.deleted"],
    membershipSchema,
  ),
  ...clerkEvents(
    ["organizationInvitation.created", "organizationInvitation.revoked"],
    organizationInvitationSchema,
  ),
  ...clerkEvents(["organizationInvitation.accepted"], organizationInvitationAcceptedSchema),
  ...clerkEvents(["role.created", "role.updated", "role.deleted"], roleSchema),
  ...clerkEvents(["permission.created", "permission.updated", "permission.deleted"], permissionSchema),
  ...clerkEvents(["waitlistEntry.created", "waitlistEntry.updated"], waitlistEntrySchema),
  ...clerkEvents(["paymentAttempt.created", "paymentAttempt.updated"], paymentAttemptSchema),
  ...clerkEvents(
    ["subscription.created", "subscription.updated", "subscription.active", "subscription.pastDue"],
    subscriptionSchema,
  ),
  ...clerkEvents(
    [
      "subscriptionItem.created",
      "subscriptionItem.updated",
      "subscriptionItem.active",
      "subscriptionItem.canceled",
      "subscriptionItem.upcoming",
      "subscriptionItem.ended",
      "subscriptionItem.abandoned",
      "subscriptionItem.incomplete",
      "subscriptionItem.pastDue",
      "subscriptionItem.freeTrialEnding",
    ],
    subscriptionItemSchema,
  ),
});

/** Options of {@link clerk}. */
export interface ClerkOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** The endpoint's `whsec_…` signing secret (Clerk dashboard → Webhooks; `CLERK_WEBHOOK_SIGNING_SECRET`). */
  secret: Secrets;
}

/**
 * Clerk webhooks: Standard Webhooks signatures in `svix-*` headers, deduped by `svix-id`.
 *
 * Unlike Clerk's own `verifyWebhook`, the payload keeps `timestamp` (event time, ms) and `instance_id` (both
 * optional, as in Clerk's `Webhook` type). `user.deleted`, `organization.deleted` and `organizationDomain.deleted`
 * carry only a stub (`{ object, id?, deleted: true }`).
 *
 * @example
 * const hooks = createWebhooks({ provider: clerk({ secret: process.env.CLERK_WEBHOOK_SIGNING_SECRET! }) })
 *   .on("user.created", async (event) => { await db.users.insert({ id: event.data.id }) })
 *   .on("user.deleted", async (event) => { if (event.data.id) await db.users.delete(event.data.id) });
 */
export function clerk(options: ClerkOptions): WebhookProvider<ClerkEvents> {
  return {
    name: "clerk",
    scheme: standardWebhooks({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      signHeaders: "svix",
    }),
    events: clerkCatalogue,
    eventType: (payload) => stringField(payload, "type"),
  };
}
