/**
 * The shape of a rejection case and the forms of a secret that must never leak.
 * @module
 */
import {
  createVerifier,
  type VerifyInput,
  type WebhookErrorCode,
  type WebhookScheme,
} from "../../src/index.js";
import { at, SW_VECTOR } from "../helpers.js";

export interface RejectionCase {
  name: string;
  code: WebhookErrorCode;
  status: number;
  /** The header the error must name (`error.header` and the message), if it is about one. */
  header?: string;
  /** Text the message must contain: what to fix. */
  says: string;
  run: () => Promise<unknown>;
  /** Strings that must appear nowhere in the error. */
  secrets: string[];
}

export type Spec = Omit<RejectionCase, "run" | "secrets"> & { input: VerifyInput };

export const T = 1732291200;
export const id: string = SW_VECTOR.id;
export const body = '{"type":"user.created","data":{"id":"user_1"}}';
export const hex = (text: string): string => Buffer.from(text).toString("hex");
export const b64 = (text: string): string => Buffer.from(text).toString("base64");

/** A `wh…_` secret, its base64 part, and its decoded key as hex (both cases) and base64url. */
export function keyForms(secret: string): string[] {
  const encoded = secret.replace(/^wh(sec|sk|pk)_/, "");
  const key = Buffer.from(encoded, "base64");
  return [secret, encoded, key.toString("hex"), key.toString("hex").toUpperCase(), key.toString("base64url")];
}

export const textForms = (secret: string): string[] => [secret, hex(secret), b64(secret)];

/** The signature headers the scheme would send for `payload`, whole and without their prefix. */
export async function expected(
  scheme: WebhookScheme,
  payload: string,
  timestamp: number = T,
): Promise<string[]> {
  const headers = await scheme.sign({ body: payload, id, timestamp });
  return Object.entries(headers)
    .filter(([name]) => /signature|authorization|token/.test(name))
    .flatMap(([, value]) => [value, value.replace(/^(v1a?,|sha256=|Bearer |t=\d+,v1=)/, "")]);
}

export function group(scheme: WebhookScheme, secrets: string[], specs: Spec[]): RejectionCase[] {
  const verifier = createVerifier({ scheme, now: at(T) });
  return specs.map(({ input, ...spec }) => ({ ...spec, secrets, run: () => verifier.verify(input) }));
}
