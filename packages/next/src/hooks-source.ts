/**
 * A router given as itself, or as a function that creates it on the first request: `next build` loads every
 * route module without the runtime's secrets, so a route must not need them until a request arrives.
 * @module
 */

/** A router, or a function that creates one (or a promise of one) when the first request arrives. */
export type HooksSource<Hooks extends object> = Hooks | (() => Hooks | Promise<Hooks>);

/**
 * The router of `source`, resolved once (a pending one as a native `Promise`): a factory is called on the first call only and its router kept for
 * the process's life, so every request shares one router and one dedupe store. Concurrent first calls share
 * one pending factory call. A factory that throws or rejects is not kept: the next request calls it again,
 * and the error reaches Next, which logs it and answers 500 (the sender retries).
 *
 * @example
 * const hooks = resolveOnce(() => createWebhooks({ provider: stackAuth({ secret: process.env.STACK_WEBHOOK_SECRET! }) }));
 * const router = await hooks();
 */
export function resolveOnce<Hooks extends object>(source: HooksSource<Hooks>): () => Hooks | Promise<Hooks> {
  if (typeof source !== "function") return () => source;
  const create = source;
  let hooks: Hooks | undefined;
  let pending: Promise<Hooks> | undefined;
  return () => {
    if (hooks !== undefined) return hooks;
    if (pending !== undefined) return pending;
    let created: Hooks | Promise<Hooks>;
    try {
      created = create();
    } catch (error) {
      return Promise.reject(error);
    }
    if (typeof (created as Partial<PromiseLike<Hooks>>).then !== "function") {
      hooks = created as Hooks;
      return hooks;
    }
    // A native promise whatever thenable the factory returned, so callers can tell it by `instanceof`.
    pending = Promise.resolve(created).then(
      (router) => {
        hooks = router;
        return router;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}
