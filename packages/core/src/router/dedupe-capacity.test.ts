import { describe, expect, it } from "vitest";
import { bodyOnly, clock, delivery, events, json, standard, T } from "../../test/deliveries.js";
import { type EvictionReport, memoryStore } from "../dedupe/memory-store.js";
import type { WebhookVerificationError } from "../errors.js";
import { createWebhooks } from "./create-webhooks.js";

// The dedupe store under volume (security review, finding 3): it never forgets an event in flight or
// inside its replay window; when it must make room it says so; when it cannot, the sender retries.

describe("memoryStore behind the router, under volume", () => {
  it("never evicts an event in flight at maxEntries 1000: a retry during the flood gets 409 and the handler runs once", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const reports: EvictionReport[] = [];
    const hooks = createWebhooks({
      scheme: bodyOnly,
      events,
      replayBound: "retention",
      dedupe: memoryStore({ maxEntries: 1000, onEvict: (report) => reports.push(report) }),
    }).on("ping", (event) => {
      if ((event as { id?: string }).id !== "evt_slow") return;
      runs++;
      return gate;
    });
    const slow = await delivery(bodyOnly, "evt_slow");
    const first = hooks.process(slow);
    for (let i = 0; i < 5000; i++) {
      expect((await hooks.process(await delivery(bodyOnly, `evt_flood_${i}`))).status).toBe(200);
    }
    expect(reports.at(-1)?.total).toBeGreaterThan(4000); // handled ids were evicted, in flight was not
    const retry = await hooks.process(slow);
    expect(retry.status).toBe(409);
    expect(json(retry).error?.code).toBe("duplicate_in_flight");
    expect(Number(retry.headers["retry-after"])).toBeGreaterThan(0);
    release();
    expect((await first).status).toBe(200);
    expect(runs).toBe(1);
  });

  it("answers 503 with Retry-After when full of events inside their replay window, and accepts the retry once they leave it", async () => {
    const time = clock();
    const rejected: WebhookVerificationError[] = [];
    const hooks = createWebhooks({
      scheme: standard,
      events,
      now: time.now,
      dedupe: memoryStore({ maxEntries: 100, now: time.now, onEvict: () => {} }),
      onRejected: (error) => rejected.push(error),
    }).on("ping", () => {});
    for (let i = 0; i < 100; i++) {
      expect((await hooks.process(await delivery(standard, `msg_${i}`))).status).toBe(200);
    }
    const late = await hooks.process(await delivery(standard, "msg_late"));
    expect(late.status).toBe(503);
    expect(json(late).error?.code).toBe("store_unavailable");
    // The window of the first 100 ends 300 s after their timestamp (whole seconds: 301 s from now).
    expect(late.headers["retry-after"]).toBe("301");
    expect(rejected.map((error) => error.code)).toEqual(["store_unavailable"]);
    // Every one of the 100 is still remembered: a replay inside the window is a duplicate.
    expect(json(await hooks.process(await delivery(standard, "msg_0")))).toEqual({
      ok: true,
      duplicate: true,
    });

    time.advance(301_000);
    // Past the window a replay fails verification, so forgetting it is safe…
    expect(json(await hooks.process(await delivery(standard, "msg_0"))).error?.code).toBe(
      "timestamp_expired",
    );
    // …and the sender's retry, signed now, is handled.
    expect((await hooks.process(await delivery(standard, "msg_late", T + 301))).status).toBe(200);
  });
});
