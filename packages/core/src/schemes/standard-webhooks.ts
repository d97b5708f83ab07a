/**
 * Standard Webhooks (and Svix, its origin): `webhook-*` or `svix-*` headers, `v1` HMAC-SHA256 and
 * `v1a` Ed25519 signatures over `${id}.${timestamp}.${body}`.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { Ed25519Key, HmacKey, MaybePromise } from "../crypto/types.js";
import { constantTimeEqual, fromBase64, toBase64 } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { parseUnixSeconds, requireHeader, secretList, whenAllReady, whenReady } from "./helpers.js";
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
}

type Key = { kind: "v1"; index: number; hmac: HmacKey } | { kind: "v1a"; index: number; ed25519: Ed25519Key };

const PREFIXES = ["whsec_", "whsk_", "whpk_"] as const;

const FAMILIES = {
  webhook: { id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" },
  svix: { id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature" },
} as const;

const MISSING_HINT =
  "Standard Webhooks senders set `webhook-id`, `-timestamp` and `-signature` (or `svix-…`); check no proxy strips them.";

function decodeKey(secret: string, where: string): Uint8Array {
  const prefix = PREFIXES.find((p) => secret.startsWith(p));
  const encoded = prefix ? secret.slice(prefix.length) : secret;
  if (encoded.length === 0) {
    throw configError(`${where} is a bare \`${prefix}\` prefix; paste the whole secret.`);
  }
  // Some dashboards drop the padding; restore it, then accept only canonical base64.
  const bytes = fromBase64(encoded.padEnd(Math.ceil(encoded.length / 4) * 4, "="));
  if (bytes === undefined || bytes.length === 0) {
    throw configError(
      `${where} is not base64 after its prefix (\`whsec_<base64>\`); copy it again from the dashboard.`,
    );
  }
  return bytes;
}

function prepareKeys(secrets: Secrets): Key[] {
  const list = secretList(secrets, "secret");
  return list.map((secret, index): Key => {
    const where = list.length > 1 ? `\`secret[${index}]\`` : "`secret`";
    if (secret instanceof Uint8Array) return { kind: "v1", index, hmac: backend.hmacKey("sha256", secret) };
    const raw = decodeKey(secret, where);
    if (secret.startsWith("whpk_")) {
      if (raw.length !== 32) throw configError(`${where} must hold a 32-byte Ed25519 public key.`);
      return { kind: "v1a", index, ed25519: backend.ed25519Key("public", raw) };
    }
    if (secret.startsWith("whsk_")) {
      // 32 bytes is the seed; 64 bytes is seed + public key, as libsodium stores it.
      if (raw.length !== 32 && raw.length !== 64) {
        throw configError(`${where} must hold a 32- or 64-byte Ed25519 secret key.`);
      }
      return { kind: "v1a", index, ed25519: backend.ed25519Key("private", raw.subarray(0, 32)) };
    }
    return { kind: "v1", index, hmac: backend.hmacKey("sha256", raw) };
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
  for (const token of value.split(/\s+/)) {
    // A header sent twice arrives joined with ", "; tolerate the trailing comma that leaves.
    const entry = token.endsWith(",") && token.indexOf(",") < token.length - 1 ? token.slice(0, -1) : token;
    const comma = entry.indexOf(",");
    if (comma <= 0 || comma === entry.length - 1) continue;
    entries++;
    const version = entry.slice(0, comma);
    const signature = entry.slice(comma + 1);
    if (version === "v1") candidates.v1.push(signature);
    else if (version === "v1a" && fromBase64(signature)?.length === 64) candidates.v1a.push(signature);
  }
  if (entries === 0) {
    throw new WebhookVerificationError(
      "malformed_header",
      `The \`${header}\` header holds no signature; it must be space-separated \`v1,<base64>\` entries.`,
      { header },
    );
  }
  return candidates;
}

/**
 * The signature, id and timestamp headers, each required: what `checkHeaders` checks. They are read from
 * the family carrying a signature, else the one with any header, so a missing header is reported under
 * the name the sender actually uses.
 */
function signedHeaders(
  header: HeaderReader,
): [string, string, number, (typeof FAMILIES)["webhook" | "svix"]] {
  const names =
    header("webhook-signature") !== undefined ||
    (header("svix-signature") === undefined &&
      (header("webhook-id") !== undefined || header("webhook-timestamp") !== undefined))
      ? FAMILIES.webhook
      : FAMILIES.svix;
  return [
    requireHeader(header, names.signature, MISSING_HINT),
    requireHeader(header, names.id, MISSING_HINT),
    parseUnixSeconds(requireHeader(header, names.timestamp, MISSING_HINT), names.timestamp),
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
  const keys = prepareKeys(options?.secret);
  const signFamily = options.signHeaders ?? "webhook";
  const hmacKeys = keys.filter((key) => key.kind === "v1");
  const edKeys = keys.filter((key) => key.kind === "v1a");

  function verify({ header, body }: SchemeRequest): MaybePromise<SchemeResult> {
    const [signatureValue, id, timestamp, names] = signedHeaders(header);
    const candidates = parseSignatures(signatureValue, names.signature);
    const parts = [`${id}.${timestamp}.`, body];

    const checks: MaybePromise<number | undefined>[] = [];
    if (candidates.v1.length > 0) {
      for (const key of hmacKeys) {
        checks.push(
          whenReady(backend.hmac(key.hmac, parts, "base64"), (expected) =>
            candidates.v1.some((candidate) => constantTimeEqual(candidate, expected)) ? key.index : undefined,
          ),
        );
      }
    }
    for (const { ed25519: key, index } of candidates.v1a.length > 0 ? edKeys : []) {
      // RFC 8032 §5.1.6: Ed25519 signatures are deterministic, so holding the secret key we sign the same
      // bytes and compare, in constant time; holding only the public key we verify.
      checks.push(
        key.type === "private"
          ? whenReady(backend.ed25519Sign(key, parts), (signature) => {
              const expected = toBase64(signature);
              return candidates.v1a.some((candidate) => constantTimeEqual(candidate, expected))
                ? index
                : undefined;
            })
          : whenAllReady(
              candidates.v1a.map((candidate) =>
                backend.ed25519Verify(key, fromBase64(candidate) as Uint8Array, parts),
              ),
              (results) => (results.includes(true) ? index : undefined),
            ),
      );
    }
    return whenAllReady(checks, (matches) => {
      const keyIndex = matches.find((index) => index !== undefined);
      if (keyIndex === undefined) throw noMatch(names.signature);
      return { id, timestamp, keyIndex };
    });
  }

  function sign(input: SignInput): MaybePromise<Record<string, string>> {
    const key = keys.find((k) => k.kind === "v1" || k.ed25519.type === "private");
    if (key === undefined) {
      throw configError("`sign` needs a `whsec_` or `whsk_` secret, not a `whpk_` public key.");
    }
    const id = input.id ?? `msg_${randomId()}`;
    const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
    // A string body is signed as its UTF-8 bytes: every backend encodes string parts so.
    const parts = [`${id}.${timestamp}.`, input.body];
    const signature =
      key.kind === "v1"
        ? whenReady(backend.hmac(key.hmac, parts, "base64"), (mac) => `v1,${mac}`)
        : whenReady(backend.ed25519Sign(key.ed25519, parts), (sig) => `v1a,${toBase64(sig)}`);
    return whenReady(signature, (value) => ({
      [`${signFamily}-id`]: id,
      [`${signFamily}-timestamp`]: String(timestamp),
      [`${signFamily}-signature`]: value,
    }));
  }

  return { name: "standard-webhooks", signsTimestamp: true, verify, sign, checkHeaders: signedHeaders };
}

function randomId(): string {
  // 27 characters after `msg_`, as Svix message ids have.
  return crypto.randomUUID().replaceAll("-", "").slice(0, 27);
}
