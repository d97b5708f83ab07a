/**
 * ECDSA P-256 / SHA-256 signatures over `{timestamp}{body}`, base64 DER, with a base64 SPKI (or PEM) public
 * key: SendGrid's signed Event Webhook (`X-Twilio-Email-Event-Webhook-Signature`, `…-Timestamp`).
 * @see https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 * @see https://github.com/sendgrid/sendgrid-nodejs/blob/main/packages/eventwebhook/src/eventwebhook.js
 * @module
 */
import { ecdsa } from "../crypto/backend.js";
import { derToP1363, isP256PublicKey } from "../crypto/ecdsa-der.js";
import type { EcdsaKey } from "../crypto/types.js";
import { fromBase64, toBase64 } from "../encoding.js";
import { configError } from "../errors.js";
import {
  type KeyInput,
  type SignatureAlgorithm,
  type SignatureHeaders,
  timestampedSignature,
} from "./timestamped-signature.js";
import type { WebhookScheme } from "./types.js";

/** Options of {@link ecdsaP256}. */
export interface EcdsaP256Options extends SignatureHeaders {
  /**
   * The sender's P-256 public key: base64 of its DER SubjectPublicKeyInfo (`MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…`),
   * the same in PEM, or the DER bytes. A list while rotating.
   */
  publicKey: KeyInput | readonly KeyInput[];
  /** A PKCS #8 P-256 private key (base64, PEM or DER bytes): only `sign` uses it (tests, `@hookproof/testing`). */
  privateKey?: KeyInput;
}

/** A DER ECDSA-Sig-Value over P-256 is at most 72 bytes: 96 base64 characters. */
const MAX_SIGNATURE_CHARS = 96;

/** DER bytes of a key given as bytes, bare base64 or PEM (armour lines dropped, whitespace ignored). */
function derOf(input: KeyInput): Uint8Array | undefined {
  if (input instanceof Uint8Array) return input;
  if (typeof input !== "string") return undefined;
  return fromBase64(input.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""));
}

const P256: SignatureAlgorithm<EcdsaKey, EcdsaKey> = {
  name: "ecdsa-p256",
  form: "base64 of a DER ECDSA signature",
  publicKey(input, where) {
    const der = derOf(input);
    if (der === undefined || !isP256PublicKey(der)) {
      throw configError(
        `${where} must be a P-256 public key: base64 of its DER SubjectPublicKeyInfo (it starts "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"), or PEM.`,
      );
    }
    return ecdsa.key("public", der);
  },
  privateKey(input) {
    const der = derOf(input);
    const refused = configError("`privateKey` must be a PKCS #8 P-256 key: base64, PEM or bytes.");
    if (der === undefined) throw refused;
    try {
      return ecdsa.key("private", der);
    } catch {
      // node:crypto parses the key here (WebCrypto only when it first signs): the same refusal either way.
      throw refused;
    }
  },
  decode(value) {
    if (value.length > MAX_SIGNATURE_CHARS) return undefined;
    const der = fromBase64(value);
    // Strict DER of two P-256 integers, checked here so that neither backend sees anything else.
    return der !== undefined && derToP1363(der) !== undefined ? der : undefined;
  },
  encode: toBase64,
  verify: (key, signature, parts) => ecdsa.verify(key, signature, parts),
  sign: (key, parts) => ecdsa.sign(key, parts),
};

/**
 * Verifies ECDSA P-256 signatures (base64 DER) over the timestamp header's digits followed by the body.
 *
 * @example
 * const scheme = ecdsaP256({
 *   publicKey: process.env.SENDGRID_WEBHOOK_PUBLIC_KEY!,
 *   signatureHeader: "x-twilio-email-event-webhook-signature",
 *   timestampHeader: "x-twilio-email-event-webhook-timestamp",
 * });
 */
export function ecdsaP256(options: EcdsaP256Options): WebhookScheme {
  return timestampedSignature(P256, options, options?.publicKey, options?.privateKey);
}
