/**
 * What the inspector shows of a delivery: everything but the secrets. A bearer or header token arrives in a
 * header, so every occurrence of a configured secret is masked wherever it is shown or printed.
 * @module
 */
import type { AppAnswer, DeliveryRecord } from "./record.js";
import { bodyOf } from "./record.js";

/** A delivery as the page sees it: the body as text (`null` when it is not UTF-8) instead of base64. */
export type DeliveryView = Omit<DeliveryRecord, "bodyBase64" | "answer"> & {
  body: string | null;
  bodyBytes: number;
  answer: AppAnswer | null;
};

export const MASK = "[secret]";

/**
 * Returns a function that masks every given secret in a text (longest first, so one never leaves part of another).
 *
 * @example
 * createMask(["tok_123"])("Bearer tok_123"); // "Bearer [secret]"
 */
export function createMask(secrets: readonly string[]): (text: string) => string {
  const list = [...new Set(secrets.filter((secret) => secret.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => list.reduce((out, secret) => out.replaceAll(secret, MASK), text);
}

const strict = new TextDecoder("utf-8", { fatal: true });

/**
 * The view of `record` with `mask` applied to its headers, body and the app's answer.
 *
 * @example
 * const view = viewOf(record, createMask(secrets));
 */
export function viewOf(record: DeliveryRecord, mask: (text: string) => string): DeliveryView {
  const bytes = bodyOf(record);
  let body: string | null;
  try {
    body = mask(strict.decode(bytes));
  } catch {
    body = null;
  }
  const answer =
    record.answer === undefined
      ? null
      : "error" in record.answer
        ? record.answer
        : { ...record.answer, body: mask(record.answer.body) };
  return {
    seq: record.seq,
    receivedAt: record.receivedAt,
    provider: record.provider,
    source: record.source,
    method: record.method,
    path: record.path,
    headers: record.headers.map(([name, value]) => [name, mask(value)]),
    body,
    bodyBytes: bytes.length,
    verdict: record.verdict,
    answer,
  };
}
