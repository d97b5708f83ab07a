/**
 * WorkOS: `{ id, event, data, created_at }` events signed with `WorkOS-Signature: t=<ms>, v1=<hex>`.
 *
 * Sources: workos/workos-node 10.9.0 at fd885bcc, `src/common/crypto/signature-provider.ts` (the signature:
 * `t` in milliseconds, hex HMAC-SHA256 over `${t}.${body}`, a 180 s tolerance), `src/webhooks/webhooks.ts`
 * (`constructEvent`), `src/common/interfaces/event.interface.ts` (the event types and the envelope) and the
 * `*Response` interfaces of each resource; npm `@workos-inc/node` 11.0.0 and 8.13.0 (their types; 8.13.0, the
 * last for Node 20, is the cross-check); workos.com/docs/events/data-syncing/webhooks (the header, the secret,
 * retries, "ignore duplicate events" by `id`).
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type WorkosEvents, workosCatalogue } from "./events.js";
import { workosHmac } from "./scheme.js";

export type { WorkosEventData, WorkosEvents } from "./events.js";
export { workosCatalogue } from "./events.js";
export { workosHmac } from "./scheme.js";
export type {
  WorkosAuthentication,
  WorkosDeletedDirectory,
  WorkosDirectory,
  WorkosDirectoryGroup,
  WorkosDirectoryGroupMembership,
  WorkosDirectoryGroupUpdated,
  WorkosDirectoryType,
  WorkosDirectoryUser,
  WorkosDirectoryUserUpdated,
  WorkosEmailVerification,
  WorkosEvent,
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

/** Options of {@link workos}. */
export interface WorkosOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The endpoint's signing secret (WorkOS dashboard → Webhooks → the endpoint; `WORKOS_WEBHOOK_SECRET`). */
  secret: Secrets;
}

/**
 * WorkOS webhooks: `WorkOS-Signature: t=<unix ms>, v1=<hex>` over `${t}.${body}` with `t` within ±300 s
 * (`@workos-inc/node` refuses a `t` more than 180 s old; pass `tolerance: 180` to the router for that),
 * routed by the body's `event`, deduped by its `id` (`event_…`).
 *
 * @example
 * const hooks = createWebhooks({ provider: workos({ secret: process.env.WORKOS_WEBHOOK_SECRET! }) })
 *   .on("dsync.user.created", async (event) => { await db.users.insert({ id: event.data.id, email: event.data.email }) })
 *   .on("user.deleted", async (event) => { await db.users.delete(event.data.id) });
 */
export function workos(options: WorkosOptions): WebhookProvider<WorkosEvents> {
  return {
    name: "workos",
    scheme: workosHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: workosCatalogue,
    eventType: (payload) => stringField(payload, "event"),
    // The body's `id`, signed, the same on every retry (WorkOS's docs dedupe by it).
    eventId: (payload) => stringField(payload, "id") || undefined,
    eventTime: (payload) => createdAt(stringField(payload, "created_at")),
  };
}

/** `created_at` in ms: RFC 3339, or `2023-04-28 20:05:31.093` (UTC without a zone, as the docs sample has it). */
function createdAt(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text.replace(" ", "T")}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * WorkOS, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body `id` (`event_…`, signed)"
 */
export const about: ProviderInfo = {
  name: "workos",
  preset: "workos",
  title: "WorkOS",
  scheme: "`WorkOS-Signature: t=<ms>, v1=<hex>` over `{t}.{body}`",
  eventId: "body `id` (`event_…`, signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(workosCatalogue).length,
  crossCheck: "`@workos-inc/node` (`webhooks.constructEvent`)",
};
