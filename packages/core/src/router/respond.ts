/**
 * The answers the router gives, as framework-neutral `{ status, headers, body }`.
 * @module
 */
import { isWebhookVerificationError, WebhookVerificationError } from "../errors.js";
import type { ProcessResult } from "./types.js";

const JSON_HEADERS = { "content-type": "application/json" } as const;

// The answers that acknowledge an event never vary, so they are written once.
const OK_BODIES = {
  handled: '{"ok":true}',
  duplicate: '{"ok":true,"duplicate":true}',
  unhandled: '{"ok":true,"unhandled":true}',
  parked: '{"ok":true,"parked":true}',
  queued: '{"ok":true,"queued":true}',
} as const;

/** A 200: the event was handled now, had been handled before, has no handler, was parked, or was queued. */
export function ok(outcome: keyof typeof OK_BODIES): ProcessResult {
  return { status: 200, headers: { "content-type": "application/json" }, body: OK_BODIES[outcome] };
}

/** The error as `{"error":{"code","message"}}` with its status (and `Retry-After` when it has one). */
export function failure(error: WebhookVerificationError): ProcessResult {
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (error.retryAfter !== undefined) headers["retry-after"] = String(error.retryAfter);
  return { status: error.status, headers, body: JSON.stringify(error.toJSON()) };
}

/** Anything thrown where only a `WebhookVerificationError` is expected becomes a 500 that says little. */
export function asVerificationError(error: unknown): WebhookVerificationError {
  if (isWebhookVerificationError(error)) return error;
  return new WebhookVerificationError("handler_failed", "The webhook could not be processed.", {
    cause: error,
  });
}
