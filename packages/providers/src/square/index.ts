/**
 * Square: event notifications `{ merchant_id, type, event_id, created_at, data }` signed with
 * `x-square-hmacsha256-signature`, an HMAC over the notification URL and the body.
 *
 * Sources: developer.squareup.com/docs/webhooks/step2subscribe (the Signature Key per subscription, the headers), /docs/webhooks/what-it-does
 * (`event_id` is the idempotency value), /docs/webhooks/troubleshooting (answer 2xx within 10 s; retries for up to
 * 72 hours); square/square-nodejs-sdk @ c58c6e09 (npm `square` 46.0.0) `src/wrapper/WebhooksHelper.ts` (the SDK
 * that verifies, cross-checked both ways), `tests/integration/webhooks.test.ts` (vectors) and `src/api/types/`
 * (the event and object types).
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { atEndpoint } from "../kit/endpoint-url.js";
import { isoTime } from "../kit/iso-time.js";
import { stringField } from "../kit/string-field.js";
import { type SquareEvents, squareCatalogue } from "./events.js";
import { squareHmac } from "./scheme.js";

export type {
  SquareCustomer,
  SquareEvent,
  SquareEventData,
  SquareEvents,
  SquareMoney,
  SquareOrderCreated,
  SquarePayment,
  SquareRefund,
} from "./events.js";
export { squareCatalogue } from "./events.js";
export { squareHmac } from "./scheme.js";

/** Options of {@link square}. */
export interface SquareOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /**
   * The subscription's Signature Key (Developer Console → the app → Webhooks → Subscriptions → the subscription →
   * Show), used as text. A list when several subscriptions post to one URL (each has its own key), or while
   * rotating.
   */
  secret: Secrets;
  /**
   * The notification URL as registered with Square, when a proxy hides it from the server and the router's
   * `publicUrl` / `trustProxy` cannot rebuild it: `https://hooks.example.com/square` (no query: the request's own
   * query is signed as it arrives). Default: the request's public URL.
   */
  url?: string;
}

/**
 * 72 h: Square retries a notification for up to 72 hours after the event, each time signing the same body
 * (`created_at` unchanged); as long as the default dedupe retention, which a longer `maxAge` would outlive.
 */
const MAX_AGE_SECONDS = 259_200;

/**
 * Square webhooks: the HMAC over the notification URL and the body, routed by the body's `type`, deduped by its
 * `event_id` (the same on every retry), and refused when `created_at` is more than 72 h old: nothing in the
 * request signs a time, so that age bounds replays.
 *
 * @example
 * const hooks = createWebhooks({ provider: square({ secret: process.env.SQUARE_WEBHOOK_SIGNATURE_KEY! }) })
 *   .on("payment.updated", async (event) => { await record(event.data.object?.payment) });
 */
export function square(options: SquareOptions): WebhookProvider<SquareEvents> {
  return {
    name: "square",
    scheme: atEndpoint(
      "square",
      squareHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
      options?.url,
    ),
    events: squareCatalogue,
    eventType: (payload) => stringField(payload, "type"),
    // Inside the signed body: Square's "idempotency value" for the event, the same on every retry.
    eventId: (payload) => stringField(payload, "event_id") || undefined,
    eventTime: (payload) => isoTime(payload, "created_at"),
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Square, as the providers table lists it.
 *
 * @example
 * about.replay; // "body `created_at` within 72 h (no signed timestamp)"
 */
export const about: ProviderInfo = {
  name: "square",
  preset: "square",
  title: "Square",
  scheme: "`x-square-hmacsha256-signature` (base64) over `{url}{body}`, URL-bound",
  eventId: "body `event_id` (signed)",
  replay: "body `created_at` within 72 h (no signed timestamp)",
  handshake: "—",
  events: Object.keys(squareCatalogue).length,
  crossCheck: "`square` `WebhooksHelper.verifySignature`, both ways, and its vectors",
};
