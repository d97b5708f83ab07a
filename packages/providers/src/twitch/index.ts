/**
 * Twitch EventSub (webhook transport): notifications `{ subscription, event }` signed with
 * `Twitch-Eventsub-Message-Signature: sha256=<hex>` over `{message id}{timestamp}{body}`, and the signed
 * `webhook_callback_verification` and `revocation` messages.
 *
 * Sources: dev.twitch.tv/docs/eventsub/handling-webhook-events (the signature, the headers, the challenge, the
 * revocation, "Guarding against replay attacks": 10 minutes); dev.twitch.tv/docs/eventsub ("Handling
 * duplicate events": a resent message keeps its id); dev.twitch.tv/docs/eventsub/eventsub-subscription-types
 * and eventsub-reference (the bodies); twitchdev/twitch-cli @ fd7dac64 (Twitch's mock sender)
 * `internal/events/trigger/forward_event.go` (`ForwardEvent`, the signer) and
 * `internal/events/verify/subscription_verify.go` (what a verification answer must be).
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type TwitchEvents, twitchCatalogue } from "./events.js";
import { twitchHandshake } from "./handshake.js";
import { twitchHmac } from "./scheme.js";

export type {
  TwitchBroadcaster,
  TwitchChannelCheer,
  TwitchChannelFollow,
  TwitchChannelRaid,
  TwitchChannelSubscribe,
  TwitchChannelUpdate,
  TwitchEventData,
  TwitchEvents,
  TwitchNotification,
  TwitchStreamOffline,
  TwitchStreamOnline,
  TwitchSubscription,
  TwitchUserUpdate,
} from "./events.js";
export { twitchCatalogue } from "./events.js";
export { twitchHmac } from "./scheme.js";

/** Options of {@link twitch}. */
export interface TwitchOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /**
   * The `transport.secret` you chose when creating the subscription (10–100 ASCII characters), used as text;
   * a list when subscriptions use different secrets, or while you switch.
   */
  secret: Secrets;
}

/** Twitch's window: "reject … if the timestamp is older than 10 minutes" (handling-webhook-events). */
const TOLERANCE_SECONDS = 600;

/** The routing key: the signed body's `subscription.type`, never the unsigned `Twitch-Eventsub-Subscription-Type`. */
function twitchEventType(payload: unknown): string | undefined {
  return stringField((payload as { subscription?: unknown } | null)?.subscription, "type");
}

/**
 * Twitch EventSub: `Twitch-Eventsub-Message-Signature` over `{id}{timestamp}{body}` with the RFC 3339
 * `Twitch-Eventsub-Message-Timestamp` within ±600 s, the 10 minutes Twitch's docs give (the router's `tolerance`
 * overrides it). Routes by the signed `subscription.type` and dedupes by `Twitch-Eventsub-Message-Id`, which the MAC
 * covers and a resend keeps. Answers `webhook_callback_verification` with its challenge and acknowledges a
 * `revocation`; neither reaches a handler.
 *
 * @example
 * const hooks = createWebhooks({ provider: twitch({ secret: process.env.TWITCH_EVENTSUB_SECRET! }) })
 *   .on("stream.online", async (notification) => { await announce(notification.event.broadcaster_user_login) });
 */
export function twitch(options: TwitchOptions): WebhookProvider<TwitchEvents> {
  return {
    name: "twitch",
    scheme: twitchHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: twitchCatalogue,
    eventType: twitchEventType,
    // The message id: a header, but inside the MAC, so signed; Twitch resends a message with the same id.
    eventId: (_payload, schemeId) => schemeId,
    // Twitch's rule: refuse a message older than 10 minutes. A replay inside it is a duplicate by its id.
    tolerance: TOLERANCE_SECONDS,
    handshake: twitchHandshake,
  };
}

/**
 * Twitch, as the providers table lists it.
 *
 * @example
 * about.eventId; // "`Twitch-Eventsub-Message-Id` (signed: inside the MAC)"
 */
export const about: ProviderInfo = {
  name: "twitch",
  preset: "twitch",
  title: "Twitch EventSub",
  scheme: "`Twitch-Eventsub-Message-Signature: sha256=<hex>` over `{id}{timestamp}{body}`",
  eventId: "`Twitch-Eventsub-Message-Id` (signed: inside the MAC)",
  replay: "signed RFC 3339 timestamp ±600 s (Twitch's 10 minutes)",
  handshake: "`webhook_callback_verification` (the challenge as text); `revocation` acknowledged",
  events: Object.keys(twitchCatalogue).length,
  crossCheck: "twitch-cli's signer, as node:crypto + Python compute it",
};
