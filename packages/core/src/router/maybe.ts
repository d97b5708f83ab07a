/**
 * Steps that wait only when something is pending: with a synchronous crypto backend, schema, store and
 * handler, a delivery runs start to finish without one microtask turn.
 *
 * The schemes' `whenReady` (schemes/helpers.ts) does the same for the crypto backend with a plain
 * `instanceof Promise`: its promises are always its own, and that path counts bytes against the 4 KB edge
 * budget (using `chain` there costs 25 B). Here the values come from user code — dedupe stores, handlers,
 * perhaps another realm's promises or a bare thenable — so any thenable is waited for.
 * @module
 */
import type { MaybePromise } from "../crypto/types.js";

/** Whether `value` is a promise or any other thenable, as `await` would treat it. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}

/**
 * (Not named `then`: a module exporting `then` is itself a thenable to `await import()`.)
 *
 * Calls `next` with `value`: at once when it is a value, once it settles when it is a thenable. A
 * synchronous throw in `next` is thrown; a rejection rejects the returned promise.
 */
export function chain<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isThenable(value) ? Promise.resolve(value).then(next) : next(value);
}
