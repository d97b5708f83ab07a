/**
 * Standard Webhooks (and Svix, its origin): `webhook-*` or `svix-*` headers, `v1` HMAC-SHA256 and
 * `v1a` Ed25519 signatures over `${id}.${timestamp}.${body}`.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { Ed25519Key, MessageParts } from "../crypto/types.js";
import { constantTimeEqual, fromBase64, toBase64 } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import { chain, chainAll, type MaybePromise } from "../maybe.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { malformedHeader, parseUnixSeconds, requireHeader, secretList, withoutPrefix } from "./helpers.js";
import { addSignature, signatureEntries } from "./signature-list.js";
import type { SchemeRequest, SchemeResult, Secrets, SignInput, WebhookScheme } from "./types.js";

/** Options of {@link standardWebhooks}. */
export interface StandardWebhooksOptions {
  /**
   * The endpoint's secret: `whsec_<base64>` (the prefix is optional) for `v1` HMAC, `whpk_<base64>`
   * (verify only) or `whsk_<base64>` for `v1a` Ed25519, or raw key bytes. A list while rotating.
   */
  secret: Secrets;
  /** Which header family `sign` writes. Verification reads both. Default `"webhook"`. */
  signHeaders?: "webhook" | "svix";
  /**
   * Accept a `whsec_` key under 16 bytes, when a sender you do not control forces one on you. A short key
   * can be guessed, and a guessed key forges any request. An empty one or a bare prefix is refused even so.
   */
  allowShortSecret?: boolean;
}

/**
 * A prepared key. `sign` gives the base64 signature a request must carry (HMAC, or Ed25519 with the secret
 * key); a `whpk_` public key has none and verifies each received signature instead.
 */
interface Key {
  version: "v1" | "v1a";
  index: number;
  sign?: (parts: MessageParts) => MaybePromise<string>;
  publicKey?: Ed25519Key;
}

const FAMILIES = {
  webhook: { id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" },
  svix: { id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature" },
} as const;

/** A text secret's key bytes: base64 after the prefix, and for Ed25519 exactly a key's length. */
function decodeKey(secret: string, where: string): Uint8Array {
  const encoded = withoutPrefix(secret);
  // Some dashboards drop the padding; restore it (to a multiple of 4), then accept only canonical base64.
  const bytes = fromBase64(encoded.padEnd((encoded.length + 3) & ~3, "="));
  if (bytes === undefined) {
    throw configError(`${where} is not base64 after its prefix; copy it again from the dashboard.`);
  }
  if (secret.startsWith("whpk_") && bytes.length !== 32) {
    throw configError(`${where} must hold a 32-byte Ed25519 public key.`);
  }
  // 32 bytes is the seed; 64 bytes is seed + public key, as libsodium stores it.
  if (secret.startsWith("whsk_") && bytes.length !== 32 && bytes.length !== 64) {
    throw configError(`${where} must hold a 32- or 64-byte Ed25519 secret key.`);
  }
  return bytes;
}

function prepareKeys(secrets: Secrets, allowShort: boolean | undefined): Key[] {
  const list = secretList("secret", secrets, allowShort, decodeKey);
  return list.map((input, index): Key => {
    // Raw bytes are an HMAC key, as their base64 would be. Every text secret has been decoded once by
    // `secretList`, so `decodeKey` does not throw here.
    const secret = typeof input === "string" ? input : toBase64(input);
    const raw = decodeKey(secret, "");
    if (secret.startsWith("whpk_"))
      return { version: "v1a", index, publicKey: backend.ed25519Key("public", raw) };
    if (secret.startsWith("whsk_")) {
      const key = backend.ed25519Key("private", raw.subarray(0, 32));
      return { version: "v1a", index, sign: (parts) => chain(backend.ed25519Sign(key, parts), toBase64) };
    }
    const key = backend.hmacKey("sha256", raw);
    return { version: "v1", index, sign: (parts) => backend.hmac(key, parts, "base64") };
  });
}

interface Candidates {
  v1: string[];
  /** Canonical base64 of 64 bytes each. */
  v1a: string[];
}

function parseSignatures(value: string, header: string): Candidates {
  const candidates: Candidates = { v1: [], v1a: [] };
  let entries = 0;
  // A header sent twice arrives joined with ", ": that comma separates entries too.
  for (const entry of signatureEntries(value, /,?\s+/, header)) {
    const comma = entry.indexOf(",");
    if (comma <= 0 || comma === entry.length - 1) continue;
    entries++;
    const version = entry.slice(0, comma);
    const signature = entry.slice(comma + 1);
    if (version === "v1") addSignature(candidates.v1, signature, header);
    else if (version === "v1a" && fromBase64(signature)?.length === 64)
      addSignature(candidates.v1a, signature, header);
  }
  if (entries === 0) {
    throw malformedHeader(header, "holds no `v1,<base64>` signature");
  }
  return candidates;
}

/**
 * The header family a request uses: the one carrying a signature, else the one with any header, so a
 * missing header is reported under the name the sender actually uses.
 */
function family(header: SchemeRequest["header"]): (typeof FAMILIES)[keyof typeof FAMILIES] {
  return header("webhook-signature") !== undefined ||
    (header("svix-signature") === undefined &&
      (header("webhook-id") ?? header("webhook-timestamp")) !== undefined)
    ? FAMILIES.webhook
    : FAMILIES.svix;
}

/** Its family's signature, id and timestamp headers, each required: what `checkHeaders` checks. */
function signedHeaders(header: HeaderReader): [string, string, number, ReturnType<typeof family>] {
  const names = family(header);
  return [
    requireHeader(header, names.signature),
    requireHeader(header, names.id),
    parseUnixSeconds(requireHeader(header, names.timestamp), names.timestamp),
    names,
  ];
}

function noMatch(header: string): WebhookVerificationError {
  return new WebhookVerificationError(
    "invalid_signature",
    `No signature in \`${header}\` matches the configured secret(s): use this endpoint's secret and the raw bytes of the body, not re-serialised JSON.`,
    { header },
  );
}

/**
 * Verifies and signs Standard Webhooks requests, as Svix sends them for Stack Auth, Tesseral and Clerk.
 *
 * @example
 * const scheme = standardWebhooks({ secret: process.env.WEBHOOK_SECRET! });
 * const verifier = createVerifier({ scheme });
 */
export function standardWebhooks(options: StandardWebhooksOptions): WebhookScheme {
  const keys = prepareKeys(options?.secret, options?.allowShortSecret);
  const signFamily = options.signHeaders ?? "webhook";

  function verify({ header, body }: SchemeRequest): MaybePromise<SchemeResult> {
    const [signatureValue, id, timestamp, names] = signedHeaders(header);
    const candidates = parseSignatures(signatureValue, names.signature);
    const parts = [`${id}.${timestamp}.`, body];

    const checks: MaybePromise<number | undefined>[] = [];
    for (const { version, index, sign, publicKey } of keys) {
      const received = candidates[version];
      if (received.length === 0) continue;
      // RFC 8032 §5.1.6: Ed25519 signatures are deterministic, so holding the secret key we sign the same
      // bytes and compare, in constant time, as for HMAC; holding only the public key we verify each one.
      checks.push(
        sign
          ? chain(sign(parts), (expected) =>
              received.some((candidate) => constantTimeEqual(candidate, expected)) ? index : undefined,
            )
          : chainAll(
              received.map((candidate) =>
                backend.ed25519Verify(publicKey as Ed25519Key, fromBase64(candidate) as Uint8Array, parts),
              ),
              (results) => (results.includes(true) ? index : undefined),
            ),
      );
    }
    return chainAll(checks, (matches) => {
      const keyIndex = matches.find((index) => index !== undefined);
      if (keyIndex === undefined) throw noMatch(names.signature);
      return { id, timestamp, keyIndex };
    });
  }

  function sign(input: SignInput): MaybePromise<Record<string, string>> {
    const key = keys.find((k) => k.sign);
    if (!key?.sign) throw configError("`sign` needs a `whsec_` or `whsk_` secret, not a `whpk_` public key.");
    const id = input.id ?? `msg_${randomId()}`;
    const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
    // A string body is signed as its UTF-8 bytes: every backend encodes string parts so.
    return chain(key.sign([`${id}.${timestamp}.`, input.body]), (signature) => ({
      [`${signFamily}-id`]: id,
      [`${signFamily}-timestamp`]: String(timestamp),
      [`${signFamily}-signature`]: `${key.version},${signature}`,
    }));
  }

  return { name: "standard-webhooks", signsTimestamp: true, verify, sign, checkHeaders: signedHeaders };
}

function randomId(): string {
  // 27 characters after `msg_`, as Svix message ids have.
  return crypto.randomUUID().replaceAll("-", "").slice(0, 27);
}
