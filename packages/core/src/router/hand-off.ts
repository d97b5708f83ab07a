/**
 * Handing off: instead of running handlers inside the request, a router with `handoff` gives each verified
 * event to a queue under its dedupe key and acknowledges once the queue holds it. A worker runs the handlers
 * later (`hooks.run(event)`), deduped by the same key.
 * @module
 */
import { peek } from "../dedupe/claim.js";
import type { DedupeStore } from "../dedupe/types.js";
import { configError, isWebhookVerificationError, WebhookVerificationError } from "../errors.js";
import { chain, isThenable, type MaybePromise } from "../maybe.js";
import type { EventMap, VerifiedEvent } from "./types.js";

/**
 * Stores a verified event durably for a worker, under `key` (the event's dedupe key: the same key twice must
 * store it once). The sender is acknowledged when it settles; when it throws or rejects, the sender is
 * answered 503 `store_unavailable` and retries. `@hookproof/bullmq`'s `createQueue(…).handoff` is one.
 *
 * @example
 * const handoff: Handoff<EventMap> = (event, key) => queue.add(event.type, toJob(event), { jobId: key });
 */
export type Handoff<Events extends EventMap = EventMap> = (
  event: VerifiedEvent<Events>,
  key: string,
) => MaybePromise<unknown>;

/** What handing one event off comes to: not needed (already handled), queued, or the error to answer. */
export type HandedOff = "duplicate" | "queued" | WebhookVerificationError;

function queueUnavailable(cause: unknown): WebhookVerificationError {
  if (isWebhookVerificationError(cause) && cause.status === 503) return cause;
  return new WebhookVerificationError(
    // The dedupe store's code: the queue is where this router stores events (and a new code would cost the
    // edge verify bundle bytes in the status table).
    "store_unavailable",
    "The event could not be queued for its handlers, so it was not accepted; the sender's retry will be.",
    { cause, retryAfter: 10 },
  );
}

/**
 * Checks a router's `handoff` when the router is created: a function, over a store that can `peek`.
 *
 * @example
 * checkHandoff(options.handoff, store.store);
 */
export function checkHandoff(handoff: unknown, store: DedupeStore | undefined): void {
  if (handoff === undefined) return;
  if (typeof handoff !== "function") {
    throw configError("`handoff` must be a function `(event, key) => …`, e.g. `createQueue(…).handoff`.");
  }
  if (store !== undefined && typeof store.peek !== "function") {
    throw configError(
      "`handoff` needs a dedupe store with `peek` (memoryStore and @hookproof/redis have one), to acknowledge a handled event without queueing it again.",
    );
  }
}

function enqueue<Events extends EventMap>(
  handoff: Handoff<Events>,
  event: VerifiedEvent<Events>,
  key: string,
): MaybePromise<HandedOff> {
  let pending: unknown;
  try {
    pending = handoff(event, key);
  } catch (cause) {
    return queueUnavailable(cause);
  }
  return isThenable(pending) ? Promise.resolve(pending).then(() => "queued", queueUnavailable) : "queued";
}

/**
 * Hands `event` off under `key`, unless the store says it was handled: then it is a duplicate, acknowledged
 * without queueing. An event in flight is queued anyway: the queue keeps one job per key, so this is a no-op
 * when its job exists, and it stays safe when the claim is held by something else.
 *
 * @example
 * const outcome = await handOff(options.handoff, store, event, key); // "queued" | "duplicate" | error
 */
export function handOff<Events extends EventMap>(
  handoff: Handoff<Events>,
  store: DedupeStore | undefined,
  event: VerifiedEvent<Events>,
  key: string,
): MaybePromise<HandedOff> {
  if (store === undefined) return enqueue(handoff, event, key);
  return chain(peek(store, key), (seen) => {
    if (seen instanceof WebhookVerificationError) return seen;
    return seen === "done" ? "duplicate" : enqueue(handoff, event, key);
  });
}
