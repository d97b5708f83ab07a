/**
 * SNS's subscription handshake: a signed `SubscriptionConfirmation` (or `UnsubscribeConfirmation`) whose
 * `SubscribeURL` confirms the subscription when GET. That URL is only ever visited after the message's signature
 * verified, when it is on the host its signing certificate came from (SNS's own, by the certificate-URL rule) with
 * `Action=ConfirmSubscription` for the message's own topic, and when the app asked for it: a URL taken from a body
 * and fetched blindly is a server-side request forgery (CVE-2019-6715, CVE-2026-32096).
 * @see https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html
 * @see https://docs.aws.amazon.com/sns/latest/dg/http-subscription-confirmation-json.html
 * @module
 */
import { type HandshakeAnswer, type MaybePromise, WebhookVerificationError } from "@hookproof/core";
import { fetchKeyText, type KeyFetch } from "../kit/fetch-key.js";
import type { SnsMessage } from "../kit/sns-signature.js";

/** A confirmation SNS sent, as the app's hook receives it once its signature and `SubscribeURL` are checked. */
export interface SnsConfirmation {
  /** `SubscriptionConfirmation` (a new subscription) or `UnsubscribeConfirmation` (one was deleted). */
  type: "SubscriptionConfirmation" | "UnsubscribeConfirmation";
  topicArn: string;
  messageId: string;
  /** The checked URL that confirms the subscription (visiting it after an unsubscribe subscribes again). */
  subscribeUrl: string;
  /** The token `ConfirmSubscription` takes, for apps that confirm through the AWS SDK instead. */
  token: string;
  /** ISO 8601, when SNS sent it; SNS's tokens expire after three days. */
  timestamp: string;
  /** Whether the preset GET `subscribeUrl` (with `confirmSubscription: true`, `SubscriptionConfirmation` only). */
  confirmed: boolean;
}

/** What the handshake needs from the preset's options. */
export interface ConfirmationOptions {
  fetch: KeyFetch | undefined;
  confirmSubscription: boolean;
  onConfirmation: ((confirmation: SnsConfirmation) => MaybePromise<void>) | undefined;
}

/**
 * The `SubscribeURL` of a verified confirmation, if it is SNS's: the origin of the (already allowed) signing
 * certificate URL, path `/`, `Action=ConfirmSubscription`, the message's own `TopicArn`, nothing else odd.
 *
 * @example
 * const url = subscribeUrlOf(message); // URL | undefined
 */
export function subscribeUrlOf(message: SnsMessage): URL | undefined {
  let url: URL;
  let certificate: URL;
  try {
    url = new URL(message.SubscribeURL as string);
    certificate = new URL(message.SigningCertURL);
  } catch {
    return undefined;
  }
  const ok =
    url.origin === certificate.origin &&
    url.username === "" &&
    url.password === "" &&
    url.hash === "" &&
    url.pathname === "/" &&
    url.searchParams.get("Action") === "ConfirmSubscription" &&
    url.searchParams.get("TopicArn") === message.TopicArn;
  return ok ? url : undefined;
}

/**
 * The handshake of a verified SNS message: `undefined` for a `Notification`; for a confirmation, its
 * `SubscribeURL` checked, visited when the app opted in, the app's hook called, and `200` answered.
 *
 * @example
 * const answer = await snsConfirmation(message, { fetch, confirmSubscription: true, onConfirmation });
 */
export async function snsConfirmation(
  message: SnsMessage,
  options: ConfirmationOptions,
): Promise<HandshakeAnswer | undefined> {
  if (message.Type === "Notification") return undefined;
  const url = subscribeUrlOf(message);
  if (url === undefined)
    throw new WebhookVerificationError(
      "invalid_payload",
      "The SNS confirmation's SubscribeURL is not an SNS ConfirmSubscription URL for its topic on its certificate's host; it was not visited.",
      { path: "SubscribeURL" },
    );
  const confirm = options.confirmSubscription && message.Type === "SubscriptionConfirmation";
  // `fetchKeyText` bounds the answer in time and size, follows no redirect, and turns a failure into a 503
  // so SNS sends the confirmation again.
  if (confirm) await fetchKeyText(url.href, "subscription confirmation URL", { fetch: options.fetch });
  await options.onConfirmation?.({
    type: message.Type,
    topicArn: message.TopicArn,
    messageId: message.MessageId,
    subscribeUrl: url.href,
    token: message.Token as string,
    timestamp: message.Timestamp,
    confirmed: confirm,
  });
  return {
    kind:
      message.Type === "SubscriptionConfirmation"
        ? "sns.subscription_confirmation"
        : "sns.unsubscribe_confirmation",
    status: 200,
    contentType: "application/json",
    body: JSON.stringify({ ok: true, confirmed: confirm }),
  };
}
