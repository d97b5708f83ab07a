/**
 * Shopify's signature: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the raw body>`, keyed by the app's client
 * secret as UTF-8 text, with no prefix.
 * @see https://shopify.dev/docs/apps/build/webhooks/verify-deliveries
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Shopify's scheme, for a router with your own catalogue. `sign` also sends `X-Shopify-Webhook-Id`, which is
 * signed by nothing and so never the dedupe id.
 *
 * @example
 * const scheme = shopifyHmac({ secret: process.env.SHOPIFY_API_SECRET! });
 */
export function shopifyHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-shopify-hmac-sha256",
    encoding: "base64",
    idHeader: "x-shopify-webhook-id",
  });
}
