/**
 * Values that may still be pending, and steps that wait only when one is: with a synchronous crypto
 * backend, schema, store and handler, a delivery runs start to finish without one microtask turn.
 * @module
 */

/**
 * A value, or a promise of it: the Node crypto backend answers synchronously, WebCrypto asynchronously, and
 * stores, schemas and handlers may do either.
 *
 * @example
 * function begin(key: string): MaybePromise<DedupeState> { … }
 */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Whether `value` is a promise or any other thenable, as `await` would treat it.
 *
 * @example
 * if (isThenable(result)) return result.then(done, failed);
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}

/**
 * (Not named `then`: a module exporting `then` is itself a thenable to `await import()`.)
 *
 * Calls `next` with `value`: at once when it is a value, once it settles when it is a thenable. A
 * synchronous throw in `next` is thrown; a rejection rejects the returned promise. For values from user code
 * (bodies, schemes, schemas, stores, handlers): another realm's promise or a bare thenable is waited for too.
 *
 * @example
 * return chain(store.begin(key, lockMs), (state) => (state === "new" ? run() : duplicate()));
 */
export function chain<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isThenable(value) ? Promise.resolve(value).then(next) : next(value);
}

/**
 * Like {@link chain} for a list: `next` gets every value, at once when none is pending.
 *
 * @example
 * return chainAll(keys.map((key) => backend.hmac(key, parts, "hex")), (macs) => macs.indexOf(received));
 */
export function chainAll<T, R>(
  values: MaybePromise<T>[],
  next: (values: T[]) => MaybePromise<R>,
): MaybePromise<R> {
  return values.some(isThenable) ? Promise.all(values).then(next) : next(values as T[]);
}
