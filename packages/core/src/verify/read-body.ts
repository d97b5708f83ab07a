/**
 * Turns whatever a framework hands over into the raw bytes that were signed, and enforces the size limit.
 * @module
 */

import { concatBytes, utf8 } from "../encoding.js";
import { WebhookVerificationError } from "../errors.js";
import type { MaybePromise } from "../maybe.js";

/** A raw body: bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`) or text as received. */
export type BodyInput = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/**
 * A body read on demand, so that a request missing a header its scheme requires is refused without
 * reading it. Called at most once.
 *
 * @example
 * const body: LazyBody = () => readLimited(request.body, hooks.maxBodyBytes);
 */
export type LazyBody = () => MaybePromise<BodyInput>;

/** The default size limit: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES: number = 2 ** 20;

/** The error for a body that a JSON parser already turned into an object. */
export function bodyAlreadyParsed(what: string, fix: string): WebhookVerificationError {
  return new WebhookVerificationError(
    "body_already_parsed",
    `The body arrived as ${what}, not raw bytes: a body parser ran first, but the signature covers the exact bytes. ${fix}`,
  );
}

export function payloadTooLarge(limit: number): WebhookVerificationError {
  return new WebhookVerificationError(
    "payload_too_large",
    `The body is over the ${limit}-byte limit; raise \`maxBodyBytes\` for this sender.`,
  );
}

/** The body as bytes, without copying when it already is bytes. */
export function toBytes(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return utf8(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const what = body === undefined || body === null ? "nothing" : `a ${typeof body}`;
  throw bodyAlreadyParsed(
    what,
    "Pass the raw body: `await request.arrayBuffer()`, or a Buffer from `express.raw()`.",
  );
}

/**
 * Reads a Web stream into one buffer, stopping as soon as it passes `limit` bytes, so an oversized
 * body is never buffered whole.
 *
 * @example
 * const body = await readLimited(request.body, 1024 * 1024);
 */
export async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
  declaredLength?: string | null,
): Promise<Uint8Array> {
  if (declaredLength != null && Number(declaredLength) > limit) throw payloadTooLarge(limit);
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : concatBytes(chunks);
}
