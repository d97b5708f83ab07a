/**
 * SendGrid's signed Event Webhook: ECDSA P-256 / SHA-256 over `{X-Twilio-Email-Event-Webhook-Timestamp}{body}`,
 * base64 DER in `X-Twilio-Email-Event-Webhook-Signature`, verified with the webhook's public "Verification Key".
 * A delivery is a JSON array of events, each deduped by its own `sg_event_id`.
 *
 * Sources: twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 * (the signature, the key); sendgrid/sendgrid-nodejs @ 498e2329 (npm `@sendgrid/eventwebhook` 8.0.0)
 * `packages/eventwebhook/src/eventwebhook.js` (`verifySignature`: the timestamp then the body, headers
 * `EventWebhookHeader`) and `eventwebhook.spec.js` (vectors); twilio.com/docs/sendgrid/for-developers/tracking-events/event
 * (the array body, `sg_event_id`), docs.sendgrid.com/for-developers/tracking-events/troubleshooting (retries for up to
 * 24 hours, duplicates).
 * @module
 */
import type { EcdsaP256Options, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { ecdsaP256 } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { arrayItems } from "../kit/array-items.js";
import { stringField } from "../kit/string-field.js";
import { type SendGridEvents, sendgridCatalogue } from "./events.js";

export type {
  SendGridBounce,
  SendGridClick,
  SendGridDeferred,
  SendGridDelivered,
  SendGridDropped,
  SendGridEventBase,
  SendGridEventData,
  SendGridEvents,
  SendGridGroupChange,
  SendGridOpen,
  SendGridProcessed,
  SendGridSpamReport,
  SendGridUnsubscribe,
} from "./events.js";
export { sendgridCatalogue } from "./events.js";

/** Options of {@link sendgrid} and {@link sendgridEcdsa}. */
export interface SendGridOptions {
  /** The webhook's "Verification Key": base64 of its DER public key (`MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…`), or PEM. */
  publicKey: EcdsaP256Options["publicKey"];
  /** A PKCS #8 P-256 private key, for signing test deliveries only (`@hookproof/testing`). */
  privateKey?: EcdsaP256Options["privateKey"];
}

/**
 * 48 h: SendGrid retries "for up to 24 hours after the event occurs", so an event's own `timestamp` can be that old
 * on a delivery it signs afresh; shorter than the 72 h dedupe retention.
 */
const MAX_AGE_SECONDS = 172_800;

/**
 * SendGrid's signature alone: ECDSA P-256 over the timestamp header's digits followed by the raw body (trailing
 * `\r\n` included: never re-serialise the body).
 *
 * @example
 * const verifier = createVerifier({ scheme: sendgridEcdsa({ publicKey: process.env.SENDGRID_WEBHOOK_PUBLIC_KEY! }) });
 */
export function sendgridEcdsa(options: SendGridOptions): WebhookScheme {
  return ecdsaP256({
    signatureHeader: "x-twilio-email-event-webhook-signature",
    timestampHeader: "x-twilio-email-event-webhook-timestamp",
    publicKey: options?.publicKey,
    privateKey: options?.privateKey,
  });
}

/**
 * SendGrid's Event Webhook: each event of a delivery typed by `event`, deduped by its signed `sg_event_id`, and
 * handled on its own, so a delivery that failed on one event and is resent runs only that one again. The signed
 * timestamp must be within ±300 s (widen with the router's `tolerance` if SendGrid's retries keep the first one),
 * and each event's `timestamp` within 48 h.
 *
 * @example
 * const hooks = createWebhooks({ provider: sendgrid({ publicKey: process.env.SENDGRID_WEBHOOK_PUBLIC_KEY! }) })
 *   .on("bounce", async (event) => { await suppress(event.email, event.reason) });
 */
export function sendgrid(options: SendGridOptions): WebhookProvider<SendGridEvents> {
  return {
    name: "sendgrid",
    scheme: sendgridEcdsa(options),
    events: sendgridCatalogue,
    split: arrayItems,
    eventType: (event) => stringField(event, "event"),
    // Inside the signed body, unique per event (SendGrid: "use `sg_event_id` as a differentiator").
    eventId: (event) => stringField(event, "sg_event_id") || undefined,
    eventTime(event) {
      const seconds = (event as { timestamp?: unknown } | null)?.timestamp;
      return typeof seconds === "number" && Number.isFinite(seconds) ? seconds * 1000 : undefined;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * SendGrid, as the providers table lists it.
 *
 * @example
 * about.eventId; // "each event's `sg_event_id` (signed)"
 */
export const about: ProviderInfo = {
  name: "sendgrid",
  preset: "sendgrid",
  title: "SendGrid (Event Webhook)",
  scheme: "ECDSA P-256 over `{timestamp}{body}`, `X-Twilio-Email-Event-Webhook-Signature` (base64 DER)",
  eventId: "each event's `sg_event_id` (signed)",
  replay: "signed timestamp ±300 s, each event's `timestamp` within 48 h",
  handshake: "—",
  events: Object.keys(sendgridCatalogue).length,
  crossCheck: "`@sendgrid/eventwebhook` `verifySignature`, both ways, and its published vector",
};
