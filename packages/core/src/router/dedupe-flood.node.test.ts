import { describe, expect, it } from "vitest";
import { bodyOnly, clock, delivery, events, json, standard } from "../../test/deliveries.js";
import { DEFAULT_MAX_ENTRIES, type EvictionReport } from "../dedupe/memory-store.js";
import type { WebhookVerificationError } from "../errors.js";
import { createWebhooks } from "./create-webhooks.js";

// The router's default memoryStore under floods of real deliveries (security review, finding 3). Node's
// crypto only: the store is under test, and WebCrypto's thread-pool round trips would make each flood minutes long.

describe("the router's default memoryStore under a flood", () => {
  it("answers a replay after a 100,000-event flood within its window as a duplicate: the handler does not run again", async () => {
    const time = clock();
    const handled = new Map<string, number>();
    const hooks = createWebhooks({ scheme: standard, events, now: time.now }).on(
      "ping",
      (_event, context) => {
        handled.set(context.id, (handled.get(context.id) ?? 0) + 1);
      },
    );
    const captured = await delivery(standard, "msg_captured");
    expect((await hooks.process(captured)).status).toBe(200);
    for (let i = 0; i < 100_000; i++) {
      const answer = await hooks.process(await delivery(standard, `msg_flood_${i}`));
      if (answer.status !== 200) throw new Error(`flood event ${i} answered ${answer.status}`);
    }
    time.advance(299_000); // the capture is replayed inside its 300 s window
    const replay = await hooks.process(captured);
    expect([replay.status, json(replay)]).toEqual([200, { ok: true, duplicate: true }]);
    expect(handled.get("msg_captured")).toBe(1);
    expect(handled.size).toBe(100_001);
  }, 60_000);

  it("reports evictions of handled ids past their replay bound through onError, with counts", async () => {
    const errors: { error: WebhookVerificationError; id: string }[] = [];
    const hooks = createWebhooks({
      scheme: bodyOnly,
      events,
      replayBound: "retention",
      onError: (error, event) => errors.push({ error, id: event.id }),
    }).on("ping", () => {});
    const first = await delivery(bodyOnly, "evt_first");
    await hooks.process(first);
    const flood = DEFAULT_MAX_ENTRIES + 2048;
    for (let i = 0; i < flood; i++) await hooks.process(await delivery(bodyOnly, `evt_${i}`));

    expect(errors.length).toBeGreaterThan(0);
    const reports = errors.map(({ error }) => error.cause as EvictionReport);
    const evicted = reports.reduce((sum, report) => sum + report.evicted, 0);
    expect(evicted).toBeGreaterThan(flood - DEFAULT_MAX_ENTRIES);
    expect(reports.at(-1)).toMatchObject({ total: evicted, maxEntries: DEFAULT_MAX_ENTRIES });
    expect(errors[0]?.error.code).toBe("store_unavailable");
    expect(errors[0]?.error.message).toMatch(/it forgot \d+ handled event ids before their retention ended/);
    expect(errors[0]?.id).toMatch(/^evt_\d+$/); // the delivery that needed the room
    // The documented hole where nothing signs a time: the oldest id is gone, so its replay is handled.
    expect(json(await hooks.process(first))).toEqual({ ok: true });
  }, 120_000);
});
