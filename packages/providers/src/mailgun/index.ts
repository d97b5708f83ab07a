/**
 * Mailgun: delivery, failure, engagement and complaint webhooks, one JSON event per request, signed inside the
 * body: `signature: { timestamp, token, signature }`, the hex HMAC-SHA256 of `timestamp + token` under the
 * account's HTTP webhook signing key. The signature covers the timestamp and the token, never `event-data`.
 *
 * Sources: documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks (the signature
 * object, `parent-signature`, "Concatenate timestamp and token values together with no separator"),
 * documentation.mailgun.com/docs/mailgun/user-manual/webhooks/webhook-retries (the retry schedule: 8 hours,
 * 406 stops retries); mailgun/mailgun-php `src/Api/Webhook.php` @ 067fb773 (`verifyWebhookSignature`: the
 * official verifier, PHP); mailgun/mailgun.js 14.0.0 @ 2fa8ffff `lib/Types/Events/Events.ts` (`DomainEvent`) and
 * `lib/Enums/index.ts` (`WebhooksIds`); PostHog/posthog PR #103057 (retries resend the original signature block).
 * Mailgun's sender is closed source and mailgun.js has no verifier: the algorithm is tested with node:crypto.
 * @module
 */
import type { BodySignatureOptions, WebhookProvider } from "@hookproof/core";
import { bodySignature } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { unixSecondsField } from "../kit/unix-seconds.js";
import { type MailgunEvents, mailgunCatalogue } from "./events.js";

export type {
  MailgunAccepted,
  MailgunClicked,
  MailgunDelivered,
  MailgunDeliveryStatus,
  MailgunEngagement,
  MailgunEventBase,
  MailgunEventData,
  MailgunEvents,
  MailgunFailed,
  MailgunMessage,
  MailgunSignature,
  MailgunWebhook,
} from "./events.js";
export { mailgunCatalogue } from "./events.js";

/**
 * Mailgun retries a failed event with its original signature "during 8 hours" (5 min, 10 min, 15 min, 1 h,
 * 2 h, 4 h: webhook-retries page), so the signed timestamp of the last retry is 8 h old: 8 h 15 min lets it
 * through with room for a slow attempt. The token dedupe refuses replays inside the window.
 */
const TOLERANCE_SECONDS = 29_700;

/**
 * Options of {@link mailgun}: `secret`, the HTTP webhook signing key (a list while rotating, or with the primary
 * account's key to accept a subaccount's `parent-signature`).
 */
export type MailgunOptions = BodySignatureOptions;

/** `event-data` of a parsed body, if it is an object. */
function eventData(payload: unknown): unknown {
  return typeof payload === "object" && payload !== null
    ? (payload as Record<string, unknown>)["event-data"]
    : undefined;
}

/**
 * Mailgun webhooks: the in-body signature checked under the signing key, routed by `event-data.event`, deduped
 * by the signed `token`. Signed timestamps are accepted for 8 h 15 min (`tolerance: 29_700`), Mailgun's retry
 * span; the router's `tolerance` overrides it. Keep dedupe on: `event-data` is not signed, and the token is what
 * refuses a captured signature replayed with another event.
 *
 * @example
 * const hooks = createWebhooks({ provider: mailgun({ secret: process.env.MAILGUN_WEBHOOK_SIGNING_KEY! }) })
 *   .on("failed", async ({ "event-data": failure }) => { if (failure.severity === "permanent") await suppress(failure.recipient) })
 *   .on("complained", async ({ "event-data": complaint }) => { await suppress(complaint.recipient) });
 */
export function mailgun(options: MailgunOptions): WebhookProvider<MailgunEvents> {
  return {
    name: "mailgun",
    scheme: bodySignature(options),
    events: mailgunCatalogue,
    eventType: (payload) => stringField(eventData(payload), "event"),
    // The signed `token` (the scheme's id): unique per event, kept on retries. `event-data.id` is not signed.
    eventId: (_payload, token) => token,
    // Not signed (nothing in `event-data` is): only for a router's `maxAge`; the signed timestamp bounds replays.
    eventTime: (payload) => unixSecondsField(eventData(payload), "timestamp"),
    tolerance: TOLERANCE_SECONDS,
  };
}

/**
 * Mailgun, as the providers table lists it.
 *
 * @example
 * about.eventId; // "`signature.token` (signed)"
 */
export const about: ProviderInfo = {
  name: "mailgun",
  preset: "mailgun",
  title: "Mailgun",
  scheme: "in-body HMAC-SHA256 of `timestamp + token` (`event-data` unsigned)",
  eventId: "`signature.token` (signed)",
  replay: "signed timestamp ±8 h 15 min (Mailgun's retries), then token dedupe",
  handshake: "—",
  events: Object.keys(mailgunCatalogue).length,
  crossCheck: "the documented algorithm with node:crypto (mailgun.js has no verifier)",
};
