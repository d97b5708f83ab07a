/**
 * `node --expose-gc memory-store.mjs`: what one `memoryStore()` entry costs in heap bytes, for the sizing rule
 * in packages/core/README.md. Fills stores with handled ids of typical length (60–80 characters: provider,
 * endpoint and a Svix-style id), the way the router keys them, and divides the heap growth by the count.
 * @module
 */
import { DEFAULT_MAX_ENTRIES, memoryStore } from "@hookproof/core";

if (typeof globalThis.gc !== "function") {
  console.error("Run with --expose-gc: node --expose-gc memory-store.mjs");
  process.exit(1);
}

// The default bound: what a store left at its defaults holds when full.
const COUNT = DEFAULT_MAX_ENTRIES;
const RETAIN_MS = 72 * 3_600_000;

function settle() {
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** A key like the router's: `stack-auth:default:msg_…`, 60 to 80 characters, each one distinct. */
function key(i) {
  const id = `msg_${i.toString(36).padStart(8, "0")}${"2ZkQp7v9XyB3nT6wLr4sHj8dFa1cVe5uGi0oMbNqRx7Yk9Wt".slice(0, 29 + (i % 21))}`;
  return `stack-auth:default:${id}`;
}

/** The store being measured: the only thing alive between the two heap readings besides the module. */
let kept;

/** Bytes per entry for handled ids that are `pinned` (inside their replay window) or not. */
function measure(pinned) {
  kept = undefined; // the previous round's store is garbage before the first reading
  const before = settle();
  kept = memoryStore({ maxEntries: COUNT, now: () => 0 });
  // Keys are built here, as the router builds them per event: the store is what keeps them alive.
  for (let i = 0; i < COUNT; i++) {
    const k = key(i);
    kept.begin(k, 60_000);
    kept.complete(k, RETAIN_MS, pinned ? 300_000 : undefined);
  }
  const after = settle();
  if (kept.size !== COUNT) throw new Error(`expected ${COUNT} entries, the store holds ${kept.size}`);
  return (after - before) / COUNT;
}

const rounds = 5;
const results = { unpinned: [], pinned: [] };
for (let round = 0; round < rounds; round++) {
  results.unpinned.push(measure(false));
  results.pinned.push(measure(true));
}
let shortest = Number.POSITIVE_INFINITY;
let longest = 0;
for (let i = 0; i < COUNT; i++) {
  shortest = Math.min(shortest, key(i).length);
  longest = Math.max(longest, key(i).length);
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `node ${process.version}, ${COUNT.toLocaleString("en")} entries, keys of ${shortest}–${longest} characters`,
);
console.log(
  `handled, past its replay bound: ${median(results.unpinned).toFixed(0)} B per entry (key string included)`,
);
console.log(
  `handled, inside its replay bound: ${median(results.pinned).toFixed(0)} B per entry (key string included)`,
);
console.log(`a full default store: ${((median(results.pinned) * COUNT) / 1e6).toFixed(0)} MB`);
