/**
 * What the public-key schemes share: a signature header over `{timestamp}{body}` (no separator), a
 * unix-seconds timestamp header, a list of public keys (any may match), and signing for tests.
 * @module
 */
import { configError, WebhookVerificationError } from "../errors.js";
import { chain, chainAll, type MaybePromise } from "../maybe.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { parseUnixSeconds, requireHeader } from "./helpers.js";
import type { SchemeRequest, SchemeResult, SignInput, WebhookScheme } from "./types.js";

/** A key as text (its usual encoding), or as bytes. */
export type KeyInput = string | Uint8Array;

/** Headers of a timestamped-signature scheme, and how the signature is written. */
export interface SignatureHeaders {
  /** The header holding the signature, e.g. `x-signature-ed25519`. */
  signatureHeader: string;
  /** The header holding the signed unix-seconds timestamp, e.g. `x-signature-timestamp`. */
  timestampHeader: string;
}

/** The algorithm-specific half: reads keys and signatures, verifies and signs bytes. */
export interface SignatureAlgorithm<PublicKey, PrivateKey> {
  name: string;
  /** The form a signature takes on the wire, for messages: `128 hex characters`. */
  form: string;
  /** A prepared public key; throws `configError` naming `where` when it is not one. */
  publicKey(input: KeyInput, where: string): PublicKey;
  privateKey(input: KeyInput): PrivateKey;
  /** The signature bytes of a header value, or `undefined` when it is not one (wrong length, encoding, DER). */
  decode(value: string): Uint8Array | undefined;
  encode(signature: Uint8Array): string;
  verify(
    key: PublicKey,
    signature: Uint8Array,
    parts: readonly (string | Uint8Array)[],
  ): MaybePromise<boolean>;
  sign(key: PrivateKey, parts: readonly (string | Uint8Array)[]): MaybePromise<Uint8Array>;
}

function headerName(value: unknown, option: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw configError(`\`${option}\` is required: the name of the header.`);
  return value.trim().toLowerCase();
}

/**
 * A scheme from an algorithm and its headers: every public key is tried, the first that verifies gives
 * `keyIndex`; `sign` needs the private key.
 *
 * @example
 * return timestampedSignature(ED25519, options, options.publicKey, options.privateKey);
 */
export function timestampedSignature<PublicKey, PrivateKey>(
  algorithm: SignatureAlgorithm<PublicKey, PrivateKey>,
  headers: SignatureHeaders,
  publicKeys: KeyInput | readonly KeyInput[] | undefined,
  privateKey: KeyInput | undefined,
): WebhookScheme {
  const signatureHeader = headerName(headers?.signatureHeader, "signatureHeader");
  const timestampHeader = headerName(headers?.timestampHeader, "timestampHeader");
  const list = [publicKeys ?? []].flat() as KeyInput[];
  if (list.length === 0) throw configError("`publicKey` is required: pass it, or a list while rotating.");
  const keys = list.map((key, index) =>
    algorithm.publicKey(key, `\`publicKey${list.length > 1 ? `[${index}]` : ""}\``),
  );
  const signer = privateKey === undefined ? undefined : algorithm.privateKey(privateKey);

  /** The signature, and the timestamp as signed (the header's digits) and as a number. */
  function signedHeaders(header: HeaderReader): [string, string, number] {
    const signature = requireHeader(header, signatureHeader);
    const at = requireHeader(header, timestampHeader, "It carries the signed unix timestamp.").trim();
    return [signature, at, parseUnixSeconds(at, timestampHeader)];
  }

  function verify({ header, body }: SchemeRequest): MaybePromise<SchemeResult> {
    const [value, signedAt, timestamp] = signedHeaders(header);
    const signature = algorithm.decode(value.trim());
    if (signature === undefined) {
      throw new WebhookVerificationError(
        "malformed_header",
        `The \`${signatureHeader}\` header must hold one ${algorithm.name} signature, ${algorithm.form}.`,
        { header: signatureHeader },
      );
    }
    // The timestamp's digits as received (leading zeros and all): they are what the sender signed.
    const parts = [signedAt, body];
    return chainAll(
      keys.map((key) => algorithm.verify(key, signature, parts)),
      (results) => {
        const keyIndex = results.indexOf(true);
        if (keyIndex === -1) {
          throw new WebhookVerificationError(
            "invalid_signature",
            `The \`${signatureHeader}\` signature does not verify with the configured public key(s): use this endpoint's public key, and verify the raw body bytes as received.`,
            { header: signatureHeader },
          );
        }
        return { timestamp, keyIndex };
      },
    );
  }

  function sign(input: SignInput): MaybePromise<Record<string, string>> {
    if (signer === undefined) throw configError("`sign` needs `privateKey`, the sender's signing key.");
    const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
    return chain(algorithm.sign(signer, [String(timestamp), input.body]), (signature) => ({
      [signatureHeader]: algorithm.encode(signature),
      [timestampHeader]: String(timestamp),
    }));
  }

  return { name: algorithm.name, signsTimestamp: true, verify, sign, checkHeaders: signedHeaders };
}
