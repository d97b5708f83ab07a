/**
 * Twilio: Messaging and Voice callbacks, form-encoded, signed with `X-Twilio-Signature`: base64 HMAC-SHA1
 * (Auth Token) over the public URL + the form parameters sorted by name; JSON bodies through `bodySHA256`. A
 * SharedKey Webhook Setting signs the same bytes with its secret and the HMAC (SHA-1 or SHA-256) named in
 * `X-Twilio-Webhooks-Signature-Settings`.
 *
 * Sources: twilio.com/docs/usage/security (the signature, the published vector, JSON bodies and `bodySHA256`),
 * twilio.com/docs/usage/webhooks/webhook-shared-keys (SharedKeys, public beta),
 * twilio.com/docs/usage/webhooks/webhooks-connection-overrides (retries), twilio.com/docs/messaging/guides/webhook-request,
 * twilio.com/docs/messaging/guides/track-outbound-message-status, twilio.com/docs/voice/twiml#request-parameters;
 * npm `twilio` 6.3.1 `lib/webhooks/webhooks.js` (`getExpectedTwilioSignature`, `validateRequest`,
 * `validateRequestWithBody`: cross-checked both ways; `getSignatureAlgorithm` and `webhook`'s `sharedKeySecret`) and twilio/twilio-node `spec/validation.spec.js` (the vectors).
 * @module
 */
import type { HeaderReader, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { formOrJson } from "../kit/form-body.js";
import { stringField } from "../kit/string-field.js";
import { type TwilioEvents, twilioCatalogue } from "./events.js";
import { type TwilioHmacOptions, twilioHmac } from "./scheme.js";

export type {
  TwilioCall,
  TwilioCallStatus,
  TwilioEventData,
  TwilioEvents,
  TwilioMessageBase,
  TwilioMessageReceived,
  TwilioMessageStatus,
} from "./events.js";
export { twilioCatalogue } from "./events.js";
export type { TwilioHmacOptions } from "./scheme.js";
export { twilioHmac } from "./scheme.js";

/** Options of {@link twilio}. */
export interface TwilioOptions extends TwilioHmacOptions {}

/**
 * The routing key: `recording.<RecordingStatus>` for a recording's callback, `message.<MessageStatus>` for a
 * message's status callback (`message.received` for an inbound one, its `SmsStatus`), `call.<CallStatus>` for
 * a call's, and a JSON body's own `type`.
 */
function twilioEventType(payload: unknown): string | undefined {
  const [kind, status] =
    stringField(payload, "RecordingSid") !== undefined
      ? ["recording", stringField(payload, "RecordingStatus")]
      : stringField(payload, "MessageSid") !== undefined
        ? ["message", stringField(payload, "MessageStatus") ?? stringField(payload, "SmsStatus")]
        : stringField(payload, "CallSid") !== undefined
          ? ["call", stringField(payload, "CallStatus")]
          : ["", stringField(payload, "type")];
  return status === undefined || kind === "" ? status : `${kind}.${status}`;
}

/**
 * Twilio webhooks (Messaging, Voice, their status callbacks): `X-Twilio-Signature` over the public URL and
 * the sorted form parameters, keyed by the Auth Token (`secret`), or, on a request that carries
 * `X-Twilio-Webhooks-Signature-Settings`, by a SharedKey's secret (`sharedKey`) with the HMAC that header
 * names; pass the credential(s) your Webhook Settings use. Form bodies decode to their fields (strings), JSON
 * bodies (`bodySHA256` in the URL) to their JSON. Twilio signs no time and no event id: events are deduped by
 * the body's SHA-256 and replays are refused only while the dedupe store remembers them
 * (`replayBound: "retention"`).
 *
 * @example
 * const hooks = createWebhooks({ provider: twilio({ secret: process.env.TWILIO_AUTH_TOKEN! }), trustProxy: true })
 *   .on("message.received", async (sms) => { await inbox.add(sms.From, sms.Body) })
 *   .on("message.failed", async (status) => { await outbox.failed(status.MessageSid, status.ErrorCode) });
 * // Signed with a SharedKey: twilio({ sharedKey: process.env.TWILIO_SHARED_KEY_SECRET! })
 */
export function twilio(options: TwilioOptions): WebhookProvider<TwilioEvents> {
  return {
    name: "twilio",
    scheme: twilioHmac(options),
    events: twilioCatalogue,
    eventType: twilioEventType,
    // Twilio signs no event id: a status change is a new body and a retry the same one, so the router's
    // fallback, the body's SHA-256, tells them apart. `I-Twilio-Idempotency-Token` is unsigned, never the id.
    eventId: () => undefined,
    // Nothing Twilio signs is a time: only the dedupe retention stops a replay.
    replayBound: "retention",
    decode: (raw: Uint8Array, request: { header: HeaderReader }) => formOrJson(raw, request).payload,
  };
}

/**
 * Twilio, as the providers table lists it.
 *
 * @example
 * about.replay; // "dedupe retention only"
 */
export const about: ProviderInfo = {
  name: "twilio",
  preset: "twilio",
  title: "Twilio",
  scheme:
    "`X-Twilio-Signature`: base64 HMAC-SHA1 over the URL + sorted form parameters (a SharedKey: SHA-1 or SHA-256)",
  eventId: "body SHA-256 (Twilio signs no id)",
  replay: "dedupe retention only",
  handshake: "—",
  events: Object.keys(twilioCatalogue).length,
  crossCheck: "`twilio` `validateRequest` / `getExpectedTwilioSignature` + Twilio's published vectors",
};
