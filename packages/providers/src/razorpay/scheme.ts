/**
 * Razorpay's signature: `X-Razorpay-Signature: <hex HMAC-SHA256 of the raw body>`, keyed by the webhook secret's
 * UTF-8 text, with no prefix.
 * @see https://razorpay.com/docs/webhooks/validate-test/
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Razorpay's scheme, for a router with your own catalogue. `sign` also sends `x-razorpay-event-id`, which is
 * signed by nothing and so never the dedupe id.
 *
 * @example
 * const scheme = razorpayHmac({ secret: process.env.RAZORPAY_WEBHOOK_SECRET! });
 */
export function razorpayHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-razorpay-signature",
    idHeader: "x-razorpay-event-id",
  });
}
