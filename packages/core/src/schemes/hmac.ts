/**
 * HMAC signatures in a named header, over bytes laid out by a template: the raw body (GitHub, generic
 * senders), `{timestamp}.{body}` with the timestamp in its own header (FerrisKey) or beside the signature
 * (`t=…,v1=…`, Stripe; `ts=…;h1=…`, Paddle), `v0:{timestamp}:{body}` (Slack, Zoom), `{id}{timestamp}{body}`
 * (Twitch), or bound to the request's URL: `{url}{body}` (Square), `{method}{url}{body}{timestamp}` (HubSpot
 * v3). The senders' presets are in @hookproof/providers.
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { DigestEncoding, HmacAlgorithm, HmacKey } from "../crypto/types.js";
import { constantTimeEqual, utf8 } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import { chain, chainAll, type MaybePromise } from "../maybe.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { malformedHeader, requireHeader, secretList, textKeyBytes } from "./helpers.js";
import { addSignature, signatureEntries } from "./signature-list.js";
import { compileTemplate, fillTemplate, type TemplateValues, usesField } from "./signed-template.js";
import { formatSignedTime, parseSignedTime, type TimestampUnit } from "./signed-time.js";
import type { SchemeRequest, SchemeResult, Secrets, SignInput, WebhookScheme } from "./types.js";

export type { TimestampUnit } from "./signed-time.js";

/**
 * Where a signed timestamp travels, its own header or a `key=` field of the signature header, and how it is
 * written (default `"seconds"`).
 */
export type HmacTimestamp = ({ header: string } | { key: string }) & { unit?: TimestampUnit };

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
  /** Text before the MAC, e.g. `"sha256="`, `"v0="`. Default none. */
  prefix?: string;
  /** A signed timestamp; the template must sign it (`{timestamp}`). */
  timestamp?: HmacTimestamp;
  /** When the signature header is a `k=v` list, the key of the signatures (Stripe: `"v1"`, Paddle: `"h1"`). */
  signatureKey?: string;
  /** Between the pairs of a `k=v` list (spaces around it are ignored). Default `","`; Paddle `";"`. */
  separator?: string;
  /** Between the key and the value of each pair of a `k=v` list. Default `"="`. */
  assign?: string;
  /**
   * The signed bytes: literal text around `{body}` (the raw body), `{timestamp}` (the timestamp's text as
   * sent), `{id}` (the `idHeader` value), `{method}` and `{url}` (the request's method and public URL, which
   * `verify` must then be given). Default `{timestamp}.{body}` with a timestamp, else `{body}`.
   */
  template?: string;
  /**
   * The header in which the sender sends its delivery id, written by `sign`. When the template signs it
   * (`{id}`, Twitch) it is required and becomes the event id; otherwise it is never the dedupe id, since a
   * replay could carry any id there: the body's own `id`, or its SHA-256, is.
   */
  idHeader?: string;
}

const ALGORITHMS: readonly HmacAlgorithm[] = ["sha1", "sha256", "sha512"];
const UNITS: readonly TimestampUnit[] = ["seconds", "milliseconds", "rfc3339"];
const UNIT_TEXT: Record<TimestampUnit, string> = {
  seconds: "unix seconds",
  milliseconds: "unix milliseconds",
  rfc3339: "RFC 3339 time",
};

function nonEmpty(value: unknown, name: string, what: string): string {
  if (typeof value !== "string" || value.trim() === "") throw configError(`\`${name}\` ${what}`);
  return value;
}

/** A URL-bound scheme given no URL (or method) is the caller's mistake, never the sender's. */
export function needsRequest(scheme: string, part: "url" | "method"): TypeError {
  return part === "url"
    ? configError(
        `\`${scheme}\` needs the request URL: pass \`url\` to verify(), or use an adapter; behind a proxy set the router's \`publicUrl\`.`,
      )
    : configError(`\`${scheme}\` signs the HTTP method: pass \`method\` to verify(), or use an adapter.`);
}

/**
 * A scheme for senders that put an HMAC of the body (and a timestamp, an id, the URL…) in a header.
 *
 * @example
 * const scheme = hmac({ secret, header: "x-webhook-signature", prefix: "sha256=" });
 * const slack = hmac({ secret, header: "x-slack-signature", prefix: "v0=", template: "v0:{timestamp}:{body}",
 *   timestamp: { header: "x-slack-request-timestamp" } });
 */
export function hmac(options: HmacOptions): WebhookScheme {
  const list = secretList("secret", options?.secret, options?.allowShortSecret, textKeyBytes);
  const algorithm = options.algorithm ?? "sha256";
  const encoding = options.encoding ?? "hex";
  if (!ALGORITHMS.includes(algorithm)) throw configError("`algorithm` must be one of sha1, sha256, sha512.");
  if (encoding !== "hex" && encoding !== "base64") throw configError('`encoding` must be "hex" or "base64".');
  const header = nonEmpty(
    options.header,
    "header",
    "is required: the name of the header holding the signature.",
  ).toLowerCase();
  const prefix = options.prefix ?? "";
  const timestamp = options.timestamp;
  const timestampHeader = timestamp && "header" in timestamp ? timestamp.header.toLowerCase() : undefined;
  const timestampKey = timestamp && "key" in timestamp ? timestamp.key : undefined;
  const unit = timestamp?.unit ?? "seconds";
  if (!UNITS.includes(unit))
    throw configError('`timestamp.unit` must be "seconds", "milliseconds" or "rfc3339".');
  const signatureKey = options.signatureKey ?? (timestampKey ? "v1" : undefined);
  const separator = options.separator ?? ",";
  const assign = options.assign ?? "=";
  nonEmpty(separator, "separator", "must be a non-blank string, e.g. `;`.");
  nonEmpty(assign, "assign", "must be a non-blank string, e.g. `=`.");
  const idHeader = options.idHeader?.toLowerCase();
  const template = compileTemplate(options.template ?? (timestamp ? "{timestamp}.{body}" : "{body}"));
  const signsId = usesField(template, "id");
  const signsUrl = usesField(template, "url");
  const signsMethod = usesField(template, "method");
  if (usesField(template, "timestamp") !== (timestamp !== undefined)) {
    throw configError(
      timestamp
        ? "`template` must sign `{timestamp}`: a timestamp outside the MAC would let a replay pass as fresh."
        : "`template` signs `{timestamp}`: say where it travels with `timestamp: { header }` or `{ key }`.",
    );
  }
  if (signsId && !idHeader) throw configError("`template` signs `{id}`: name its header with `idHeader`.");
  const keys: HmacKey[] = list.map((secret) =>
    backend.hmacKey(algorithm, typeof secret === "string" ? utf8(secret) : secret),
  );
  const split = separator.trim();
  const form = signatureKey
    ? `\`${timestampKey ? `${timestampKey}${assign}<${UNIT_TEXT[unit]}>${separator}` : ""}${signatureKey}${assign}<${encoding}>\``
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
    for (const pair of signatureEntries(value, split, header)) {
      const at = pair.indexOf(assign);
      if (at <= 0) continue;
      const key = pair.slice(0, at).trim();
      const item = pair.slice(at + assign.length).trim();
      if (key === signatureKey && item !== "")
        addSignature(candidates, encoding === "hex" ? item.toLowerCase() : item, header);
      else if (key === timestampKey && fieldTimestamp === undefined) fieldTimestamp = item;
    }
    if (timestampKey && fieldTimestamp === undefined)
      throw malformedHeader(header, `has no \`${timestampKey}${assign}\` timestamp`);
    if (candidates.length === 0)
      throw malformedHeader(header, `has no \`${signatureKey}${assign}\` signature`);
    return fieldTimestamp === undefined ? { candidates } : { candidates, fieldTimestamp };
  }

  /**
   * The headers `checkHeaders` requires, each checked: the signature, the timestamp when it has a header
   * of its own (as text and as seconds), and the id when the template signs it.
   */
  function signedHeaders(read: HeaderReader): [string, string?, number?, string?] {
    const value = requireHeader(
      read,
      header,
      `It must hold ${form}; check that the sender signs this endpoint and that no proxy strips the header.`,
    );
    const id = signsId
      ? requireHeader(read, idHeader as string, "It carries the signed delivery id.").trim()
      : undefined;
    if (!timestampHeader) return [value, undefined, undefined, id];
    const text = requireHeader(read, timestampHeader, `It carries the signed ${UNIT_TEXT[unit]}.`).trim();
    return [value, text, parseSignedTime(text, unit, timestampHeader), id];
  }

  function verify({ header: read, body, method, url }: SchemeRequest): MaybePromise<SchemeResult> {
    if (signsUrl && url === undefined) throw needsRequest("hmac", "url");
    if (signsMethod && method === undefined) throw needsRequest("hmac", "method");
    const [value, headerTime, headerSeconds, id] = signedHeaders(read);
    const { candidates, fieldTimestamp } = readCandidates(value);
    const time = fieldTimestamp ?? headerTime;
    const signedAt =
      fieldTimestamp === undefined ? headerSeconds : parseSignedTime(fieldTimestamp, unit, header);
    const parts = fillTemplate(template, body, { timestamp: time, id, method, url });
    return chainAll(
      keys.map((key) => backend.hmac(key, parts, encoding)),
      (macs) => {
        const keyIndex = macs.findIndex((mac) =>
          candidates.some((candidate) => constantTimeEqual(candidate, mac)),
        );
        if (keyIndex === -1) {
          throw new WebhookVerificationError(
            "invalid_signature",
            `The \`${header}\` signature matches none of the configured secrets. Check the secret, and verify the raw body bytes as received, not re-serialised JSON${signsUrl ? ", at the URL the sender was given" : ""}.`,
            { header },
          );
        }
        const result: SchemeResult = { keyIndex };
        if (signedAt !== undefined) result.timestamp = signedAt;
        if (id !== undefined) result.id = id;
        return result;
      },
    );
  }

  function sign(input: SignInput): MaybePromise<Record<string, string>> {
    if (signsUrl && input.url === undefined)
      throw configError("`sign` needs the `url` the request is sent to.");
    const body = typeof input.body === "string" ? utf8(input.body) : input.body;
    const signedAt = timestamp ? (input.timestamp ?? Math.floor(Date.now() / 1000)) : undefined;
    const time = signedAt === undefined ? undefined : formatSignedTime(signedAt, unit);
    const id = signsId ? (input.id ?? crypto.randomUUID()) : input.id;
    const values: TemplateValues = { timestamp: time, id, method: input.method ?? "POST", url: input.url };
    return chain(backend.hmac(keys[0] as HmacKey, fillTemplate(template, body, values), encoding), (mac) => {
      const headers: Record<string, string> = {};
      if (signatureKey) {
        headers[header] =
          `${timestampKey ? `${timestampKey}${assign}${time}${separator}` : ""}${signatureKey}${assign}${mac}`;
      } else headers[header] = `${prefix}${mac}`;
      if (timestampHeader) headers[timestampHeader] = time as string;
      if (idHeader && id !== undefined) headers[idHeader] = id;
      return headers;
    });
  }

  return { name: "hmac", signsTimestamp: timestamp !== undefined, verify, sign, checkHeaders: signedHeaders };
}

/** Options of a sender's preset of {@link hmac} (`githubHmac`, `stripeHmac` in @hookproof/providers): the secret alone. */
export type HmacPresetOptions = Pick<HmacOptions, "secret" | "allowShortSecret">;
