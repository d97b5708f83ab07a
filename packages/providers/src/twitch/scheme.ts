/**
 * Twitch EventSub's signature: `Twitch-Eventsub-Message-Signature: sha256=<hex>`, an HMAC-SHA256 keyed by the
 * subscription's `transport.secret` (as text) over the message id, the timestamp and the body, joined with
 * nothing between them, each exactly as sent.
 * @see https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Twitch's scheme, for a router with your own catalogue. The message id is signed (it is in the MAC input),
 * so the scheme returns it as the event id; the RFC 3339 timestamp is checked by the verifier's window.
 *
 * @example
 * const scheme = twitchHmac({ secret: process.env.TWITCH_EVENTSUB_SECRET! });
 */
export function twitchHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "twitch-eventsub-message-signature",
    prefix: "sha256=",
    template: "{id}{timestamp}{body}",
    idHeader: "twitch-eventsub-message-id",
    timestamp: { header: "twitch-eventsub-message-timestamp", unit: "rfc3339" },
  });
}
