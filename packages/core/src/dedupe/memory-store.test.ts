import { afterEach, describe, expect, it, vi } from "vitest";
import { WebhookVerificationError } from "../errors.js";
import { type EvictionReport, memoryStore } from "./memory-store.js";

function clock(start = 0) {
  let at = start;
  return {
    now: () => at,
    advance(ms: number) {
      at += ms;
    },
  };
}

const HOUR = 3_600_000;

/** What `begin` threw, or its answer. */
function attempt(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error;
  }
}

describe("memoryStore", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("claims a new id, reports it in flight, then done once completed", () => {
    const store = memoryStore();
    expect(store.begin("a", 1000)).toBe("new");
    expect(store.begin("a", 1000)).toBe("in_flight");
    store.complete("a", 5000);
    expect(store.begin("a", 1000)).toBe("done");
  });

  it("peeks at where an id stands without claiming it", () => {
    const store = memoryStore();
    expect(store.peek("a")).toBeUndefined();
    expect(store.begin("a", 1000)).toBe("new"); // peeking claimed nothing
    expect(store.peek("a")).toBe("in_flight");
    store.complete("a", 5000);
    expect(store.peek("a")).toBe("done");
    store.begin("b", 1000);
    store.abort("b");
    expect(store.peek("b")).toBeUndefined();
  });

  it("releases a claim on abort so the retry is new", () => {
    const store = memoryStore();
    store.begin("a", 1000);
    store.abort("a");
    expect(store.begin("a", 1000)).toBe("new");
  });

  it("never lets abort undo a completed event", () => {
    const store = memoryStore();
    store.begin("a", 1000);
    store.complete("a", 5000);
    store.abort("a");
    expect(store.begin("a", 1000)).toBe("done");
  });

  it("lets a claim whose holder died lapse after its lock, and forgets done ids after retention", () => {
    const time = clock();
    const store = memoryStore({ now: time.now });
    store.begin("a", 1000);
    time.advance(999);
    expect(store.begin("a", 1000)).toBe("in_flight");
    expect(store.lockTtl?.("a")).toBe(1);
    time.advance(1);
    expect(store.begin("a", 1000)).toBe("new");
    store.complete("a", 5000);
    time.advance(5000);
    expect(store.begin("a", 1000)).toBe("new");
  });

  it("holds its bound under 300,000 distinct ids, evicting handled ids oldest first and reporting each", () => {
    const reports: EvictionReport[] = [];
    const store = memoryStore({ maxEntries: 10_000, onEvict: (report) => reports.push(report) });
    let largest = 0;
    for (let i = 0; i < 300_000; i++) {
      store.begin(`flood-${i}`, 60_000);
      store.complete(`flood-${i}`, HOUR); // no pin: nothing signed a time
      if (store.size > largest) largest = store.size;
    }
    expect(largest).toBe(10_000);
    expect(store.size).toBeGreaterThan(9_000);
    // Every id forgotten inside its retention was reported, a batch at a time, with running totals.
    const evicted = reports.reduce((sum, report) => sum + report.evicted, 0);
    expect(evicted).toBe(300_000 - store.size);
    expect(reports.length).toBeLessThan(evicted / 100);
    expect(reports.at(-1)).toMatchObject({ total: evicted, maxEntries: 10_000 });
    // The newest ids are the ones kept.
    expect(store.begin("flood-299999", 60_000)).toBe("done");
    expect(store.begin("flood-0", 60_000)).toBe("new");
  });

  it("never evicts an event in flight: a store full of claims refuses new ones until a lock lapses", () => {
    const time = clock();
    const store = memoryStore({ maxEntries: 1000, now: time.now, onEvict: () => {} });
    for (let i = 0; i < 1000; i++) store.begin(`running-${i}`, 60_000);
    time.advance(20_000);
    const refused = attempt(() => store.begin("newcomer", 60_000));
    expect(refused).toBeInstanceOf(WebhookVerificationError);
    expect(refused).toMatchObject({ code: "store_unavailable", status: 503, retryAfter: 40 });
    // Every claim is still held: a retry of any of them is a duplicate in flight, not a second run.
    expect(store.begin("running-0", 60_000)).toBe("in_flight");
    expect(store.begin("running-999", 60_000)).toBe("in_flight");
    time.advance(40_000); // the locks lapse: their holders died, which is no eviction
    expect(store.begin("newcomer", 60_000)).toBe("new");
  });

  it("never evicts a handled id inside its replay bound: full of them it refuses, then accepts once pins lapse", () => {
    const time = clock(1_000_000);
    const reports: EvictionReport[] = [];
    const store = memoryStore({ maxEntries: 100, now: time.now, onEvict: (report) => reports.push(report) });
    for (let i = 0; i < 100; i++) {
      store.begin(`pinned-${i}`, 60_000);
      store.complete(`pinned-${i}`, 72 * HOUR, 301_000 + i * 1000); // signed timestamp + tolerance
      time.advance(10);
    }
    const refused = attempt(() => store.begin("newcomer", 60_000));
    // Room comes when the first pin lapses: 301 s after it was set, 1 s already gone.
    expect(refused).toMatchObject({ code: "store_unavailable", retryAfter: 300 });
    expect(reports).toEqual([]);
    expect(store.begin("pinned-0", 60_000)).toBe("done");

    time.advance(300_000); // pinned-0 leaves its replay window; a replay of it now fails verification
    expect(store.begin("newcomer", 60_000)).toBe("new");
    expect(reports).toEqual([{ evicted: 1, total: 1, maxEntries: 100 }]);
    expect(store.begin("pinned-1", 60_000)).toBe("done");
    // Full again, of pinned ids and a claim: the next newcomer waits for pinned-1's bound, 1.01 s away.
    expect(attempt(() => store.begin("pinned-0", 60_000))).toMatchObject({ retryAfter: 2 });
    store.abort("newcomer");
    expect(store.begin("pinned-0", 60_000)).toBe("new"); // it was evicted, and reported
  });

  it("evicts past-bound ids before they expire only under pressure, oldest bound first, expired ones quietly", () => {
    const time = clock();
    const reports: EvictionReport[] = [];
    const store = memoryStore({ maxEntries: 64, now: time.now, onEvict: (report) => reports.push(report) });
    store.begin("short", 1000);
    store.complete("short", 1000); // expires soon: never an eviction
    for (let i = 0; i < 63; i++) {
      store.begin(`kept-${i}`, 1000);
      store.complete(`kept-${i}`, HOUR, 5000 - i); // the later ones' bounds end first
    }
    time.advance(5000);
    store.begin("one-more", 1000);
    expect(reports).toEqual([]); // the expired id made room, quietly
    store.begin("two-more", 1000);
    expect(reports).toEqual([{ evicted: 1, total: 1, maxEntries: 64 }]);
    // The id whose bound ended first went first.
    expect(store.begin("kept-0", 1000)).toBe("done");
    expect(store.begin("kept-61", 1000)).toBe("done");
    expect(store.begin("kept-62", 1000)).toBe("new");
  });

  it("warns on the console, at most once a minute, when no onEvict is given", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const time = clock();
    const store = memoryStore({ maxEntries: 10, now: time.now });
    for (let i = 0; i < 30; i++) {
      store.begin(`id-${i}`, 1000);
      store.complete(`id-${i}`, HOUR);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /memoryStore is full \(maxEntries 10\): it forgot 1 handled event ids/,
    );
    time.advance(60_000);
    store.begin("late", 1000);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1]?.[0]).toMatch(/it forgot 20 handled event ids .*\(21 in all\)/);
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => memoryStore({ maxEntries: 0 })).toThrow(/maxEntries/);
  });
});
