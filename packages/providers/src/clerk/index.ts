/**
 * Clerk: `{ data, object: "event", type, timestamp, instance_id, event_attributes }` sent through hosted Svix.
 *
 * Sources: clerk/javascript at e21ae9a4, `packages/backend/src/api/resources/Webhooks.ts` (the event types and
 * the envelope), `packages/backend/src/api/resources/JSON.ts` (each resource), `packages/backend/src/webhooks.ts`
 * (Clerk's own `verifyWebhook`: the `svix-*` headers through `standardwebhooks`); clerk/clerk-docs
 * `docs/guides/development/webhooks/overview.mdx` (the secret, retries). Cross-checked against `svix`.
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type ClerkEvents, clerkCatalogue } from "./events.js";

export type { ClerkEventData, ClerkEvents } from "./events.js";
export { clerkCatalogue } from "./events.js";
export type {
  ClerkBillingCredit,
  ClerkBillingMoneyAmount,
  ClerkBillingPayee,
  ClerkBillingPayer,
  ClerkBillingPaymentAttempt,
  ClerkBillingPaymentSource,
  ClerkBillingSubscription,
  ClerkBillingSubscriptionItem,
  ClerkBillingSubscriptionItemPlan,
  ClerkBillingSubscriptionStatus,
  ClerkBillingTotals,
  ClerkDeletedObject,
  ClerkEmail,
  ClerkEmailAddress,
  ClerkEvent,
  ClerkEventAttributes,
  ClerkExternalAccount,
  ClerkInvitation,
  ClerkOrganization,
  ClerkOrganizationDomain,
  ClerkOrganizationDomainVerification,
  ClerkOrganizationInvitation,
  ClerkOrganizationInvitationAccepted,
  ClerkOrganizationMembership,
  ClerkPermission,
  ClerkPhoneNumber,
  ClerkPublicOrganizationData,
  ClerkPublicUserData,
  ClerkRole,
  ClerkSession,
  ClerkSmsMessage,
  ClerkUser,
  ClerkVerification,
  ClerkWaitlistEntry,
  ClerkWeb3Wallet,
} from "./types.js";

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

/**
 * Clerk, as the providers table lists it.
 *
 * @example
 * about.events; // 45
 */
export const about: ProviderInfo = {
  name: "clerk",
  preset: "clerk",
  title: "Clerk",
  scheme: "Standard Webhooks (`svix-*` headers)",
  eventId: "`svix-id` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(clerkCatalogue).length,
  crossCheck: "`svix`",
};
