/**
 * The SHA-256 of bytes through the platform's crypto, for schemes built outside the core that bind a body hash.
 * @module
 */

import { backend } from "../crypto/backend.js";
import type { MaybePromise } from "../maybe.js";

/**
 * The lowercase hex SHA-256 of `data`: node:crypto on Node, a string at once; WebCrypto elsewhere, a promise.
 * A scheme that awaits it pays no thread-pool round trip on Node.
 *
 * @example
 * const hash = await sha256Hex(new TextEncoder().encode("abc"));
 * // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export function sha256Hex(data: Uint8Array): MaybePromise<string> {
  return backend.sha256Hex(data);
}
