/**
 * An in-process dedupe store with a hard bound on its size: for one instance, tests and development.
 * @module
 */
import { WebhookVerificationError } from "../errors.js";
import { integerOption } from "../integer-option.js";
import { MinHeap } from "./min-heap.js";
import { Queue } from "./queue.js";
import type { DedupeState, DedupeStore } from "./types.js";

/** The default bound: 72 h of one event a second, in about 60 MB (an entry costs about 200 B). */
export const DEFAULT_MAX_ENTRIES = 262_144;

/** What a {@link memoryStore} reports when it forgets handled events early to make room. */
export interface EvictionReport {
  /**
   * Handled event ids just forgotten before their retention ended. Each was past its replay bound (a
   * replay of it fails the replay window or `maxAge`), or, where nothing signs a time, had only the
   * retention as its bound: a replay of one of those would now be handled again.
   */
  evicted: number;
  /** Every id this store has evicted so far. */
  total: number;
  /** The store's bound. */
  maxEntries: number;
}

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** Most ids kept at once: 1 to 10,000,000. Size it to the events of one retention window. Default 262,144. */
  maxEntries?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
  /**
   * Hears every eviction of a handled id still inside its retention. Default: a `console.warn`, at most
   * once a minute. The router's own default store reports through its `onError` instead.
   */
  onEvict?: (report: EvictionReport) => void;
}

/** A {@link DedupeStore} that also tells its size. */
export interface MemoryStore extends DedupeStore {
  /** Ids held now, expired ones not yet swept included. */
  readonly size: number;
  peek(key: string): "in_flight" | "done" | undefined;
}

interface Entry {
  readonly key: string;
  done: boolean;
  /** When the lock (in flight) or the retention (done) ends, ms. */
  expires: number;
  /** Once done: never evicted before this, ms, the end of its replay bound. */
  held: number;
}

const MINUTE = 60_000;

function warnEvictions(now: () => number): (report: EvictionReport) => void {
  let last = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  return (report) => {
    unreported += report.evicted;
    const at = now();
    if (at - last < MINUTE) return;
    last = at;
    console.warn(
      `[@hookproof/core] memoryStore is full (maxEntries ${report.maxEntries}): it forgot ${unreported} handled event ids before their retention ended (${report.total} in all), so a sender's late retry of one would run its handler again. Raise maxEntries to the events of one retention window, or use @hookproof/redis.`,
    );
    unreported = 0;
  };
}

/**
 * A bounded, in-memory dedupe store. It never evicts an event in flight or one still inside its replay
 * bound (the `pinMs` the router passes to `complete`): when it holds nothing else, `begin` refuses with 503
 * `store_unavailable` and a `Retry-After` rather than forget one. Handled ids past that bound are evicted
 * oldest first when room is needed, and each eviction is reported (`onEvict`). Expired ids go quietly. Use
 * `@hookproof/redis` when more than one instance receives webhooks.
 *
 * @example
 * const hooks = createWebhooks({ provider, dedupe: memoryStore({ maxEntries: 500_000, onEvict: (r) => log.warn(r) }) });
 */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const maxEntries = integerOption("maxEntries", options.maxEntries ?? DEFAULT_MAX_ENTRIES, 10_000_000);
  const now = options.now ?? Date.now;
  const onEvict = options.onEvict ?? warnEvictions(now);
  // Room is made a batch at a time, so an eviction report covers many writes.
  const batch = Math.max(1, Math.min(1024, Math.floor(maxEntries / 64)));
  const entries = new Map<string, Entry>();
  // Claims in claim order: never evicted; one whose lock lapsed is dropped (its holder died: no eviction).
  const claims = new Queue<Entry>();
  // Handled entries inside their replay bound, by when it ends.
  const pins = new MinHeap<Entry>((entry) => entry.held);
  // Handled entries that may be evicted, oldest bound first.
  const evictable = new Queue<Entry>();
  let total = 0;
  // The queues keep entries completed, aborted or expired since; each is swept once stale ones dominate.
  const current = (entry: Entry): boolean => entries.get(entry.key) === entry;
  const claimed = (entry: Entry): boolean => !entry.done && current(entry);

  function live(key: string, at: number): Entry | undefined {
    const entry = entries.get(key);
    if (entry === undefined || entry.expires > at) return entry;
    entries.delete(key);
    return undefined;
  }

  function track<Item>(
    queue: { size: number; filter(keep: (item: Item) => boolean): void },
    keep: (item: Item) => boolean,
  ): void {
    if (queue.size > 2 * entries.size + 1024) queue.filter(keep);
  }

  function settle(entry: Entry, at: number): void {
    if (entry.held > at) {
      pins.push(entry);
      track(pins, current);
    } else {
      evictable.push(entry);
      track(evictable, current);
    }
  }

  /** The first claim still held, after dropping those completed, aborted or lapsed before it. */
  function firstClaim(at: number): Entry | undefined {
    for (let claim = claims.peek(); claim !== undefined; claim = claims.peek()) {
      if (claimed(claim)) {
        if (claim.expires > at) return claim;
        entries.delete(claim.key);
      }
      claims.shift();
    }
    return undefined;
  }

  /** The first pin still held; handled entries past their replay bound move to the evictable queue. */
  function firstPin(at: number): Entry | undefined {
    for (let top = pins.peek(); top !== undefined; top = pins.peek()) {
      if (current(top)) {
        if (top.held > at) return top;
        evictable.push(top);
      }
      pins.pop();
    }
    return undefined;
  }

  function full(at: number): WebhookVerificationError {
    // Room comes when the first lock or pin ends, or sooner, when a claim completes unpinned or aborts.
    const next = Math.min(
      firstClaim(at)?.expires ?? Number.POSITIVE_INFINITY,
      firstPin(at)?.held ?? Number.POSITIVE_INFINITY,
    );
    const wait = Number.isFinite(next) ? next - at : 1000;
    return new WebhookVerificationError(
      "store_unavailable",
      `The dedupe store is full (maxEntries ${maxEntries}) of events in flight or still inside their replay window, and it refuses new ones rather than forget one; retry after the \`Retry-After\` seconds. Raise maxEntries, or use a shared store such as @hookproof/redis.`,
      { retryAfter: Math.max(1, Math.ceil(wait / 1000)) },
    );
  }

  function makeRoom(at: number): void {
    firstClaim(at);
    firstPin(at);
    let evicted = 0;
    while (entries.size > maxEntries - batch) {
      const entry = evictable.shift();
      if (entry === undefined) break;
      if (!current(entry)) continue;
      entries.delete(entry.key);
      if (entry.expires > at) evicted++;
    }
    if (evicted > 0) {
      total += evicted;
      onEvict({ evicted, total, maxEntries });
    }
    if (entries.size >= maxEntries) throw full(at);
  }

  function add(entry: Entry, at: number): void {
    if (entries.size >= maxEntries) makeRoom(at);
    entries.set(entry.key, entry);
  }

  return {
    get size() {
      return entries.size;
    },
    begin(key, lockMs): DedupeState {
      const at = now();
      const entry = live(key, at);
      if (entry !== undefined) return entry.done ? "done" : "in_flight";
      // `held` starts as a number like the ones it will hold, so the entry keeps one shape.
      const claim: Entry = { key, done: false, expires: at + lockMs, held: at };
      add(claim, at);
      claims.push(claim);
      track(claims, claimed);
      return "new";
    },
    complete(key, retainMs, pinMs) {
      const at = now();
      const expires = at + retainMs;
      const held = Math.min(expires, at + (pinMs ?? 0));
      const claim = live(key, at);
      if (claim !== undefined && !claim.done) {
        // The claim becomes the record, in place (the claims queue drops it later).
        claim.done = true;
        claim.expires = expires;
        claim.held = held;
        settle(claim, at);
        return;
      }
      // The claim lapsed (and was dropped), or the key was already done: a new record.
      const record: Entry = { key, done: true, expires, held };
      if (claim === undefined) add(record, at);
      else entries.set(key, record);
      settle(record, at);
    },
    abort(key) {
      if (entries.get(key)?.done === false) entries.delete(key);
    },
    peek(key) {
      const entry = live(key, now());
      return entry === undefined ? undefined : entry.done ? "done" : "in_flight";
    },
    lockTtl(key) {
      const at = now();
      const entry = live(key, at);
      return entry?.done === false ? entry.expires - at : undefined;
    },
  };
}
