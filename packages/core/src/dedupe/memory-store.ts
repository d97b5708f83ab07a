/**
 * An in-process dedupe store with a hard bound on its size: for one instance, tests and development.
 * @module
 */
import { integerOption } from "../integer-option.js";
import type { DedupeState, DedupeStore } from "./types.js";

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** Most ids kept at once, 1 to 10,000,000; the oldest are evicted past it. Default 100,000. */
  maxEntries?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** A {@link DedupeStore} that also tells its size. */
export interface MemoryStore extends DedupeStore {
  /** Ids held now, expired ones not yet swept included. */
  readonly size: number;
}

interface Entry {
  state: "in_flight" | "done";
  expires: number;
}

/**
 * A bounded, in-memory dedupe store. Entries expire (lock or retention) and the oldest are evicted
 * beyond `maxEntries`, so a flood of distinct ids cannot exhaust memory. Use `@hookproof/redis` when
 * more than one instance receives webhooks.
 *
 * @example
 * const hooks = createWebhooks({ provider, dedupe: memoryStore({ maxEntries: 50_000 }) });
 */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const maxEntries = integerOption("maxEntries", options.maxEntries ?? 100_000, 10_000_000);
  const now = options.now ?? Date.now;
  const evictBatch = Math.min(1024, Math.floor(maxEntries / 64));
  // A Map iterates in insertion order, which is claim order here: the first entries are the oldest.
  const entries = new Map<string, Entry>();

  function live(key: string, at: number): Entry | undefined {
    const entry = entries.get(key);
    if (entry !== undefined && entry.expires <= at) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  // Called only for an absent key (`live` has just removed a lapsed one), so it lands last.
  function add(key: string, entry: Entry): void {
    entries.set(key, entry);
    if (entries.size <= maxEntries) return;
    // Over the bound: evict the oldest, a batch at a time. Starting a Map iterator walks past every
    // slot deleted since the last rehash, so evicting one per write would cost O(n) each time.
    for (const oldKey of entries.keys()) {
      entries.delete(oldKey);
      if (entries.size <= maxEntries - evictBatch) break;
    }
  }

  return {
    get size() {
      return entries.size;
    },
    begin(key, lockMs): DedupeState {
      const at = now();
      const entry = live(key, at);
      if (entry !== undefined) return entry.state;
      add(key, { state: "in_flight", expires: at + lockMs });
      return "new";
    },
    complete(key, retainMs) {
      const at = now();
      const entry = live(key, at);
      if (entry === undefined) {
        add(key, { state: "done", expires: at + retainMs });
      } else {
        // Done in place: the entry keeps its claim's place in the eviction order.
        entry.state = "done";
        entry.expires = at + retainMs;
      }
    },
    abort(key) {
      if (entries.get(key)?.state === "in_flight") entries.delete(key);
    },
    lockTtl(key) {
      const at = now();
      const entry = live(key, at);
      return entry?.state === "in_flight" ? entry.expires - at : undefined;
    },
  };
}
