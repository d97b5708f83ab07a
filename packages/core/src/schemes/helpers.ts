/**
 * Small pieces the schemes share.
 * @module
 */
import { utf8 } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import type { HeaderReader } from "../verify/read-headers.js";
import type { SecretInput, Secrets } from "./types.js";

/** Prefixes a secret's text may carry: `whsec_` (Standard Webhooks HMAC, Stripe), `whsk_` and `whpk_` (Ed25519). */
const SECRET_PREFIX = /^wh(?:sec|sk|pk)_/;

/**
 * RFC 2104 §3 discourages HMAC keys shorter than the hash; below 16 bytes (128 bits) a key can be guessed,
 * and a guessed key forges any request.
 */
const MIN_SECRET_BYTES = 16;

/**
 * The text of a secret after its known prefix, if it has one.
 *
 * @example
 * withoutPrefix("whsec_MfKQ9r8GKYqr…"); // "MfKQ9r8GKYqr…"
 */
export function withoutPrefix(secret: string): string {
  return secret.replace(SECRET_PREFIX, "");
}

/**
 * What a text secret used as text is measured by: its UTF-8 bytes after any known prefix.
 *
 * @example
 * secretList("secret", options.secret, options.allowShortSecret, textKeyBytes);
 */
export function textKeyBytes(secret: string): Uint8Array {
  return utf8(withoutPrefix(secret));
}

/**
 * The secrets or tokens of `option` as a non-empty list, checked when the scheme is created: refused are an
 * empty, whitespace-only or bare-prefix one always, and one of fewer than 16 key bytes unless `allowShort`.
 * `keyBytes` gives a text secret's key bytes, e.g. {@link textKeyBytes}.
 *
 * @example
 * const list = secretList("secret", options?.secret, options?.allowShortSecret, decodeKey);
 */
export function secretList(
  option: string,
  secrets: Secrets | undefined,
  allowShort: boolean | undefined,
  keyBytes: (secret: string, where: string) => Uint8Array,
): SecretInput[] {
  const list = [secrets ?? []].flat() as SecretInput[];
  if (list.length === 0) throw configError(`\`${option}\` is required: pass it, or a list while rotating.`);
  list.forEach((secret, index) => {
    const where = `\`${option}${list.length > 1 ? `[${index}]` : ""}\``;
    const text = typeof secret === "string";
    if (!text && !(secret instanceof Uint8Array))
      throw configError(`${where} must be a string or a Uint8Array.`);
    const blank = text ? withoutPrefix(secret).trim() === "" : secret.length === 0;
    if (blank || (!allowShort && (text ? keyBytes(secret, where) : secret).length < MIN_SECRET_BYTES)) {
      throw configError(
        `${where} is ${blank ? "blank or a bare prefix" : "under 16 bytes"}, so guessable: generate one with \`openssl rand -base64 32\`${blank ? "" : ", or pass `allowShortSecret: true` if the sender forces it"}.`,
      );
    }
  });
  return list;
}

/** Reads a header that must be present; `hint` says what it should hold. */
export function requireHeader(header: HeaderReader, name: string, hint = "A proxy may strip it."): string {
  const value = header(name);
  // Absent, empty or only whitespace.
  if (!value?.trim()) {
    throw new WebhookVerificationError("missing_header", `The \`${name}\` header is missing. ${hint}`, {
      header: name,
    });
  }
  return value;
}

/**
 * A `malformed_header` refusal: "The `name` header `what`."
 *
 * @example
 * throw malformedHeader("stripe-signature", "has no `t=` timestamp");
 */
export function malformedHeader(name: string, what: string): WebhookVerificationError {
  return new WebhookVerificationError("malformed_header", `The \`${name}\` header ${what}.`, {
    header: name,
  });
}

const UNIX_SECONDS = /^\d{1,16}$/;

/** Parses a unix-seconds header value: digits only, a safe integer. */
export function parseUnixSeconds(value: string, header: string): number {
  const trimmed = value.trim();
  const seconds = Number(trimmed);
  if (!UNIX_SECONDS.test(trimmed) || !Number.isSafeInteger(seconds))
    throw malformedHeader(header, "must be whole unix seconds (digits only)");
  return seconds;
}
