/**
 * A signature inside the JSON body, as Mailgun sends it: `{"signature":{"timestamp","token","signature"},
 * "event-data":{…}}`, `signature` the hex HMAC-SHA256 of `timestamp + token`. The MAC covers the timestamp
 * and the token only, never the event: the token, unique per delivery and kept across retries, becomes the
 * event id, so a captured signature replayed with another body is a duplicate.
 * @see https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { HmacKey } from "../crypto/types.js";
import { constantTimeEqual, utf8 } from "../encoding.js";
import { WebhookVerificationError } from "../errors.js";
import { parseJson } from "../event/parse-json.js";
import { chain, chainAll, type MaybePromise } from "../maybe.js";
import { secretList, textKeyBytes } from "./helpers.js";
import type { SchemeRequest, SchemeResult, Secrets, SignInput, WebhookScheme } from "./types.js";

/** Options of {@link bodySignature}. */
export interface BodySignatureOptions {
  /**
   * The signing key (Mailgun: the HTTP webhook signing key), used as its UTF-8 text; a list while rotating,
   * or to accept a subaccount's `parent-signature` made with the primary account's key.
   */
  secret: Secrets;
  /** Accept a secret under 16 bytes, when a sender you do not control forces one on you. */
  allowShortSecret?: boolean;
}

/** Signatures read: the account's own, and the primary account's for a subaccount's domain. */
const FIELDS = ["signature", "parent-signature"] as const;
const TIMESTAMP = /^\d{1,12}$/;
const HEX = /^[0-9a-f]{64}$/i;

function invalid(what: string): WebhookVerificationError {
  return new WebhookVerificationError(
    "invalid_signature",
    `The body's \`signature\` object ${what}. Check the signing key, and verify the raw body as received.`,
  );
}

/** The signed fields of a parsed body, each checked for shape. */
function signedFields(payload: unknown): { timestamp: string; token: string; candidates: string[] } {
  const block = (payload as { signature?: unknown } | null)?.signature as Record<string, unknown> | undefined;
  if (typeof block !== "object" || block === null) {
    throw invalid("is missing: the body must hold `signature: { timestamp, token, signature }`");
  }
  const { timestamp, token } = block;
  // The docs call the timestamp an int; it arrives as a string of digits.
  const time =
    typeof timestamp === "number" && Number.isSafeInteger(timestamp) ? String(timestamp) : timestamp;
  if (typeof time !== "string" || !TIMESTAMP.test(time)) throw invalid("has no unix-seconds `timestamp`");
  if (typeof token !== "string" || token === "" || token.length > 256) throw invalid("has no `token`");
  const candidates = FIELDS.map((field) => block[field]).filter(
    (value): value is string => typeof value === "string" && HEX.test(value),
  );
  if (candidates.length === 0) throw invalid("has no hex `signature`");
  return { timestamp: time, token, candidates: candidates.map((value) => value.toLowerCase()) };
}

/**
 * A scheme for senders that sign inside the body (Mailgun). It parses the body to verify it and returns the
 * parsed `payload`, the signed `timestamp` (seconds) and the `token` as the event `id`. Mailgun retries keep
 * the original timestamp for 8 hours: give the verifier or router `tolerance: 29_700` to accept them (the
 * token dedupe still refuses replays).
 *
 * @example
 * const verifier = createVerifier({ scheme: bodySignature({ secret: process.env.MAILGUN_SIGNING_KEY! }), tolerance: 29_700 });
 */
export function bodySignature(options: BodySignatureOptions): WebhookScheme {
  const list = secretList("secret", options?.secret, options?.allowShortSecret, textKeyBytes);
  const keys: HmacKey[] = list.map((secret) =>
    backend.hmacKey("sha256", typeof secret === "string" ? utf8(secret) : secret),
  );

  function verify({ body }: SchemeRequest): MaybePromise<SchemeResult> {
    const payload = parseJson(body);
    const { timestamp, token, candidates } = signedFields(payload);
    return chainAll(
      keys.map((key) => backend.hmac(key, [timestamp + token], "hex")),
      (macs) => {
        const keyIndex = macs.findIndex((mac) =>
          candidates.some((candidate) => constantTimeEqual(candidate, mac)),
        );
        if (keyIndex === -1) throw invalid("matches none of the configured signing keys");
        return { id: token, timestamp: Number(timestamp), keyIndex, payload };
      },
    );
  }

  function signBody(input: SignInput): MaybePromise<{ headers: Record<string, string>; body: string }> {
    const text = typeof input.body === "string" ? input.body : new TextDecoder().decode(input.body);
    const event = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
    const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
    // Mailgun's tokens are 50 random characters.
    const token = input.id ?? (crypto.randomUUID() + crypto.randomUUID()).replaceAll("-", "").slice(0, 50);
    const { signature: _, ...rest } = event;
    return chain(backend.hmac(keys[0] as HmacKey, [timestamp + token], "hex"), (signature) => ({
      headers: {},
      body: JSON.stringify({ signature: { token, timestamp, signature }, ...rest }),
    }));
  }

  return { name: "body-signature", signsTimestamp: true, verify, sign: () => ({}), signBody };
}
