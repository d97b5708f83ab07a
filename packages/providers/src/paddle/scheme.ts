/**
 * Paddle Billing's signature: `Paddle-Signature: ts=<unix>;h1=<hex>[;h1=…]`, an HMAC-SHA256 over `{ts}:{body}`
 * keyed by the notification destination's secret key as text (`pdl_ntfset_…`, prefix included).
 * @see https://developer.paddle.com/webhooks/about/signature-verification
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Paddle's scheme, for a router with your own catalogue. Several `h1` values may come while a secret rotates;
 * any one matching any configured secret passes.
 *
 * @example
 * const scheme = paddleHmac({ secret: process.env.PADDLE_NOTIFICATION_WEBHOOK_SECRET! });
 */
export function paddleHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "paddle-signature",
    timestamp: { key: "ts" },
    signatureKey: "h1",
    separator: ";",
    template: "{timestamp}:{body}",
  });
}
