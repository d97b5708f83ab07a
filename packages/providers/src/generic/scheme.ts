/**
 * The generic sender's signature: `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, keyed by
 * the secret's UTF-8 text (PROVIDERS.md §7).
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * The generic sender's scheme, for a router with your own catalogue.
 *
 * @example
 * const scheme = genericHmac({ secret: process.env.WEBHOOK_SECRET! });
 */
export function genericHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-webhook-signature",
    prefix: "sha256=",
  });
}
