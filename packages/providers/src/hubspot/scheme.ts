/**
 * HubSpot's v3 signature: `X-HubSpot-Signature-v3: <base64>`, an HMAC-SHA256 keyed by the app's client secret (as
 * text) over `{method}{uri}{body}{timestamp}`, the timestamp being `X-HubSpot-Request-Timestamp` in milliseconds.
 * @see https://github.com/HubSpot/hubspot-api-nodejs/blob/395cd9bf/src/utils/signature.ts
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * HubSpot's v3 scheme, for a router with your own catalogue. URL-bound: the verifier needs the request's method
 * and public URL as HubSpot called it (an adapter passes them; behind a proxy set the router's `publicUrl`).
 *
 * @example
 * const scheme = hubspotHmac({ secret: process.env.HUBSPOT_CLIENT_SECRET! });
 */
export function hubspotHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-hubspot-signature-v3",
    encoding: "base64",
    template: "{method}{url}{body}{timestamp}",
    timestamp: { header: "x-hubspot-request-timestamp", unit: "milliseconds" },
  });
}
