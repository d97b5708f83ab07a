/**
 * The dedupe store contract: claim an event id, then mark it done or release it.
 * @module
 */
import type { MaybePromise } from "../crypto/types.js";

/** Where an event id stands: never seen (now claimed), being handled elsewhere, or handled. */
export type DedupeState = "new" | "in_flight" | "done";

/**
 * Remembers which events were handled, so each is handled exactly once across retries, races and instances.
 *
 * - `begin` claims `key` for `lockMs` and answers `"new"`; if it is already claimed it answers `"in_flight"`;
 *   if it was completed it answers `"done"`. A claim whose holder died lapses after `lockMs`.
 * - `complete` marks the claimed key done for `retainMs`.
 * - `abort` releases a claim so the sender's retry is handled.
 *
 * Any method may throw (or reject) when the store cannot be reached; the router answers 503.
 */
export interface DedupeStore {
  begin(key: string, lockMs: number): MaybePromise<DedupeState>;
  complete(key: string, retainMs: number): MaybePromise<void>;
  abort(key: string): MaybePromise<void>;
  /** Milliseconds left on an in-flight claim, for `Retry-After`. Optional. */
  lockTtl?(key: string): MaybePromise<number | undefined>;
}
