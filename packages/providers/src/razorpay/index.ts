/**
 * Razorpay: `{ entity: "event", event, contains, payload, created_at }` signed with `X-Razorpay-Signature`.
 *
 * Sources: razorpay.com/docs/webhooks (validate-test: the signature, the idempotency header `x-razorpay-event-id`,
 * keeping the old secret while older events retry; best-practices: retries with exponential backoff for 24 hours
 * after the event's creation, then the webhook is disabled); razorpay/markdown-docs at 31d81031 `webhooks/*.md`
 * (the deliveries); `razorpay` 2.9.8 `utils/razorpay-utils` `validateWebhookSignature` (the SDK that verifies,
 * cross-checked both ways).
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { unixSecondsField } from "../kit/unix-seconds.js";
import { type RazorpayEvents, razorpayCatalogue } from "./events.js";
import { razorpayHmac } from "./scheme.js";

export type {
  RazorpayEvent,
  RazorpayEventData,
  RazorpayEvents,
  RazorpayNotes,
  RazorpayOrder,
  RazorpayOrderPaidPayload,
  RazorpayPayment,
  RazorpayPaymentPayload,
} from "./events.js";
export { razorpayCatalogue } from "./events.js";
export { razorpayHmac } from "./scheme.js";

/** Options of {@link razorpay}. */
export interface RazorpayOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The webhook's secret (Dashboard → Accounts & Settings → Webhooks; test and live mode each have their own); old and new while rotating. */
  secret: Secrets;
}

/** 36 h: longer than Razorpay's 24 h of retries after an event's creation, shorter than the 72 h dedupe retention. */
const MAX_AGE_SECONDS = 129_600;

/**
 * Razorpay webhooks: `X-Razorpay-Signature` over the raw body, routed by the body's `event`.
 *
 * The body has no event id, and `x-razorpay-event-id` is signed by nothing: events are deduped by the body's
 * SHA-256 (a retry resends the stored event byte for byte). The signed `created_at` bounds replays: events older
 * than 36 h are refused (`timestamp_expired`).
 *
 * @example
 * const hooks = createWebhooks({ provider: razorpay({ secret: process.env.RAZORPAY_WEBHOOK_SECRET! }) })
 *   .on("payment.captured", async (event) => { await fulfil(event.payload.payment.entity.order_id) });
 */
export function razorpay(options: RazorpayOptions): WebhookProvider<RazorpayEvents> {
  return {
    name: "razorpay",
    scheme: razorpayHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: razorpayCatalogue,
    eventType: (payload) => stringField(payload, "event"),
    // Not `x-razorpay-event-id`: unsigned. The router falls back to the signed body's SHA-256.
    eventId: () => undefined,
    eventTime: (payload) => unixSecondsField(payload, "created_at"),
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Razorpay, as the providers table lists it.
 *
 * @example
 * about.replay; // "signed body `created_at` within 36 h (`maxAge`), then dedupe"
 */
export const about: ProviderInfo = {
  name: "razorpay",
  preset: "razorpay",
  title: "Razorpay",
  scheme: "`X-Razorpay-Signature: <hex>` over the body",
  eventId: "body SHA-256 (`x-razorpay-event-id` is unsigned)",
  replay: "signed body `created_at` within 36 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(razorpayCatalogue).length,
  crossCheck: "`razorpay`",
};
