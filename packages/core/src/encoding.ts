/**
 * Byte and text encodings, runtime-neutral. Not crypto: hashing lives in the backends.
 * @module
 */

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function concatBytes(parts: readonly (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part));
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  // 256 | byte is "1" and two hex digits: the slice keeps a byte's leading zero.
  for (const byte of bytes) out += (256 | byte).toString(16).slice(1);
  return out;
}

/** Base64 of a MAC or a signature: a few dozen bytes, well within an argument list. */
export function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes canonical, padded base64; anything else (base64url, missing padding, spaces) is `undefined`. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/**
 * Compares two strings in time that depends only on `received`'s length, never on where they differ
 * or on the length of `expected`.
 */
export function constantTimeEqual(received: string, expected: string): boolean {
  const n = expected.length;
  if (n === 0) return false;
  // When the lengths differ the length check alone decides, and `received` is compared with itself, so
  // the loop still reads one character of each per position. (A modulo per character cost 4× the loop.)
  const other = received.length === n ? expected : received;
  let diff = received.length ^ n;
  for (let i = 0; i < received.length; i++) diff |= received.charCodeAt(i) ^ other.charCodeAt(i);
  return diff === 0;
}
