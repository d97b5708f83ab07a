/**
 * ECDSA P-256 signatures and keys in the forms senders use (DER) and the forms WebCrypto takes (raw `r‖s`).
 * @module
 */

import { toHex } from "../encoding.js";

/** Bytes of one P-256 integer (r, s, a coordinate). */
const SCALAR = 32;

// RFC 5480 §2: SubjectPublicKeyInfo { id-ecPublicKey, prime256v1 } with an uncompressed point (0x04 ‖ x ‖ y).
// Literals only at the top level (no calls), so a bundle that never checks a P-256 key drops them.
const P256_SPKI_PREFIX = "3059301306072a8648ce3d020106082a8648ce3d03010703420004";

/** Length of a DER-encoded P-256 public key: the prefix (27 bytes) and two coordinates. */
export const P256_SPKI_BYTES = 91;

// SEC 2 §2.4.2: the field prime and the curve's `b` (a = −3).
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

function bigint(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/**
 * Whether `der` is a P-256 public key (SPKI, uncompressed point) whose point lies on the curve: the only form
 * accepted, so a key of another curve or type, or a corrupted one, is refused when a scheme is created,
 * identically in both backends (WebCrypto would only refuse it at the first request).
 *
 * @example
 * if (!isP256PublicKey(der)) throw configError("`publicKey` must be a P-256 key.");
 */
export function isP256PublicKey(der: Uint8Array): boolean {
  if (der.length !== P256_SPKI_BYTES || toHex(der.subarray(0, 27)) !== P256_SPKI_PREFIX) return false;
  const x = bigint(der.subarray(27, 27 + SCALAR));
  const y = bigint(der.subarray(27 + SCALAR));
  // y² = x³ − 3x + b (mod p), coordinates reduced.
  return x < P && y < P && (y * y - (x * x * x - 3n * x + B)) % P === 0n;
}

/** Reads one DER INTEGER at `at` into 32 big-endian bytes of `out`; the offset after it, or -1 if malformed. */
function readInteger(der: Uint8Array, at: number, out: Uint8Array, into: number): number {
  if (der[at] !== 0x02) return -1;
  const length = der[at + 1] ?? 0;
  const start = at + 2;
  const end = start + length;
  if (length === 0 || length > SCALAR + 1 || end > der.length) return -1;
  const first = der[start] as number;
  // X.690 §8.3.2: no redundant leading zero; the value is positive (high bit clear), so a zero pads one.
  if (first >= 0x80) return -1;
  if (first === 0 && length > 1 && (der[start + 1] as number) < 0x80) return -1;
  const value = first === 0 && length > 1 ? der.subarray(start + 1, end) : der.subarray(start, end);
  if (value.length > SCALAR) return -1;
  out.set(value, into + SCALAR - value.length);
  return end;
}

/**
 * A DER `ECDSA-Sig-Value` (`SEQUENCE { r INTEGER, s INTEGER }`, RFC 3279 §2.2.3) as the 64 bytes `r‖s`
 * WebCrypto verifies (IEEE P1363); `undefined` unless it is strict DER of two P-256-sized integers.
 *
 * @example
 * const raw = derToP1363(fromBase64(header)); // undefined → invalid_signature
 */
export function derToP1363(der: Uint8Array): Uint8Array | undefined {
  // Short-form lengths only: the longest P-256 signature is 72 bytes.
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  const raw = new Uint8Array(2 * SCALAR);
  const afterR = readInteger(der, 2, raw, 0);
  if (afterR === -1) return undefined;
  return readInteger(der, afterR, raw, SCALAR) === der.length ? raw : undefined;
}

function derInteger(scalar: Uint8Array): number[] {
  let start = 0;
  while (start < scalar.length - 1 && scalar[start] === 0) start++;
  const bytes = [...scalar.subarray(start)];
  if ((bytes[0] as number) >= 0x80) bytes.unshift(0);
  return [0x02, bytes.length, ...bytes];
}

/**
 * The 64 bytes `r‖s` WebCrypto signs as, in DER: what senders put on the wire.
 *
 * @example
 * const der = p1363ToDer(new Uint8Array(await crypto.subtle.sign(…)));
 */
export function p1363ToDer(raw: Uint8Array): Uint8Array {
  const body = [...derInteger(raw.subarray(0, SCALAR)), ...derInteger(raw.subarray(SCALAR))];
  return new Uint8Array([0x30, body.length, ...body]);
}
