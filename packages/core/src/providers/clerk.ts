/**
 * Clerk: `{ data, object: "event", type, timestamp, instance_id, event_attributes }` sent through hosted Svix.
 * @module
 */
import type { EventCatalogue, Secrets, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import {
  clerkEvent,
  deletedSchema,
  emailSchema,
  membershipSchema,
  organizationSchema,
  sessionSchema,
  userSchema,
} from "./clerk-schemas.js";
import type {
  ClerkDeletedObject,
  ClerkEmail,
  ClerkEvent,
  ClerkOrganization,
  ClerkOrganizationMembership,
  ClerkSession,
  ClerkUser,
} from "./clerk-types.js";
import { stringField } from "./schema-kit.js";

/** The Clerk events this catalogue types: event type → payload. Other Clerk events pass unvalidated. */
export type ClerkEvents = {
  "user.created": ClerkEvent<"user.created", ClerkUser>;
  "user.updated": ClerkEvent<"user.updated", ClerkUser>;
  "user.deleted": ClerkEvent<"user.deleted", ClerkDeletedObject>;
  "session.created": ClerkEvent<"session.created", ClerkSession>;
  "session.ended": ClerkEvent<"session.ended", ClerkSession>;
  "session.removed": ClerkEvent<"session.removed", ClerkSession>;
  "session.revoked": ClerkEvent<"session.revoked", ClerkSession>;
  "organization.created": ClerkEvent<"organization.created", ClerkOrganization>;
  "organization.updated": ClerkEvent<"organization.updated", ClerkOrganization>;
  "organization.deleted": ClerkEvent<"organization.deleted", ClerkDeletedObject>;
  "organizationMembership.created": ClerkEvent<"organizationMembership.created", ClerkOrganizationMembership>;
  "organizationMembership.updated": ClerkEvent<"organizationMembership.updated", ClerkOrganizationMembership>;
  "organizationMembership.deleted": ClerkEvent<"organizationMembership.deleted", ClerkOrganizationMembership>;
  "email.created": ClerkEvent<"email.created", ClerkEmail>;
};

/**
 * The runtime schemas of Clerk's user, session, organization, membership and email events (Standard Schema v1).
 *
 * @example
 * const result = await clerkCatalogue["user.created"]["~standard"].validate(body);
 */
export const clerkCatalogue: EventCatalogue<ClerkEvents> = {
  "user.created": clerkEvent("user.created", userSchema),
  "user.updated": clerkEvent("user.updated", userSchema),
  "user.deleted": clerkEvent("user.deleted", deletedSchema),
  "session.created": clerkEvent("session.created", sessionSchema),
  "session.ended": clerkEvent("session.ended", sessionSchema),
  "session.removed": clerkEvent("session.removed", sessionSchema),
  "session.revoked": clerkEvent("session.revoked", sessionSchema),
  "organization.created": clerkEvent("organization.created", organizationSchema),
  "organization.updated": clerkEvent("organization.updated", organizationSchema),
  "organization.deleted": clerkEvent("organization.deleted", deletedSchema),
  "organizationMembership.created": clerkEvent("organizationMembership.created", membershipSchema),
  "organizationMembership.updated": clerkEvent("organizationMembership.updated", membershipSchema),
  "organizationMembership.deleted": clerkEvent("organizationMembership.deleted", membershipSchema),
  "email.created": clerkEvent("email.created", emailSchema),
};

/** Options of {@link clerk}. */
export interface ClerkOptions {
  /** The endpoint's `whsec_…` signing secret (Clerk dashboard → Webhooks; `CLERK_WEBHOOK_SIGNING_SECRET`). */
  secret: Secrets;
}

/**
 * Clerk webhooks: Standard Webhooks signatures in `svix-*` headers, deduped by `svix-id`.
 *
 * Unlike Clerk's own `verifyWebhook`, the payload keeps `timestamp` (event time, ms) and `instance_id`.
 * `user.deleted` and `organization.deleted` carry only a stub (`{ object, id, deleted: true }`).
 *
 * @example
 * const hooks = createWebhooks({ provider: clerk({ secret: process.env.CLERK_WEBHOOK_SIGNING_SECRET! }) })
 *   .on("user.created", async (event) => { await db.users.insert({ id: event.data.id }) })
 *   .on("user.deleted", async (event) => { await db.users.delete(event.data.id) });
 */
export function clerk(options: ClerkOptions): WebhookProvider<ClerkEvents> {
  return {
    name: "clerk",
    scheme: standardWebhooks({ secret: options?.secret, signHeaders: "svix" }),
    events: clerkCatalogue,
    eventType: (payload) => stringField(payload, "type"),
  };
}
