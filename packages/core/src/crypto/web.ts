/**
 * The WebCrypto backend for Edge, Workers, Deno, Bun and browsers: `crypto.subtle`, nothing else.
 * @module
 */
import { concatBytes, toBase64, toHex } from "../encoding.js";
import { ed25519Pkcs8 } from "./der.js";
import { derToP1363, p1363ToDer } from "./ecdsa-der.js";
import type { CryptoBackend, EcdsaBackend, EcdsaKey, Ed25519Key, HmacKey } from "./types.js";

interface WebHmacKey extends HmacKey {
  readonly secret: Uint8Array;
  /** The import under way, then the key itself: signing with a ready key skips a microtask turn. */
  cryptoKey?: Promise<CryptoKey> | CryptoKey;
}

interface WebEd25519Key extends Ed25519Key {
  readonly raw: Uint8Array;
  cryptoKey?: Promise<CryptoKey>;
}

interface WebEcdsaKey extends EcdsaKey {
  readonly der: Uint8Array;
  cryptoKey?: Promise<CryptoKey>;
}

const ECDSA_P256 = { name: "ECDSA", namedCurve: "P-256" } as const;
const ECDSA_SHA256 = { name: "ECDSA", hash: "SHA-256" } as const;

// Keys are imported on first use, not at creation: creation stays synchronous and a scheme
// that is never used leaves no pending promise behind.
function hmacCryptoKey(key: WebHmacKey): Promise<CryptoKey> | CryptoKey {
  key.cryptoKey ??= crypto.subtle
    .importKey(
      "raw",
      key.secret as BufferSource,
      // sha1 → SHA-1, sha256 → SHA-256, sha512 → SHA-512: WebCrypto's names for the same hashes.
      { name: "HMAC", hash: `SHA-${key.algorithm.slice(3)}` },
      false,
      ["sign"],
    )
    .then((cryptoKey) => (key.cryptoKey = cryptoKey));
  return key.cryptoKey;
}

function edCryptoKey(key: WebEd25519Key): Promise<CryptoKey> {
  const pub = key.type === "public";
  key.cryptoKey ??= crypto.subtle.importKey(
    pub ? "raw" : "pkcs8",
    (pub ? key.raw : ed25519Pkcs8(key.raw)) as BufferSource,
    { name: "Ed25519" },
    false,
    [pub ? "verify" : "sign"],
  );
  return key.cryptoKey;
}

function ecdsaCryptoKey(key: WebEcdsaKey): Promise<CryptoKey> {
  const pub = key.type === "public";
  key.cryptoKey ??= crypto.subtle.importKey(
    pub ? "spki" : "pkcs8",
    key.der as BufferSource,
    ECDSA_P256,
    false,
    [pub ? "verify" : "sign"],
  );
  return key.cryptoKey;
}

export const backend: CryptoBackend = {
  hmacKey(algorithm, secret) {
    return { algorithm, secret: secret.slice() } as WebHmacKey;
  },
  async hmac(key, parts, encoding) {
    const cryptoKey = hmacCryptoKey(key as WebHmacKey);
    const mac = new Uint8Array(
      await crypto.subtle.sign(
        "HMAC",
        // Not `instanceof Promise`: an Edge sandbox's crypto answers with another realm's promises.
        "then" in cryptoKey ? await cryptoKey : cryptoKey,
        concatBytes(parts) as BufferSource,
      ),
    );
    return encoding === "hex" ? toHex(mac) : toBase64(mac);
  },
  async sha256Hex(data) {
    return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource)));
  },
  ed25519Key(type, raw) {
    return { type, raw } as WebEd25519Key;
  },
  async ed25519Sign(key, parts) {
    return new Uint8Array(
      await crypto.subtle.sign(
        "Ed25519",
        await edCryptoKey(key as WebEd25519Key),
        concatBytes(parts) as BufferSource,
      ),
    );
  },
  async ed25519Verify(key, signature, parts) {
    return crypto.subtle.verify(
      "Ed25519",
      await edCryptoKey(key as WebEd25519Key),
      signature as BufferSource,
      concatBytes(parts) as BufferSource,
    );
  },
};

export const ecdsa: EcdsaBackend = {
  key(type, der) {
    return { type, der: der.slice() } as WebEcdsaKey;
  },
  async sign(key, parts) {
    const raw = await crypto.subtle.sign(
      ECDSA_SHA256,
      await ecdsaCryptoKey(key as WebEcdsaKey),
      concatBytes(parts) as BufferSource,
    );
    return p1363ToDer(new Uint8Array(raw));
  },
  async verify(key, signature, parts) {
    // WebCrypto takes `r‖s` (IEEE P1363), not the DER senders send.
    const raw = derToP1363(signature);
    if (raw === undefined) return false;
    return crypto.subtle.verify(
      ECDSA_SHA256,
      await ecdsaCryptoKey(key as WebEcdsaKey),
      raw as BufferSource,
      concatBytes(parts) as BufferSource,
    );
  },
};
