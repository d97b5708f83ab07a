/**
 * The answers the router gives, as framework-neutral `{ status, headers, body }`.
 * @module
 */
import { isWebhookVerificationError, WebhookVerificationError } from "../errors.js";
import type { HandshakeAnswer, ProcessResult } from "./types.js";

const JSON_HEADERS = { "content-type": "application/json" } as const;

// The answers that acknowledge an event never vary, so they are written once.
const OK_BODIES = {
  handled: '{"ok":true}',
  duplicate: '{"ok":true,"duplicate":true}',
  unhandled: '{"ok":true,"unhandled":true}',
  parked: '{"ok":true,"parked":true}',
  queued: '{"ok":true,"queued":true}',
  observed: '{"ok":true,"observed":true}',
} as const;

/** Why a 200 was answered. */
export type Outcome = keyof typeof OK_BODIES;

/** A 200: the event was handled now, had been handled before, has no handler, was parked, queued or observed. */
export function ok(outcome: Outcome): ProcessResult {
  return { status: 200, headers: { "content-type": "application/json" }, body: OK_BODIES[outcome] };
}

/** The outcome a 200 of {@link ok} answered, or `undefined` for any other answer. */
export function outcomeOf(result: ProcessResult): Outcome | undefined {
  if (result.status !== 200) return undefined;
  for (const outcome of Object.keys(OK_BODIES) as Outcome[])
    if (OK_BODIES[outcome] === result.body) return outcome;
  return undefined;
}

// The error behind each failure answer, for a batch's per-event results.
const errors = new WeakMap<ProcessResult, WebhookVerificationError>();

/** The error as `{"error":{"code","message"}}` with its status (and `Retry-After` when it has one). */
export function failure(error: WebhookVerificationError): ProcessResult {
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (error.retryAfter !== undefined) headers["retry-after"] = String(error.retryAfter);
  const result = { status: error.status, headers, body: JSON.stringify(error.toJSON()) };
  errors.set(result, error);
  return result;
}

/** The error a {@link failure} answer was made from. */
export function errorOf(result: ProcessResult): WebhookVerificationError | undefined {
  return errors.get(result);
}

/** A handshake's answer as a response. */
export function handshakeResult(answer: HandshakeAnswer): ProcessResult {
  return { status: answer.status, headers: { "content-type": answer.contentType }, body: answer.body };
}

/** Anything thrown where only a `WebhookVerificationError` is expected becomes a 500 that says little. */
export function asVerificationError(error: unknown): WebhookVerificationError {
  if (isWebhookVerificationError(error)) return error;
  return new WebhookVerificationError("handler_failed", "The webhook could not be processed.", {
    cause: error,
  });
}
