/**
 * The dedupe claim of a delivery: claim its event's key before the handlers run, then record it handled
 * (`complete`) or give it back (`release`). Each answers synchronously when the store does (`memoryStore`), and
 * none throws: a store that fails is an answer.
 * @module
 */
import { isWebhookVerificationError, WebhookVerificationError } from "../errors.js";
import { isThenable, type MaybePromise } from "../maybe.js";
import type { DedupeState, DedupeStore } from "./types.js";

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

/**
 * Claims `key` for `lockMs`; a duplicate in flight or an unreachable store comes back as the error to answer.
 *
 * @example
 * const state = await claim(store, "stack-auth:default:msg_2Z", 60_000); // "new" | "done" | error
 */
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

/** What a look at a key comes to: where it stands (`undefined`: never seen), or the error to answer. */
export type Seen = "in_flight" | "done" | undefined | WebhookVerificationError;

/**
 * Where `key` stands, without claiming it (the store's `peek`); an unreachable store comes back as the error
 * to answer.
 *
 * @example
 * const seen = await peek(store, "stack-auth:default:msg_2Z"); // "done" → acknowledge without enqueueing
 */
export function peek(store: DedupeStore, key: string): MaybePromise<Seen> {
  let state: MaybePromise<Seen>;
  try {
    state = store.peek?.(key);
  } catch (cause) {
    return unreachable(cause);
  }
  return isThenable(state) ? Promise.resolve(state).then(undefined, unreachable) : state;
}

/** Runs a store call; `true` when it worked, else what it threw or rejected with. */
function settle(call: () => MaybePromise<void>): MaybePromise<unknown> {
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

/**
 * Records `key` handled: kept at least `retainMs`, and, when the event's replay bound `end` (ms since the epoch)
 * is known, pinned until then so a bounded store cannot forget it while a replay would still pass. `true` when
 * the store recorded it, else what it failed with.
 *
 * @example
 * const stored = await complete(store, key, 72 * HOUR, replayEnd(provider, event, 300, undefined), Date.now());
 */
export function complete(
  store: DedupeStore,
  key: string,
  retainMs: number,
  end: number | undefined,
  now: number,
): MaybePromise<unknown> {
  const pinMs = end === undefined ? undefined : Math.max(0, end - now);
  const retain = pinMs === undefined ? retainMs : Math.max(retainMs, pinMs);
  return settle(() => store.complete(key, retain, pinMs));
}

/**
 * Gives `key` back, so the sender's retry is handled at once; `true` when the store released it.
 *
 * @example
 * await release(store, key);
 */
export function release(store: DedupeStore, key: string): MaybePromise<unknown> {
  return settle(() => store.abort(key));
}
