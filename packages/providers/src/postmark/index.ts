/**
 * Postmark: delivery, bounce, spam-complaint, open, click, subscription-change and inbound webhooks, one
 * JSON event per request, authenticated by HTTP Basic credentials chosen in the webhook's settings. Nothing
 * is signed.
 *
 * Sources: postmarkapp.com/developer/webhooks/webhooks-overview ("Protecting your webhook": Basic auth, IP
 * allowlist, HTTPS), postmarkapp.com/support/article/understanding-inbound-webhook-retries-in-postmark (the
 * retry schedule, 403 stops retries); npm `postmark` 5.1.0 (ActiveCampaign/postmark.js)
 * `dist/client/models/webhooks/Webhook.d.ts` (`HttpAuth`) and `…/webhooks/payload/*Webhook.d.ts` (the payloads).
 * Postmark's sender is closed source and no SDK verifies: the Basic check is tested against RFC 7617's format.
 * @module
 */
import type { BasicAuthOptions, WebhookProvider } from "@hookproof/core";
import { basicAuth } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type PostmarkEvents, postmarkCatalogue } from "./events.js";

export type {
  PostmarkAddress,
  PostmarkBounce,
  PostmarkClick,
  PostmarkClient,
  PostmarkDelivery,
  PostmarkEventData,
  PostmarkEvents,
  PostmarkInbound,
  PostmarkMessageEvent,
  PostmarkOpen,
  PostmarkSubscriptionChange,
  PostmarkTracking,
} from "./events.js";
export { postmarkCatalogue } from "./events.js";

/**
 * Options of {@link postmark}: the webhook's Basic auth `{ username, password }` (its `HttpAuth`, or the
 * `https://user:pass@…` URL), or `credentials: [...]` while rotating.
 */
export type PostmarkOptions = BasicAuthOptions;

/**
 * Postmark webhooks: `Authorization: Basic …` with the credentials set on the webhook, routed by `RecordType`
 * (`Inbound` for an inbound email, which has none). Basic auth proves who sent a request but covers neither
 * the body nor its freshness: events are deduped by the body's SHA-256 (`MessageID` is the email's, shared by
 * its Delivery, Open and Click events) and replays are refused only while the dedupe store remembers them
 * (`replayBound: "retention"`). Use HTTPS.
 *
 * @example
 * const hooks = createWebhooks({ provider: postmark({ username: "postmark", password: process.env.POSTMARK_WEBHOOK_PASSWORD! }) })
 *   .on("Bounce", async (bounce) => { if (bounce.Inactive) await suppress(bounce.Email) })
 *   .on("Delivery", async (delivery) => { await markDelivered(delivery.MessageID, delivery.Recipient) });
 */
export function postmark(options: PostmarkOptions): WebhookProvider<PostmarkEvents> {
  return {
    name: "postmark",
    scheme: basicAuth(options),
    events: postmarkCatalogue,
    eventType: (payload) =>
      stringField(payload, "RecordType") ??
      (stringField(payload, "MessageID") !== undefined && stringField(payload, "From") !== undefined
        ? "Inbound"
        : undefined),
    // Nothing is signed and no field names the event (`MessageID` is the email's): the body's SHA-256,
    // the same on Postmark's retries, which resend the payload.
    eventId: () => undefined,
    // Nothing covers a time: only the dedupe retention stops a replay.
    replayBound: "retention",
  };
}

/**
 * Postmark, as the providers table lists it.
 *
 * @example
 * about.scheme; // "`Authorization: Basic …` (no signature)"
 */
export const about: ProviderInfo = {
  name: "postmark",
  preset: "postmark",
  title: "Postmark",
  scheme: "`Authorization: Basic …` (no signature)",
  eventId: "body SHA-256 (`MessageID` is the email's)",
  replay: "dedupe retention only",
  handshake: "—",
  events: Object.keys(postmarkCatalogue).length,
  crossCheck: "RFC 7617's Basic format (Postmark publishes no verifier)",
};
