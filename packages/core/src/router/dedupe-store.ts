/**
 * The router's dedupe store: the one given, none (`dedupe: false`), or a `memoryStore()` of its own, whose early
 * evictions are reported to `onError` with the delivery that needed the room.
 * @module
 */
import { type EvictionReport, memoryStore } from "../dedupe/memory-store.js";
import type { DedupeStore } from "../dedupe/types.js";
import { WebhookVerificationError } from "../errors.js";
import type { RouterOptions } from "./options.js";
import type { EventMap } from "./types.js";

/** A router's store, and what its own `memoryStore` evicted early during the store call just made. */
export interface RouterStore {
  readonly store: DedupeStore | undefined;
  /** The eviction the last store call made, as `onError` hears it, once; `undefined` when there was none. */
  takeEviction(): WebhookVerificationError | undefined;
}

/**
 * What `onError` hears when the router's default `memoryStore` forgets handled ids early to make room.
 *
 * @example
 * onError(evictionError({ evicted: 1, total: 1, maxEntries: 100_000 }), event);
 */
export function evictionError(report: EvictionReport): WebhookVerificationError {
  return new WebhookVerificationError(
    "store_unavailable",
    `The dedupe store is full (maxEntries ${report.maxEntries}): it forgot ${report.evicted} handled event ids before their retention ended (${report.total} in all), so a sender's late retry of one would run its handler again. Pass \`dedupe: memoryStore({ maxEntries })\` sized to the events of one retention window, or use @hookproof/redis.`,
    { cause: report },
  );
}

/**
 * The store of a router with `options`: its own `memoryStore` reports evictions only when there is an
 * `onError` to hear them.
 *
 * @example
 * const { store, takeEviction } = routerStore(options, Date.now);
 */
export function routerStore(
  options: Pick<RouterOptions<EventMap>, "dedupe"> & { onError?: unknown },
  now: () => number,
): RouterStore {
  let evicted: EvictionReport | undefined;
  const onEvict =
    options.onError === undefined
      ? undefined
      : (report: EvictionReport): void => {
          evicted = report;
        };
  return {
    store: options.dedupe === false ? undefined : (options.dedupe ?? memoryStore({ now, onEvict })),
    takeEviction() {
      if (evicted === undefined) return undefined;
      const report = evicted;
      evicted = undefined;
      return evictionError(report);
    },
  };
}
