/**
 * The dedupe steps of the router: claim an event id, and run store calls that must not throw.
 * Both answer synchronously when the store does (`memoryStore`).
 * @module
 */

import type { EvictionReport } from "../dedupe/memory-store.js";
import type { DedupeState, DedupeStore } from "../dedupe/types.js";
import { isWebhookVerificationError, WebhookVerificationError } from "../errors.js";
import type { MaybePromise } from "../maybe.js";
import { isThenable } from "../maybe.js";

function unreachable(cause: unknown): WebhookVerificationError {
  // A store that says why it refuses (full of events it must not forget) also says when to retry.
  if (isWebhookVerificationError(cause) && cause.code === "store_unavailable") return cause;
  return new WebhookVerificationError(
    "store_unavailable",
    "The dedupe store cannot be reached, so the event was not handled; the sender's retry will be.",
    { cause, retryAfter: 30 },
  );
}

async function inFlight(store: DedupeStore, key: string, lockMs: number): Promise<WebhookVerificationError> {
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

/** What a claim comes to: a fresh claim, an event already handled, or the error to answer. */
export type Claimed = "new" | "done" | WebhookVerificationError;

/** Claims `key`; a duplicate in flight or an unreachable store comes back as the error to answer. */
export function claim(store: DedupeStore, key: string, lockMs: number): MaybePromise<Claimed> {
  const next = (state: DedupeState): MaybePromise<Claimed> =>
    state === "in_flight" ? inFlight(store, key, lockMs) : state;
  let state: MaybePromise<DedupeState>;
  try {
    state = store.begin(key, lockMs);
  } catch (cause) {
    return unreachable(cause);
  }
  return isThenable(state) ? Promise.resolve(state).then(next, unreachable) : next(state);
}

/** Runs a store call; `true` when it worked, else what it threw or rejected with. */
export function settle(call: () => MaybePromise<void>): MaybePromise<unknown> {
  try {
    const result = call();
    return isThenable(result)
      ? Promise.resolve(result).then(
          () => true,
          (error: unknown) => error,
        )
      : true;
  } catch (error) {
    return error;
  }
}

/** What `onError` hears when the router's default `memoryStore` forgets handled ids early to make room. */
export function evictionError(report: EvictionReport): WebhookVerificationError {
  return new WebhookVerificationError(
    "store_unavailable",
    `The dedupe store is full (maxEntries ${report.maxEntries}): it forgot ${report.evicted} handled event ids before their retention ended (${report.total} in all), so a sender's late retry of one would run its handler again. Pass \`dedupe: memoryStore({ maxEntries })\` sized to the events of one retention window, or use @hookproof/redis.`,
    { cause: report },
  );
}
