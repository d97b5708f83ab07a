/**
 * HMAC signatures in a named header: over the raw body (GitHub, generic senders), or over
 * `${timestamp}.${body}` with the timestamp in its own header (FerrisKey) or beside the
 * signature (`t=…,v1=…`, Stripe). The senders' presets are in @hookproof/providers.
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { DigestEncoding, HmacAlgorithm, HmacKey } from "../crypto/types.js";
import { constantTimeEqual, utf8 } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import { chain, chainAll, type MaybePromise } from "../maybe.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { malformedHeader, parseUnixSeconds, requireHeader, secretList, textKeyBytes } from "./helpers.js";
import { addSignature, signatureEntries } from "./signature-list.js";
import type { SchemeRequest, SchemeResult, Secrets, SignInput, WebhookScheme } from "./types.js";

/** Where a signed timestamp travels: its own header, or a `key=` field of the signature header. */
export type HmacTimestamp = { header: string } | { key: string };

/** Options of {@link hmac}. */
export interface HmacOptions {
  /**
   * The shared secret. Text is used as its UTF-8 bytes, exactly as given (nothing stripped or decoded). At
   * least 16 bytes (after a `whsec_` prefix, which stays part of the key) unless `allowShortSecret`.
   */
  secret: Secrets;
  /**
   * Accept a secret under 16 bytes, when a sender you do not control forces one on you. A short key can be
   * guessed, and a guessed key forges any request. An empty one or a bare prefix is refused even so.
   */
  allowShortSecret?: boolean;
  /** The header that holds the signature, e.g. `x-webhook-signature`. */
  header: string;
  /** Default `"sha256"`. */
  algorithm?: HmacAlgorithm;
  /** How the MAC is written. Default `"hex"`. */
  encoding?: DigestEncoding;
  /** Text before the MAC, e.g. `"sha256="`. Default none. */
  prefix?: string;
  /** A signed timestamp: the signed content becomes `${timestamp}.${body}`. */
  timestamp?: HmacTimestamp;
  /** When the signature header is a `k=v,k=v` list, the key of the signatures (Stripe: `"v1"`). */
  signatureKey?: string;
  /**
   * The header in which the sender sends its delivery id, written by `sign`. Never the dedupe id: no HMAC
   * here covers headers, so a replay could carry any id there; the body's own `id`, or its SHA-256, is.
   */
  idHeader?: string;
}

const ALGORITHMS: readonly HmacAlgorithm[] = ["sha1", "sha256", "sha512"];

/**
 * A scheme for senders that put an HMAC of the body in a header.
 *
 * @example
 * const scheme = hmac({ secret, header: "x-webhook-signature", prefix: "sha256=" });
 */
export function hmac(options: HmacOptions): WebhookScheme {
  const list = secretList("secret", options?.secret, options?.allowShortSecret, textKeyBytes);
  const algorithm = options.algorithm ?? "sha256";
  const encoding = options.encoding ?? "hex";
  if (!ALGORITHMS.includes(algorithm)) throw configError("`algorithm` must be one of sha1, sha256, sha512.");
  if (encoding !== "hex" && encoding !== "base64") throw configError('`encoding` must be "hex" or "base64".');
  if (typeof options.header !== "string" || options.header.trim() === "") {
    throw configError("`header` is required: the name of the header holding the signature.");
  }
  const header = options.header.toLowerCase();
  const prefix = options.prefix ?? "";
  const timestamp = options.timestamp;
  const timestampHeader = timestamp && "header" in timestamp ? timestamp.header.toLowerCase() : undefined;
  const timestampKey = timestamp && "key" in timestamp ? timestamp.key : undefined;
  const signatureKey = options.signatureKey ?? (timestampKey ? "v1" : undefined);
  const idHeader = options.idHeader?.toLowerCase();
  const keys: HmacKey[] = list.map((secret) =>
    backend.hmacKey(algorithm, typeof secret === "string" ? utf8(secret) : secret),
  );
  const form = signatureKey
    ? `\`${timestampKey ? `${timestampKey}=<unix seconds>,` : ""}${signatureKey}=<${encoding}>\``
    : `\`${prefix}<${encoding} HMAC-${algorithm.toUpperCase()}>\``;

  function readCandidates(value: string): { candidates: string[]; fieldTimestamp?: string } {
    if (!signatureKey) {
      const trimmed = value.trim();
      if (trimmed.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) {
        throw malformedHeader(header, `must look like ${form}`);
      }
      const mac = trimmed.slice(prefix.length);
      if (mac === "") throw malformedHeader(header, `holds no signature after \`${prefix}\``);
      return { candidates: [encoding === "hex" ? mac.toLowerCase() : mac] };
    }
    const candidates: string[] = [];
    let fieldTimestamp: string | undefined;
    for (const pair of signatureEntries(value, ",", header)) {
      const equals = pair.indexOf("=");
      if (equals <= 0) continue;
      const key = pair.slice(0, equals).trim();
      const item = pair.slice(equals + 1).trim();
      if (key === signatureKey && item !== "")
        addSignature(candidates, encoding === "hex" ? item.toLowerCase() : item, header);
      else if (key === timestampKey && fieldTimestamp === undefined) fieldTimestamp = item;
    }
    if (timestampKey && fieldTimestamp === undefined)
      throw malformedHeader(header, `has no \`${timestampKey}=\` timestamp`);
    if (candidates.length === 0) throw malformedHeader(header, `has no \`${signatureKey}=\` signature`);
    return fieldTimestamp === undefined ? { candidates } : { candidates, fieldTimestamp };
  }

  /** The signature header, and the timestamp when it has a header of its own, each required. */
  function signedHeaders(read: HeaderReader): [string, number | undefined] {
    const value = requireHeader(
      read,
      header,
      `It must hold ${form}; check that the sender signs this endpoint and that no proxy strips the header.`,
    );
    if (!timestampHeader) return [value, undefined];
    const at = requireHeader(read, timestampHeader, "It carries the signed unix timestamp.");
    return [value, parseUnixSeconds(at, timestampHeader)];
  }

  function verify({ header: read, body }: SchemeRequest): MaybePromise<SchemeResult> {
    const [value, headerTimestamp] = signedHeaders(read);
    const { candidates, fieldTimestamp } = readCandidates(value);
    const signedAt =
      fieldTimestamp === undefined ? headerTimestamp : parseUnixSeconds(fieldTimestamp, header);
    const parts = signedAt === undefined ? [body] : [`${signedAt}.`, body];
    return chainAll(
      keys.map((key) => backend.hmac(key, parts, encoding)),
      (macs) => {
        const keyIndex = macs.findIndex((mac) =>
          candidates.some((candidate) => constantTimeEqual(candidate, mac)),
        );
        if (keyIndex === -1) {
          throw new WebhookVerificationError(
            "invalid_signature",
            `The \`${header}\` signature matches none of the configured secrets. Check the secret, and verify the raw body bytes as received, not re-serialised JSON.`,
            { header },
          );
        }
        const result: SchemeResult = { keyIndex };
        if (signedAt !== undefined) result.timestamp = signedAt;
        return result;
      },
    );
  }

  function sign(input: SignInput): MaybePromise<Record<string, string>> {
    const body = typeof input.body === "string" ? utf8(input.body) : input.body;
    const signedAt = timestamp ? (input.timestamp ?? Math.floor(Date.now() / 1000)) : undefined;
    const parts = signedAt === undefined ? [body] : [`${signedAt}.`, body];
    return chain(backend.hmac(keys[0] as HmacKey, parts, encoding), (mac) => {
      const headers: Record<string, string> = {};
      if (signatureKey) {
        headers[header] = `${timestampKey ? `${timestampKey}=${signedAt},` : ""}${signatureKey}=${mac}`;
      } else headers[header] = `${prefix}${mac}`;
      if (timestampHeader) headers[timestampHeader] = String(signedAt);
      if (idHeader && input.id !== undefined) headers[idHeader] = input.id;
      return headers;
    });
  }

  return { name: "hmac", signsTimestamp: timestamp !== undefined, verify, sign, checkHeaders: signedHeaders };
}

/** Options of a sender's preset of {@link hmac} (`githubHmac`, `stripeHmac` in @hookproof/providers): the secret alone. */
export type HmacPresetOptions = Pick<HmacOptions, "secret" | "allowShortSecret">;
