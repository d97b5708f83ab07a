/**
 * The small crypto interface the schemes use; `node.ts` and `web.ts` implement it and the
 * package's export conditions pick one.
 * @module
 */
import type { MaybePromise } from "../maybe.js";

/** HMAC hash functions a scheme may use. */
export type HmacAlgorithm = "sha1" | "sha256" | "sha512";

/** Text encodings of a MAC on the wire. */
export type DigestEncoding = "hex" | "base64";

/** Bytes to MAC, given in parts so that a signed prefix and the body need not be copied together. */
export type MessageParts = readonly (string | Uint8Array)[];

/** An HMAC key prepared once, when a scheme is created. */
export interface HmacKey {
  readonly algorithm: HmacAlgorithm;
}

/** An Ed25519 key prepared once, when a scheme is created. */
export interface Ed25519Key {
  readonly type: "public" | "private";
}

/** An ECDSA P-256 key prepared once, when a scheme is created. */
export interface EcdsaKey {
  readonly type: "public" | "private";
}

/** What a crypto backend provides. Keep it this small. */
export interface CryptoBackend {
  hmacKey(algorithm: HmacAlgorithm, secret: Uint8Array): HmacKey;
  hmac(key: HmacKey, parts: MessageParts, encoding: DigestEncoding): MaybePromise<string>;
  sha256Hex(data: Uint8Array): MaybePromise<string>;
  /** `raw` is the 32-byte public key, or the 32-byte seed for a private key. */
  ed25519Key(type: "public" | "private", raw: Uint8Array): Ed25519Key;
  ed25519Sign(key: Ed25519Key, parts: MessageParts): MaybePromise<Uint8Array>;
  ed25519Verify(key: Ed25519Key, signature: Uint8Array, parts: MessageParts): MaybePromise<boolean>;
}

/**
 * ECDSA P-256 with SHA-256, beside {@link CryptoBackend} rather than in it: a separate object, so a bundle
 * that never verifies ECDSA (the edge verify path) leaves it out.
 */
export interface EcdsaBackend {
  /** `der` is a P-256 SubjectPublicKeyInfo, or a PKCS #8 private key. */
  key(type: "public" | "private", der: Uint8Array): EcdsaKey;
  /** The signature in DER, as senders send it. */
  sign(key: EcdsaKey, parts: MessageParts): MaybePromise<Uint8Array>;
  /** `signature` is strict DER, already checked by `derToP1363` (`ecdsa-der.ts`). */
  verify(key: EcdsaKey, signature: Uint8Array, parts: MessageParts): MaybePromise<boolean>;
}
