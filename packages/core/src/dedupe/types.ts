/**
 * The dedupe store contract: claim an event id, then mark it done or release it.
 * @module
 */
import type { MaybePromise } from "../maybe.js";

/** Where an event id stands: never seen (now claimed), being handled elsewhere, or handled. */
export type DedupeState = "new" | "in_flight" | "done";

/**
 * Remembers which events were handled, so each is handled exactly once across retries, races and instances.
 *
 * - `begin` claims `key` for `lockMs` and answers `"new"`; if it is already claimed it answers `"in_flight"`;
 *   if it was completed it answers `"done"`. A claim whose holder died lapses after `lockMs`.
 * - `complete` marks the claimed key done for `retainMs`. `pinMs`, when given, is how long from now a replay
 *   of the event would still pass verification (its signed timestamp + tolerance, or its signed creation
 *   time + `maxAge`): a store that drops records early under capacity pressure must keep this one at least
 *   that long, and refuse new claims instead. A store whose records always live for `retainMs` (Redis with
 *   `noeviction`) can ignore it; the router never passes a `pinMs` longer than `retainMs`. Without one, the
 *   retention is the event's only replay bound.
 * - `abort` releases a claim so the sender's retry is handled.
 * - `peek` (optional) tells where `key` stands without claiming it: what a router that hands events to a
 *   queue (`handoff`) asks before it enqueues, so a duplicate of a handled event is not enqueued again.
 *
 * Any method may throw (or reject) when the store cannot be reached or has no room; the router answers 503.
 * A `WebhookVerificationError` with code `store_unavailable` is answered as thrown, its `retryAfter` kept.
 * Keys come from the router: at most a few hundred characters, unambiguous across provider, endpoint and id.
 */
export interface DedupeStore {
  begin(key: string, lockMs: number): MaybePromise<DedupeState>;
  complete(key: string, retainMs: number, pinMs?: number): MaybePromise<void>;
  abort(key: string): MaybePromise<void>;
  /** Where `key` stands, without claiming it: `undefined` when it was never seen (or was released). */
  peek?(key: string): MaybePromise<"in_flight" | "done" | undefined>;
  /** Milliseconds left on an in-flight claim, for `Retry-After`. Optional. */
  lockTtl?(key: string): MaybePromise<number | undefined>;
}
