/**
 * Lemon Squeezy: `{ meta: { event_name, … }, data }` signed with `X-Signature`.
 *
 * Sources: docs.lemonsqueezy.com/help/webhooks: "Signing requests" (the hex HMAC-SHA256 of the raw body keyed by
 * the webhook's signing secret, and its Node snippet), "Webhook requests" (the body, `X-Event-Name`; a failed
 * delivery is retried three more times with exponential backoff, e.g. 5 s, 25 s, 125 s), "Event types";
 * `@lemonsqueezy/lemonsqueezy.js` 4.0.0 (types only: it neither signs nor verifies).
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { type LemonSqueezyEvents, lemonSqueezyCatalogue } from "./events.js";

export type {
  LemonSqueezyEvent,
  LemonSqueezyEventData,
  LemonSqueezyEvents,
  LemonSqueezyMeta,
  LemonSqueezyOrder,
  LemonSqueezyOrderResource,
  LemonSqueezyResource,
  LemonSqueezySubscription,
  LemonSqueezySubscriptionResource,
} from "./events.js";
export { lemonSqueezyCatalogue } from "./events.js";

/** Options of {@link lemonSqueezy}. */
export interface LemonSqueezyOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The webhook's signing secret (Settings → Webhooks → the webhook; `LEMONSQUEEZY_WEBHOOK_SECRET`), used as text. */
  secret: Secrets;
}

/**
 * Lemon Squeezy webhooks: `X-Signature: <hex HMAC-SHA256 of the raw body>`, routed by the signed
 * `meta.event_name` (not the unsigned `X-Event-Name`).
 *
 * The body's ids are the resource's (`data.id`, shared by `subscription_created` and `subscription_updated`), and
 * `meta.webhook_id` is undocumented: events are deduped by the body's SHA-256. Nothing signs a time: the preset
 * declares `replayBound: "retention"`.
 *
 * @example
 * const hooks = createWebhooks({ provider: lemonSqueezy({ secret: process.env.LEMONSQUEEZY_WEBHOOK_SECRET! }) })
 *   .on("order_created", async (event) => { await fulfil(event.data.attributes.identifier) });
 */
export function lemonSqueezy(options: LemonSqueezyOptions): WebhookProvider<LemonSqueezyEvents> {
  return {
    name: "lemon-squeezy",
    scheme: hmac({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      header: "x-signature",
    }),
    events: lemonSqueezyCatalogue,
    eventType(payload) {
      const meta = (payload as { meta?: { event_name?: unknown } } | null)?.meta;
      return typeof meta?.event_name === "string" ? meta.event_name : undefined;
    },
    // No documented event id in the body: the router falls back to the signed body's SHA-256.
    eventId: () => undefined,
    replayBound: "retention",
  };
}

/**
 * Lemon Squeezy, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body SHA-256 (no documented event id)"
 */
export const about: ProviderInfo = {
  name: "lemon-squeezy",
  preset: "lemonSqueezy",
  title: "Lemon Squeezy",
  scheme: "`X-Signature: <hex>` over the body",
  eventId: "body SHA-256 (no documented event id)",
  replay: "dedupe retention only",
  handshake: "—",
  events: Object.keys(lemonSqueezyCatalogue).length,
  crossCheck: "the docs' Node snippet, a vector (no SDK verifies)",
};
