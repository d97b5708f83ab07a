/**
 * WorkOS's signature: `WorkOS-Signature: t=<unix ms>, v1=<hex>`, an HMAC-SHA256 keyed by the endpoint's
 * secret (as text) over `${t}.${body}`, the body exactly as sent.
 * @see workos/workos-node `src/common/crypto/signature-provider.ts` (fd885bcc)
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * WorkOS's scheme, for a router with your own catalogue. `t` is in milliseconds; the window is the
 * verifier's (±300 s by default; `@workos-inc/node` refuses a `t` more than 180 s old).
 *
 * @example
 * const scheme = workosHmac({ secret: process.env.WORKOS_WEBHOOK_SECRET! });
 */
export function workosHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "workos-signature",
    timestamp: { key: "t", unit: "milliseconds" },
    signatureKey: "v1",
    // The SDK writes `t=…, v1=…`, comma and space.
    separator: ", ",
  });
}
