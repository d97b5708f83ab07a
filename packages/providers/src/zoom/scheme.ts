/**
 * Zoom's signature: `x-zm-signature: v0=<hex>`, an HMAC-SHA256 keyed by the event subscription's Secret Token
 * (as text) over `v0:${x-zm-request-timestamp}:${body}`, the body exactly as sent: Slack's layout under other
 * header names.
 * @see https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Zoom's scheme, for a router with your own catalogue. Zoom's sample and `@zoom/rivet` check no freshness at
 * all; use it with the verifier's default 300 s tolerance.
 *
 * @example
 * const scheme = zoomHmac({ secret: process.env.ZOOM_WEBHOOK_SECRET_TOKEN! });
 */
export function zoomHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-zm-signature",
    prefix: "v0=",
    template: "v0:{timestamp}:{body}",
    timestamp: { header: "x-zm-request-timestamp" },
  });
}
