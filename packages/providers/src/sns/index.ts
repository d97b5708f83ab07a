/**
 * AWS SNS HTTP/S subscriptions: each message is a JSON body signed inside itself (`Signature`, RSA PKCS #1 v1.5
 * with SHA-1 for SignatureVersion 1 or SHA-256 for 2, over SNS's canonical string of its fields), with the key of
 * the X.509 certificate at `SigningCertURL`; new subscriptions are confirmed by visiting a `SubscribeURL`.
 *
 * Sources: docs.aws.amazon.com/sns/latest/dg/ `sns-verify-signature-of-message.html` and
 * `sns-verify-signature-of-message-verify-message-signature.html` (the canonical string, the certificate),
 * `http-notification-json.html`, `http-subscription-confirmation-json.html`, `http-unsubscribe-confirmation-json.html`
 * (the bodies), `SendMessageToHttp.prepare.html` (confirming), `sns-message-delivery-retries.html` (retries, the
 * 3,600 s cap), `sns-large-payload-raw-message-delivery.html` (raw delivery is unsigned); aws/aws-js-sns-message-validator
 * @ a6ba4d64 = npm `sns-validator` 0.3.5 `index.js` (cross-checked) and aws/aws-php-sns-message-validator @ 01f10492
 * `src/MessageValidator.php` (`getStringToSign`). SNS's sender is closed source.
 * @module
 */
import type { MaybePromise, WebhookProvider } from "@hookproof/core";
import { configError } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import type { KeyFetch } from "../kit/fetch-key.js";
import { type SnsMessage, type SnsSignatureOptions, snsSignature } from "../kit/sns-signature.js";
import { stringField } from "../kit/string-field.js";
import { type SnsConfirmation, snsConfirmation } from "./confirmation.js";
import { type SnsEvents, snsCatalogue } from "./events.js";

export type { SnsConfirmation } from "./confirmation.js";
export type { SnsEventData, SnsEvents, SnsMessageAttribute, SnsNotification } from "./events.js";
export { snsCatalogue } from "./events.js";

/** Options of {@link sns}. */
export interface SnsOptions {
  /**
   * The topic ARN(s) this endpoint subscribes to (`arn:aws:sns:us-east-1:123456789012:orders`); a message from any
   * other is refused before anything is fetched. Default: any topic — AWS advises listing them.
   */
  topicArn?: string | readonly string[];
  /**
   * Which `SigningCertURL`s to fetch, for partitions the default rule does not know (or a test server): an
   * anchored pattern (`^…$`) matched against the whole URL, or a function. Default: `https://sns.<the topic's
   * region>.amazonaws.com[.cn]/SimpleNotificationService-<hex>.pem` and nothing else. A `SubscribeURL` must be on
   * the same origin as the certificate URL.
   */
  allowCertUrl?: RegExp | ((url: URL, region: string) => boolean);
  /** The `fetch` certificates (and, when confirming, the `SubscribeURL`) are fetched with. Default: the global one. */
  fetch?: KeyFetch;
  /** GET a checked `SubscriptionConfirmation`'s `SubscribeURL`, confirming the subscription. Default `false`. */
  confirmSubscription?: boolean;
  /** Called with every checked confirmation (after confirming, when `confirmSubscription` is on). */
  onConfirmation?: (confirmation: SnsConfirmation) => MaybePromise<void>;
  /** Signature versions accepted. Default both; `["2"]` refuses SHA-1 (set the topic's `SignatureVersion` to 2). */
  signatureVersions?: SnsSignatureOptions["signatureVersions"];
  /** For signing test deliveries only (`@hookproof/testing`): a PKCS #8 RSA key and the certificate URL to name. */
  signingKey?: SnsSignatureOptions["signingKey"];
}

/**
 * Two hours: SNS keeps `Timestamp` on every retry, and an HTTP/S delivery policy retries for at most 3,600 s
 * (sns-message-delivery-retries.html); the hour more covers throttled deliveries. Under the 72 h dedupe retention.
 */
const MAX_AGE_SECONDS = 7200;

function certificateRule(allow: SnsOptions["allowCertUrl"]): SnsSignatureOptions["certificateUrl"] {
  if (allow === undefined || typeof allow === "function") return allow;
  if (!(allow instanceof RegExp) || !allow.source.startsWith("^") || !allow.source.endsWith("$"))
    throw configError(
      "`allowCertUrl` must be a RegExp anchored at both ends (`^https://…\\.pem$`) or a function of the URL.",
    );
  const pattern = new RegExp(allow.source, allow.flags.replace(/[gy]/g, ""));
  return (url) => pattern.test(url.href);
}

/**
 * AWS SNS: every message verified against its certificate (fetched once per URL from SNS's own host, or one
 * `allowCertUrl` allows); `Notification`s route as `"Notification"`, deduped by the signed `MessageId` and refused
 * once their signed `Timestamp` is two hours old. `SubscriptionConfirmation` and `UnsubscribeConfirmation` are
 * handshakes: handed to `onConfirmation` with the checked `SubscribeURL`, which is visited only with
 * `confirmSubscription: true`. `Message` stays the publisher's text.
 *
 * @example
 * const hooks = createWebhooks({
 *   provider: sns({ topicArn: process.env.SNS_TOPIC_ARN!, confirmSubscription: true }),
 * }).on("Notification", async (notification) => { await record(JSON.parse(notification.Message)) });
 */
export function sns(options: SnsOptions = {}): WebhookProvider<SnsEvents> {
  const topicArn = options?.topicArn;
  const confirmation = {
    fetch: options.fetch,
    confirmSubscription: options.confirmSubscription === true,
    onConfirmation: options.onConfirmation,
  };
  return {
    name: "sns",
    scheme: snsSignature({
      topicArns: typeof topicArn === "string" ? [topicArn] : topicArn,
      fetch: options.fetch,
      certificateUrl: certificateRule(options.allowCertUrl),
      signatureVersions: options.signatureVersions,
      signingKey: options.signingKey,
    }),
    events: snsCatalogue,
    eventType: (payload) => stringField(payload, "Type"),
    // The signed `MessageId`, the same on every retry (the scheme's id). `x-amz-sns-message-id` is an unsigned copy.
    eventId: (payload, schemeId) => schemeId ?? stringField(payload, "MessageId"),
    eventTime(payload) {
      const timestamp = stringField(payload, "Timestamp");
      const time = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
      return Number.isNaN(time) ? undefined : time;
    },
    maxAge: MAX_AGE_SECONDS,
    handshake: (payload) => snsConfirmation(payload as SnsMessage, confirmation),
  };
}

/**
 * AWS SNS, as the providers table lists it.
 *
 * @example
 * about.handshake; // "`SubscriptionConfirmation` → `onConfirmation` (…)"
 */
export const about: ProviderInfo = {
  name: "sns",
  preset: "sns",
  title: "AWS SNS (HTTP/S)",
  scheme:
    "RSA SHA1/SHA256withRSA over SNS's canonical string, certificate from an allow-listed `SigningCertURL`",
  eventId: "body `MessageId` (signed)",
  replay: "signed `Timestamp` within 2 h (`maxAge`), then dedupe",
  handshake:
    "`SubscriptionConfirmation` → `onConfirmation`, `SubscribeURL` visited only with `confirmSubscription`",
  events: Object.keys(snsCatalogue).length,
  crossCheck: "`sns-validator` `validate` (AWS's JS validator), both ways",
};
