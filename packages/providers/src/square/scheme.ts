/**
 * Square's signature: `x-square-hmacsha256-signature: <base64>`, an HMAC-SHA256 over the notification URL followed
 * by the raw body, keyed by the subscription's Signature Key as text (it looks like base64url; it is not decoded).
 * @see https://github.com/square/square-nodejs-sdk/blob/c58c6e09/src/wrapper/WebhooksHelper.ts
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Square's scheme, for a router with your own catalogue. URL-bound: the verifier needs the request's public URL,
 * byte for byte as registered with Square (an adapter passes it; behind a proxy set the router's `publicUrl`).
 *
 * @example
 * const scheme = squareHmac({ secret: process.env.SQUARE_WEBHOOK_SIGNATURE_KEY! });
 */
export function squareHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-square-hmacsha256-signature",
    encoding: "base64",
    template: "{url}{body}",
  });
}
