/**
 * Paddle Billing: notifications `{ event_id, event_type, occurred_at, notification_id, data }` signed with
 * `Paddle-Signature: ts=…;h1=…`.
 *
 * Sources: developer.paddle.com/webhooks/about/signature-verification (the header, `{ts}:{body}`, the secret key,
 * several `h1` while a secret rotates), developer.paddle.com/webhooks/about/respond-to-webhooks (answer within 5 s;
 * live: up to 60 retries over 3 days, sandbox: 3 within 15 minutes); PaddleHQ/paddle-node-sdk @ b8ee4b12 (npm
 * `@paddle/paddle-node-sdk` 3.10.0) `src/notifications/helpers/webhooks-validator.ts` (the SDK that verifies:
 * `{ts}:{body}`, lowercase hex, a 5 s tolerance on the past side), `src/types/events/events-response.ts` and
 * `src/notifications/types/` (the snake_case wire shapes), cross-checked both ways.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { isoTime } from "../kit/iso-time.js";
import { stringField } from "../kit/string-field.js";
import { type PaddleEvents, paddleCatalogue } from "./events.js";
import { paddleHmac } from "./scheme.js";

export type {
  PaddleBillingCycle,
  PaddleCreatedSubscription,
  PaddleCustomer,
  PaddleEvent,
  PaddleEventData,
  PaddleEvents,
  PaddleSubscription,
  PaddleSubscriptionItem,
  PaddleTransaction,
} from "./events.js";
export { paddleCatalogue } from "./events.js";
export { paddleHmac } from "./scheme.js";

/** Options of {@link paddle}. */
export interface PaddleOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /**
   * The notification destination's secret key (`pdl_ntfset_…`; Paddle → Developer tools → Notifications → the
   * destination), used as text. A list while rotating, or for several destinations on one endpoint.
   */
  secret: Secrets;
}

/**
 * Paddle Billing notifications: `Paddle-Signature` over `{ts}:{body}` with `ts` within ±300 s, routed by the
 * body's `event_type`, deduped by its `event_id` (`evt_…`, the same on every retry), dated by `occurred_at`.
 * Paddle's SDK allows 5 s on the past side only; pass `tolerance: 5` to the router to be as strict.
 *
 * @example
 * const hooks = createWebhooks({ provider: paddle({ secret: process.env.PADDLE_NOTIFICATION_WEBHOOK_SECRET! }) })
 *   .on("transaction.completed", async (event) => { await fulfil(event.data.id, event.data.customer_id) })
 *   .on("subscription.canceled", async (event) => { await revoke(event.data.customer_id) });
 */
export function paddle(options: PaddleOptions): WebhookProvider<PaddleEvents> {
  return {
    name: "paddle",
    scheme: paddleHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: paddleCatalogue,
    eventType: (payload) => stringField(payload, "event_type"),
    // Inside the signed body: the event, the same on every retry (`notification_id` is one delivery of it).
    eventId: (payload) => stringField(payload, "event_id") || undefined,
    eventTime: (payload) => isoTime(payload, "occurred_at"),
  };
}

/**
 * Paddle, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body `event_id` (`evt_…`, signed)"
 */
export const about: ProviderInfo = {
  name: "paddle",
  preset: "paddle",
  title: "Paddle Billing",
  scheme: "`Paddle-Signature: ts=…;h1=<hex>` over `{ts}:{body}`",
  eventId: "body `event_id` (`evt_…`, signed)",
  replay: "signed timestamp ±300 s (Paddle's SDK: 5 s)",
  handshake: "—",
  events: Object.keys(paddleCatalogue).length,
  crossCheck: "`@paddle/paddle-node-sdk` `webhooks.unmarshal`, both ways, and its vector",
};
