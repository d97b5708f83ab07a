/**
 * How each negative variant bends a correctly signed delivery, so a receiver's tests can prove it says no.
 * @module
 */
import type { WebhookScheme } from "@hookproof/core";

/**
 * A way a delivery goes wrong:
 * - `tampered`: the body changed after signing;
 * - `wrongSecret`: the signature (or token) matches none of the receiver's secrets;
 * - `expired` / `future`: the signed timestamp lies beyond the tolerance, in the past / the future;
 * - `missingHeader`: a header dropped (`missingHeader` option, default the signature or token header).
 */
export type Variant = "tampered" | "wrongSecret" | "expired" | "future" | "missingHeader";

/** Every {@link Variant}, for tests that loop over them. */
export const VARIANTS: readonly Variant[] = ["tampered", "wrongSecret", "expired", "future", "missingHeader"];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The body with one change an attacker might make: a JSON object gains a field, anything else a byte.
 * The result is still JSON when the input was, so the receiver's signature check is what must catch it.
 */
export function tamper(body: string | Uint8Array): string | Uint8Array {
  const text = typeof body === "string" ? body : decoder.decode(body);
  let tampered: string;
  try {
    const parsed: unknown = JSON.parse(text);
    tampered =
      parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
        ? JSON.stringify({ ...parsed, tampered: true })
        : `${text} `;
  } catch {
    tampered = `${text} `;
  }
  return typeof body === "string" ? tampered : encoder.encode(tampered);
}

/** A bytewise copy with one byte appended: a different body, for finding the headers that sign it. */
function decoy(body: string | Uint8Array): string | Uint8Array {
  if (typeof body === "string") return `${body} `;
  const out = new Uint8Array(body.length + 1);
  out.set(body);
  out[body.length] = 0x20;
  return out;
}

/**
 * The headers that carry the signature: those whose value changes when only the body does. A token
 * scheme signs nothing, so for it every header it writes carries the token.
 */
export async function signatureHeaders(
  scheme: WebhookScheme,
  signed: Record<string, string>,
  input: { body: string | Uint8Array; id: string; timestamp: number },
): Promise<{ names: string[]; other: Record<string, string> }> {
  const other = await scheme.sign({ ...input, body: decoy(input.body) });
  const names = Object.keys(signed).filter((name) => other[name] !== signed[name]);
  return names.length > 0 ? { names, other } : { names: Object.keys(signed), other };
}

const WHITESPACE = /\s/;

/**
 * `value` with the word it ends in (its trailing run of non-whitespace) replaced by `replace(word)`;
 * unchanged when it ends in whitespace. What `value.replace(/\S+$/, replace)` does, in linear time:
 * that regex backtracks quadratically over a long word followed by whitespace.
 *
 * @example
 * replaceLastWord("Bearer abc", (word) => word.toUpperCase()); // "Bearer ABC"
 */
export function replaceLastWord(value: string, replace: (word: string) => string): string {
  let start = value.length;
  while (start > 0 && !WHITESPACE.test(value.charAt(start - 1))) start--;
  return start === value.length ? value : value.slice(0, start) + replace(value.slice(start));
}

const BASIC = /^basic\s+/i;

/**
 * Another credential of the same shape: Basic `user:password` keeps its user and gets another password of the
 * password's length, so the receiver sees a well-formed pair that matches none (RFC 7617); any other token is
 * replaced by random characters of its length.
 */
function otherToken(value: string): string {
  const scheme = BASIC.exec(value)?.[0];
  if (scheme !== undefined) {
    let pair = "";
    try {
      pair = new TextDecoder("utf-8", { fatal: true }).decode(
        Uint8Array.from(atob(value.slice(scheme.length).trim()), (char) => char.charCodeAt(0)),
      );
    } catch {}
    const colon = pair.indexOf(":");
    if (colon > 0) {
      const other = `${pair.slice(0, colon + 1)}${randomToken(pair.length - colon - 1)}`;
      return scheme + btoa(String.fromCharCode(...new TextEncoder().encode(other)));
    }
  }
  // Keep a scheme word such as `Bearer `; replace the token after it.
  return replaceLastWord(value, (token) => randomToken(token.length));
}

function randomToken(length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(Math.max(length, 16)));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

/**
 * The headers as a sender with another secret would write them. A signature scheme gets a real MAC of
 * other bytes under the right key, which no verifier can tell from a MAC under a wrong key; a token
 * scheme gets another token of the same shape.
 */
export async function withWrongSecret(
  scheme: WebhookScheme,
  signed: Record<string, string>,
  input: { body: string | Uint8Array; id: string; timestamp: number },
): Promise<Record<string, string>> {
  const { names, other } = await signatureHeaders(scheme, signed, input);
  const headers = { ...signed };
  for (const name of names) {
    const value = signed[name] as string;
    headers[name] = other[name] !== value ? (other[name] as string) : otherToken(value);
  }
  return headers;
}
