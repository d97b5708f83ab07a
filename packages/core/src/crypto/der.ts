/**
 * DER wrappers that turn raw Ed25519 keys into the SPKI / PKCS #8 forms both backends import.
 * @module
 */
import { concatBytes } from "../encoding.js";

// RFC 8410 §4 and §7: fixed ASN.1 prefixes for Ed25519 (OID 1.3.101.112).
const SPKI_PREFIX = new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

export function ed25519Spki(publicKey: Uint8Array): Uint8Array {
  return concatBytes([SPKI_PREFIX, publicKey]);
}

export function ed25519Pkcs8(seed: Uint8Array): Uint8Array {
  return concatBytes([PKCS8_PREFIX, seed]);
}
