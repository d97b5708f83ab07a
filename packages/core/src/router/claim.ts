/**
 * The dedupe steps of the router: claim an event id, and run store calls that must not throw.
 * @module
 */
import type { MaybePromise } from "../crypto/types.js";
import type { DedupeStore } from "../dedupe/types.js";
import { WebhookVerificationError } from "../errors.js";

/** Claims `key`; a duplicate in flight or an unreachable store comes back as the error to answer. */
export async function claim(
  store: DedupeStore,
  key: string,
  lockMs: number,
): Promise<"new" | "done" | WebhookVerificationError> {
  let state: Awaited<ReturnType<DedupeStore["begin"]>>;
  try {
    state = await store.begin(key, lockMs);
  } catch (cause) {
    return new WebhookVerificationError(
      "store_unavailable",
      "The dedupe store cannot be reached, so the event was not handled; the sender's retry will be.",
      { cause, retryAfter: 30 },
    );
  }
  if (state !== "in_flight") return state;
  let remaining: number | undefined;
  try {
    remaining = await store.lockTtl?.(key);
  } catch {
    remaining = undefined;
  }
  return new WebhookVerificationError(
    "duplicate_in_flight",
    "This event is being handled right now by another delivery; retry after the `Retry-After` seconds.",
    { retryAfter: Math.max(1, Math.ceil((remaining ?? lockMs) / 1000)) },
  );
}

/** Runs a store call; `true` when it worked, else what it threw. */
export async function settle(call: () => MaybePromise<void>): Promise<true | unknown> {
  try {
    await call();
    return true;
  } catch (error) {
    return error;
  }
}
