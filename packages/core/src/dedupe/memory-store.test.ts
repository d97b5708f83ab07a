import { describe, expect, it } from "vitest";
import { memoryStore } from "./memory-store.js";

function clock(start = 0) {
  let at = start;
  return {
    now: () => at,
    advance(ms: number) {
      at += ms;
    },
  };
}

describe("memoryStore", () => {
  it("claims a new id, reports it in flight, then done once completed", () => {
    const store = memoryStore();
    expect(store.begin("a", 1000)).toBe("new");
    expect(store.begin("a", 1000)).toBe("in_flight");
    store.complete("a", 5000);
    expect(store.begin("a", 1000)).toBe("done");
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

  it("holds its bound under 1,000,000 distinct ids", () => {
    const store = memoryStore({ maxEntries: 10_000 });
    let largest = 0;
    for (let i = 0; i < 1_000_000; i++) {
      store.begin(`flood-${i}`, 60_000);
      if (i % 3 === 0) store.complete(`flood-${i}`, 3_600_000);
      if (store.size > largest) largest = store.size;
    }
    expect(largest).toBe(10_000);
    expect(store.size).toBeGreaterThan(9_000);
    // The newest ids are the ones kept.
    expect(store.begin("flood-999998", 60_000)).toBe("in_flight");
    expect(store.begin("flood-999999", 60_000)).toBe("done");
    expect(store.begin("flood-0", 60_000)).toBe("new");
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => memoryStore({ maxEntries: 0 })).toThrow(/maxEntries/);
  });
});
