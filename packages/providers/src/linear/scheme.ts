/**
 * Linear's signature: `Linear-Signature: <hex>`, an HMAC-SHA256 keyed by the webhook's signing secret (as
 * text) over the body exactly as sent. The time is inside the body (`webhookTimestamp`), not in a header.
 * @see linear/linear `packages/sdk/src/webhooks/client.ts` (8335e09a); `@linear/sdk` 98.0.0 `LinearWebhookClient.verify`
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Linear's scheme, for a router with your own catalogue. It signs no time by itself: bound replays with the
 * body's `webhookTimestamp` (as the `linear` preset does) or the dedupe retention.
 *
 * @example
 * const scheme = linearHmac({ secret: process.env.LINEAR_WEBHOOK_SECRET! });
 */
export function linearHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "linear-signature",
  });
}
