/**
 * The `node:crypto` backend: synchronous, native HMAC and Ed25519.
 * @module
 */
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { concatBytes } from "../encoding.js";
import { ed25519Pkcs8, ed25519Spki } from "./der.js";
import type {
  CryptoBackend,
  EcdsaBackend,
  EcdsaKey,
  Ed25519Key,
  HmacAlgorithm,
  HmacKey,
  MessageParts,
} from "./types.js";

interface NodeHmacKey extends HmacKey {
  readonly key: KeyObject;
}

interface NodeEd25519Key extends Ed25519Key {
  readonly key: KeyObject;
}

interface NodeEcdsaKey extends EcdsaKey {
  readonly key: KeyObject;
}

function single(parts: MessageParts): Uint8Array {
  return parts.length === 1 && typeof parts[0] !== "string" ? (parts[0] as Uint8Array) : concatBytes(parts);
}

export const backend: CryptoBackend = {
  hmacKey(algorithm: HmacAlgorithm, secret: Uint8Array): HmacKey {
    return { algorithm, key: createSecretKey(secret) } as NodeHmacKey;
  },
  hmac(key, parts, encoding) {
    const mac = createHmac(key.algorithm, (key as NodeHmacKey).key);
    for (const part of parts) mac.update(part);
    return mac.digest(encoding);
  },
  sha256Hex(data) {
    return createHash("sha256").update(data).digest("hex");
  },
  ed25519Key(type, raw) {
    const key =
      type === "public"
        ? createPublicKey({ key: Buffer.from(ed25519Spki(raw)), format: "der", type: "spki" })
        : createPrivateKey({ key: Buffer.from(ed25519Pkcs8(raw)), format: "der", type: "pkcs8" });
    return { type, key } as NodeEd25519Key;
  },
  ed25519Sign(key, parts) {
    return new Uint8Array(sign(null, single(parts), (key as NodeEd25519Key).key));
  },
  ed25519Verify(key, signature, parts) {
    return verify(null, single(parts), (key as NodeEd25519Key).key, signature);
  },
};

export const ecdsa: EcdsaBackend = {
  key(type, der) {
    const input = { key: Buffer.from(der), format: "der" } as const;
    const key =
      type === "public"
        ? createPublicKey({ ...input, type: "spki" })
        : createPrivateKey({ ...input, type: "pkcs8" });
    return { type, key } as NodeEcdsaKey;
  },
  sign(key, parts) {
    return new Uint8Array(
      sign("sha256", single(parts), { key: (key as NodeEcdsaKey).key, dsaEncoding: "der" }),
    );
  },
  verify(key, signature, parts) {
    return verify("sha256", single(parts), { key: (key as NodeEcdsaKey).key, dsaEncoding: "der" }, signature);
  },
};
