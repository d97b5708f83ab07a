/**
 * Raw Ed25519 signatures over `{timestamp}{body}` with a bare 32-byte public key, as Discord signs
 * interactions and webhook events (`X-Signature-Ed25519`, hex; `X-Signature-Timestamp`, unix seconds).
 * @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { Ed25519Key } from "../crypto/types.js";
import { fromBase64, toBase64, toHex } from "../encoding.js";
import { configError } from "../errors.js";
import {
  type KeyInput,
  type SignatureAlgorithm,
  type SignatureHeaders,
  timestampedSignature,
} from "./timestamped-signature.js";
import type { WebhookScheme } from "./types.js";

/** Options of {@link ed25519}. */
export interface Ed25519Options extends SignatureHeaders {
  /** The sender's public key: 64 hex characters or 32 bytes. A list while rotating. */
  publicKey: KeyInput | readonly KeyInput[];
  /** The 32-byte private key (seed), hex or bytes: only `sign` uses it (tests, `@hookproof/testing`). */
  privateKey?: KeyInput;
  /** How the signature is written. Default `"hex"`. */
  encoding?: "hex" | "base64";
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const HEX_SIGNATURE = /^[0-9a-fA-F]{128}$/;

// The y-coordinates of the points of small order (the sign bit of x cleared), as libsodium refuses them
// (`has_small_order`, crypto_core/ed25519/ref10/ed25519_ref10.c): under such a "public key" a forger can
// produce signatures that verify without any private key.
const SMALL_ORDER = [
  "0000000000000000000000000000000000000000000000000000000000000000",
  "0100000000000000000000000000000000000000000000000000000000000000",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
  "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
];

function keyBytes(input: KeyInput, where: string): Uint8Array {
  if (input instanceof Uint8Array && input.length === 32) return input;
  if (typeof input === "string" && HEX_KEY.test(input.trim())) return fromHex(input.trim());
  throw configError(`${where} must be an Ed25519 key: 64 hex characters or 32 bytes.`);
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) as string[], (pair) => Number.parseInt(pair, 16));
}

function ed25519Algorithm(encoding: "hex" | "base64"): SignatureAlgorithm<Ed25519Key, Ed25519Key> {
  return {
    name: "ed25519",
    form: encoding === "hex" ? "128 hex characters" : "64 bytes in base64",
    publicKey(input, where) {
      const raw = keyBytes(input, where);
      const y = raw.slice();
      y[31] = (y[31] as number) & 0x7f;
      if (SMALL_ORDER.includes(toHex(y))) throw configError(`${where} is a point of small order, not a key.`);
      return backend.ed25519Key("public", raw);
    },
    privateKey: (input) => backend.ed25519Key("private", keyBytes(input, "`privateKey`")),
    decode(value) {
      if (encoding === "hex") return HEX_SIGNATURE.test(value) ? fromHex(value) : undefined;
      // 64 bytes are 88 base64 characters: anything longer is refused before it is decoded.
      const bytes = value.length === 88 ? fromBase64(value) : undefined;
      return bytes?.length === 64 ? bytes : undefined;
    },
    encode: (signature) => (encoding === "hex" ? toHex(signature) : toBase64(signature)),
    verify: (key, signature, parts) => backend.ed25519Verify(key, signature, parts),
    sign: (key, parts) => backend.ed25519Sign(key, parts),
  };
}

/**
 * Verifies raw Ed25519 signatures over the timestamp header's digits followed by the body.
 *
 * @example
 * const scheme = ed25519({
 *   publicKey: process.env.DISCORD_PUBLIC_KEY!,
 *   signatureHeader: "x-signature-ed25519",
 *   timestampHeader: "x-signature-timestamp",
 * });
 */
export function ed25519(options: Ed25519Options): WebhookScheme {
  const encoding = options?.encoding ?? "hex";
  if (encoding !== "hex" && encoding !== "base64") throw configError('`encoding` must be "hex" or "base64".');
  return timestampedSignature(ed25519Algorithm(encoding), options, options?.publicKey, options?.privateKey);
}
