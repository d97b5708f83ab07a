/**
 * AWS SNS message signatures: RSA PKCS #1 v1.5 (SignatureVersion 1: SHA-1, 2: SHA-256) over SNS's canonical
 * string of the message's fields, with the public key of the X.509 certificate at `SigningCertURL`, which is
 * accepted only from `https://sns.<region of the TopicArn>.amazonaws.com[.cn]/SimpleNotificationService-<hex>.pem`
 * and fetched through an injectable `fetch`, then cached by URL.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message-verify-message-signature.html
 * @see https://github.com/aws/aws-php-sns-message-validator/blob/master/src/MessageValidator.php (`getStringToSign`)
 * @module
 */
import {
  configError,
  type SchemeRequest,
  type SchemeResult,
  type SignInput,
  type WebhookScheme,
  WebhookVerificationError,
} from "@hookproof/core";
import { exportSPKI, importX509 } from "jose";
import { fetchKeyText, type KeyFetch } from "./fetch-key.js";

/** The three kinds of SNS message. */
export type SnsMessageType = "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation";

/** An SNS message as it arrives (HTTP/S delivery, not raw). */
export interface SnsMessage {
  Type: SnsMessageType;
  MessageId: string;
  TopicArn: string;
  Message: string;
  /** ISO 8601, when SNS published it: the same on every retry. */
  Timestamp: string;
  SignatureVersion: "1" | "2";
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  /** Confirmations: the URL to visit to confirm (SubscriptionConfirmation) — or to re-subscribe. */
  SubscribeURL?: string;
  Token?: string;
  UnsubscribeURL?: string;
  /** Not signed by SNS: never trust it for a decision. */
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/** Options of {@link snsSignature}. */
export interface SnsSignatureOptions {
  /**
   * The topics this endpoint subscribes to: a message from any other is refused before its certificate is
   * fetched. Default: any topic (its region still binds the certificate URL); AWS advises listing them.
   */
  topicArns?: readonly string[] | undefined;
  /** The `fetch` the certificate is fetched with. Default: the global one. */
  fetch?: KeyFetch | undefined;
  /** Signature versions accepted. Default both; `["2"]` refuses SHA-1 (set the topic's `SignatureVersion` to 2). */
  signatureVersions?: readonly ("1" | "2")[] | undefined;
  /**
   * Whether a certificate URL is SNS's, for partitions the default does not know. Default: `https:`, host
   * `sns.<the TopicArn's region>.amazonaws.com` (`.com.cn` in China), path `/SimpleNotificationService-<hex>.pem`,
   * nothing else (no port, query, credentials).
   */
  certificateUrl?: ((url: URL, region: string) => boolean) | undefined;
  /** For `sign` (tests, `@hookproof/testing`): a PKCS #8 RSA private key (PEM) and the certificate URL to name. */
  signingKey?: { privateKey: string; certificateUrl: string } | undefined;
}

// Fields signed, in order, when present (AWS docs; the PHP validator's one list gives the same strings).
// AWS's JS validator (sns-validator) leaves `Token` out for UnsubscribeConfirmation; the documented string keeps it.
const SIGNED: Record<SnsMessageType, readonly (keyof SnsMessage)[]> = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: [
    "Message",
    "MessageId",
    "SubscribeURL",
    "Timestamp",
    "Token",
    "TopicArn",
    "Type",
  ],
  UnsubscribeConfirmation: ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"],
};

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const CERT_PATH = /^\/SimpleNotificationService-[0-9a-f]{32}\.pem$/;
const TOPIC_ARN = /^arn:aws(?:-[a-z]+)*:sns:([a-z0-9-]+):\d{12}:[\w-]{1,256}$/;
/** An RSA-4096 signature is 684 base64 characters. */
const MAX_SIGNATURE_CHARS = 700;
const MAX_CACHED_CERTIFICATES = 16;

/** The canonical string SNS signs: `Key\nvalue\n` for each signed field present, in order. */
export function snsStringToSign(message: SnsMessage): string {
  let out = "";
  for (const key of SIGNED[message.Type]) {
    const value = message[key];
    if (typeof value === "string") out += `${key}\n${value}\n`;
  }
  return out;
}

/** The default certificate-URL rule; see {@link SnsSignatureOptions.certificateUrl}. */
export function isSnsCertificateUrl(url: URL, region: string): boolean {
  return (
    url.protocol === "https:" &&
    url.username === "" &&
    url.password === "" &&
    url.port === "" &&
    url.search === "" &&
    url.hash === "" &&
    REGION.test(region) &&
    (url.hostname === `sns.${region}.amazonaws.com` || url.hostname === `sns.${region}.amazonaws.com.cn`) &&
    CERT_PATH.test(url.pathname)
  );
}

function refused(message: string): WebhookVerificationError {
  return new WebhookVerificationError("invalid_signature", message);
}

function decodeBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

function pemBody(pem: string): Uint8Array {
  return decodeBase64(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "")) as Uint8Array;
}

const HASH = { "1": "SHA-1", "2": "SHA-256" } as const;

/** A certificate's key, imported for each signature version the endpoint accepts. */
type VerifyKeys = Partial<Record<"1" | "2", CryptoKey>>;

/** The message's fields, checked: each signed one present is a string, the required ones are there. */
function readMessage(body: Uint8Array, versions: readonly string[]): SnsMessage {
  let message: SnsMessage;
  try {
    message = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) as SnsMessage;
  } catch {
    throw new WebhookVerificationError(
      "invalid_json",
      "The body is not an SNS message (JSON); raw message delivery sends no signature: turn it off for this subscription.",
    );
  }
  if (typeof message !== "object" || message === null || !(message.Type in SIGNED))
    throw refused(
      "The body is not an SNS message: its `Type` is not Notification, SubscriptionConfirmation or UnsubscribeConfirmation.",
    );
  const required: (keyof SnsMessage)[] = [
    "MessageId",
    "TopicArn",
    "Message",
    "Timestamp",
    "Signature",
    "SigningCertURL",
    "SignatureVersion",
  ];
  if (message.Type !== "Notification") required.push("SubscribeURL", "Token");
  for (const key of [...required, ...SIGNED[message.Type]]) {
    const value = message[key];
    if ((required.includes(key) || value !== undefined) && typeof value !== "string")
      throw refused(`The SNS message's \`${key}\` is ${value === undefined ? "missing" : "not a string"}.`);
  }
  if (!versions.includes(message.SignatureVersion))
    throw refused(
      `The SNS message's SignatureVersion is not one this endpoint accepts (${versions.join(", ")}).`,
    );
  return message;
}

/**
 * A scheme for AWS SNS HTTP/S subscriptions. The event id is `MessageId` (signed, the same on retries); the
 * message is handed back as `payload`. `Timestamp` is signed but kept on retries: bound it with `maxAge`.
 *
 * @example
 * const scheme = snsSignature({ topicArns: ["arn:aws:sns:us-east-1:123456789012:orders"] });
 */
export function snsSignature(options: SnsSignatureOptions): WebhookScheme {
  const topics = options?.topicArns === undefined ? undefined : [...options.topicArns];
  if (topics !== undefined && (topics.length === 0 || topics.some((arn) => !TOPIC_ARN.test(arn))))
    throw configError(
      "`topicArns` must list the topic ARNs this endpoint subscribes to (`arn:aws:sns:<region>:<account>:<name>`).",
    );
  const versions = [...(options?.signatureVersions ?? ["1", "2"])];
  if (versions.length === 0 || versions.some((v) => v !== "1" && v !== "2"))
    throw configError('`signatureVersions` must list "1" and/or "2".');
  const allowed = options?.certificateUrl ?? isSnsCertificateUrl;
  const certificates = new Map<string, Promise<VerifyKeys>>();

  /**
   * The certificate's public key, fetched once per URL and imported once per accepted version: importing an RSA
   * key costs more than verifying with it (≈ 230 µs against ≈ 25 µs). A failed fetch is not cached.
   */
  function keysOf(url: string): Promise<VerifyKeys> {
    let keys = certificates.get(url);
    if (!keys) {
      if (certificates.size >= MAX_CACHED_CERTIFICATES)
        certificates.delete(certificates.keys().next().value as string);
      keys = fetchKeyText(url, "signing certificate", { fetch: options?.fetch }).then(async (pem) => {
        let key: CryptoKey;
        try {
          key = await importX509(pem.trim(), "RS256", { extractable: true });
        } catch (error) {
          throw new WebhookVerificationError(
            "key_unavailable",
            "The SNS signing certificate is not an X.509 RSA certificate; the sender will retry.",
            { cause: error },
          );
        }
        // NIST SP 800-131A: RSA under 2048 bits is not acceptable for signatures.
        if ((key.algorithm as RsaHashedKeyAlgorithm).modulusLength < 2048)
          throw refused("The SNS signing certificate's RSA key is under 2048 bits.");
        const spki = pemBody(await exportSPKI(key)) as BufferSource;
        const imported: VerifyKeys = {};
        for (const version of versions)
          imported[version] = await crypto.subtle.importKey(
            "spki",
            spki,
            { name: "RSASSA-PKCS1-v1_5", hash: HASH[version] },
            false,
            ["verify"],
          );
        return imported;
      });
      keys.catch(() => certificates.delete(url));
      certificates.set(url, keys);
    }
    return keys;
  }

  async function verify({ header, body }: SchemeRequest): Promise<SchemeResult> {
    if (header("x-amz-sns-rawdelivery")?.trim().toLowerCase() === "true")
      throw refused(
        "This SNS subscription uses raw message delivery, which carries no signature: turn it off.",
      );
    const message = readMessage(body, versions);
    // AWS: "reject any message with an unexpected TopicArn"; checked before anything is fetched.
    const region = TOPIC_ARN.exec(message.TopicArn)?.[1];
    if (region === undefined || (topics !== undefined && !topics.includes(message.TopicArn)))
      throw refused("The SNS message is from a topic this endpoint does not subscribe to.");
    let url: URL | undefined;
    try {
      url = new URL(message.SigningCertURL);
    } catch {
      url = undefined;
    }
    if (!url || !allowed(url, region))
      throw refused(
        "The SNS message's SigningCertURL is not an SNS certificate URL of its topic's region; it was not fetched.",
      );
    const signature =
      message.Signature.length <= MAX_SIGNATURE_CHARS ? decodeBase64(message.Signature) : undefined;
    if (!signature) throw refused("The SNS message's Signature is not base64 of an RSA signature.");
    const ok = await crypto.subtle.verify(
      "RSASSA-PKCS1-v1_5",
      (await keysOf(url.href))[message.SignatureVersion] as CryptoKey,
      signature as BufferSource,
      new TextEncoder().encode(snsStringToSign(message)),
    );
    if (!ok)
      throw refused(
        "The SNS message's signature does not verify with its certificate: the message was altered, or is not from SNS.",
      );
    return { id: message.MessageId, keyIndex: 0, payload: message };
  }

  async function signBody(input: SignInput): Promise<{ headers: Record<string, string>; body: string }> {
    const signing = options?.signingKey;
    if (!signing)
      throw configError("`sign` needs `signingKey`: a private key and the certificate URL to name.");
    const text = typeof input.body === "string" ? input.body : new TextDecoder().decode(input.body);
    const message = JSON.parse(text) as SnsMessage;
    message.SignatureVersion ??= versions.includes("2") ? "2" : "1";
    message.SigningCertURL = signing.certificateUrl;
    const key = await crypto.subtle.importKey(
      "pkcs8",
      pemBody(signing.privateKey) as BufferSource,
      { name: "RSASSA-PKCS1-v1_5", hash: HASH[message.SignatureVersion] },
      false,
      ["sign"],
    );
    const signature = new Uint8Array(
      await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(snsStringToSign(message))),
    );
    message.Signature = btoa(String.fromCharCode(...signature));
    return {
      headers: {
        "content-type": "text/plain; charset=UTF-8",
        "x-amz-sns-message-type": message.Type,
        "x-amz-sns-message-id": message.MessageId,
        "x-amz-sns-topic-arn": message.TopicArn,
      },
      body: JSON.stringify(message),
    };
  }

  async function sign(input: SignInput): Promise<Record<string, string>> {
    return (await signBody(input)).headers;
  }

  return { name: "sns", signsTimestamp: false, verify, sign, signBody };
}
