/**
 * Shared fixtures for the core tests: bodies, keys, and a way to catch what a check throws,
 * whether the backend answered synchronously (node:crypto) or with a promise (WebCrypto).
 * @module
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { WebhookVerificationError } from "../src/index.js";

/** The Standard Webhooks spec's own test vector. */
export const SW_VECTOR: {
  secret: string;
  id: string;
  timestamp: number;
  body: string;
  signature: string;
} = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Exactly 1 MiB of JSON: the default `maxBodyBytes`, so it is the largest body accepted. */
export function mebibyteJson(): string {
  const frame = '{"type":"blob.created","data":""}';
  const filler = "abcdefghij0123456789".repeat(Math.ceil((1024 * 1024) / 20));
  return `{"type":"blob.created","data":"${filler.slice(0, 1024 * 1024 - frame.length)}"}`;
}

export interface BodyCase {
  name: string;
  /** The body as text, when it is text. */
  text: string;
  /** Whether the body is a JSON document (so `createVerifier.verify` can parse it). */
  json: boolean;
}

/** Bodies every peer library can carry as a string. */
export const TEXT_BODIES: readonly BodyCase[] = [
  { name: "0 B", text: "", json: false },
  { name: "small JSON", text: '{"type":"user.created","data":{"id":"user_1","n":1}}', json: true },
  {
    name: "non-ASCII JSON (emoji, CJK, combining)",
    text: '{"name":"Zoë Ångström","city":"東京","dev":"👩🏽‍💻","note":"🦀 €"}',
    json: true,
  },
  { name: "1 MiB JSON", text: mebibyteJson(), json: true },
];

/** Bytes that are not UTF-8: a lone continuation byte, an overlong form, 0xff, a truncated sequence. */
export const INVALID_UTF8: Uint8Array = new Uint8Array([
  0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x80, 0xc0, 0xaf, 0xff, 0xfe, 0xe2, 0x82, 0x22, 0x7d,
]);

/** Awaits `run` and returns what it threw; fails the test if it did not throw. */
export async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but the call succeeded");
}

/** Runs `create` and returns the `[@hookproof/core]` TypeError it threw when something was created. */
export function creationError(create: () => unknown): TypeError {
  try {
    create();
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith("[@hookproof/core] ")) return error;
    throw new Error(`expected a [@hookproof/core] TypeError, got ${String(error)}`);
  }
  throw new Error("expected a TypeError at creation");
}

/** Like {@link thrown}, and checks the error is a `WebhookVerificationError`. */
export async function rejection(run: () => unknown): Promise<WebhookVerificationError> {
  const error = await thrown(run);
  if (!(error instanceof WebhookVerificationError)) {
    throw new Error(`expected a WebhookVerificationError, got ${String(error)}`);
  }
  return error;
}

/** The code a check failed with, or `"ok"` if it passed. */
export async function outcome(run: () => unknown): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    return error instanceof WebhookVerificationError ? error.code : `unexpected: ${String(error)}`;
  }
}

/** Unix seconds → the millisecond clock `createVerifier` takes. */
export const at =
  (seconds: number): (() => number) =>
  () =>
    seconds * 1000;

export interface Ed25519Pair {
  publicKey: KeyObject;
  privateKey: KeyObject;
  /** `whpk_` + base64 of the raw 32-byte public key. */
  whpk: string;
  /** `whsk_` + base64 of the 32-byte seed. */
  whsk: string;
  /** `whsk_` + base64 of seed ‖ public key, as libsodium stores it. */
  whsk64: string;
}

function fromBase64Url(text: string): Buffer {
  return Buffer.from(text, "base64url");
}

/** A fresh Ed25519 key pair made by node:crypto, independent of hookproof, exported raw through JWK. */
export function ed25519Pair(): Ed25519Pair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  const seed = fromBase64Url(jwk.d ?? "");
  const raw = fromBase64Url(jwk.x ?? "");
  return {
    publicKey,
    privateKey,
    whpk: `whpk_${raw.toString("base64")}`,
    whsk: `whsk_${seed.toString("base64")}`,
    whsk64: `whsk_${Buffer.concat([seed, raw]).toString("base64")}`,
  };
}

/**
 * A thenable that is no promise, its `then` on its prototype as a library's own thenable has it: what `await`
 * waits for and `instanceof Promise` misses.
 */
export function bareThenable<T>(
  settle: (resolve: (value: T) => void, reject: (error: unknown) => void) => void,
): PromiseLike<T> {
  class Thenable {
    // biome-ignore lint/suspicious/noThenProperty: a thenable that is not a promise is the point of it.
    then(resolve: (value: T) => void, reject: (error: unknown) => void): void {
      settle(resolve, reject);
    }
  }
  return new Thenable() as unknown as PromiseLike<T>;
}
