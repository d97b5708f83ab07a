import { describe, expect, it } from "vitest";
import { clock, delivery, events, json, standard, T } from "../../test/deliveries.js";
import { createWebhooks } from "./create-webhooks.js";
import type { EventMap, WebhookProvider } from "./types.js";

// A sender whose retries keep the original signature for hours (Mailgun: 8 h) brings its own replay window.

const HOUR = 3_600_000;

function provider(tolerance: unknown): WebhookProvider<EventMap> {
  return {
    name: "slow-sender",
    scheme: standard,
    events,
    eventType: (payload) => (payload as { type: string }).type,
    eventId: (_payload, id) => id,
    tolerance: tolerance as number,
  };
}

describe("a provider's own tolerance", () => {
  it("applies when the router sets none: a retry signed 8 h ago passes, one past the window is refused", async () => {
    const time = clock((T + 8 * 3600) * 1000);
    const hooks = createWebhooks({ provider: provider(29_700), now: time.now }).on("ping", () => {});
    expect((await hooks.process(await delivery(standard, "msg_retry", T))).status).toBe(200);

    const old = await hooks.process(await delivery(standard, "msg_old", T - 29_701 + 8 * 3600));
    expect([old.status, json(old).error?.code]).toEqual([401, "timestamp_expired"]);
    expect(json(old).error?.message).toContain("29700 s");
  });

  it("keeps a replay inside the longer window a duplicate, pinned past a shorter retention", async () => {
    const time = clock();
    let runs = 0;
    const hooks = createWebhooks({ provider: provider(29_700), now: time.now, retainMs: HOUR }).on(
      "ping",
      () => {
        runs++;
      },
    );
    const captured = await delivery(standard, "msg_1");
    expect((await hooks.process(captured)).status).toBe(200);
    time.advance(8 * HOUR);
    const replay = await hooks.process(captured);
    expect([replay.status, json(replay).duplicate, runs]).toEqual([200, true, 1]);
  });

  it("is overridden by the router's `tolerance` option", async () => {
    const time = clock((T + 301) * 1000);
    const hooks = createWebhooks({ provider: provider(29_700), now: time.now, tolerance: 300 }).on(
      "ping",
      () => {},
    );
    const late = await hooks.process(await delivery(standard, "msg_late"));
    expect([late.status, json(late).error?.code]).toEqual([401, "timestamp_expired"]);
  });

  it("defaults to 300 s when neither sets one", async () => {
    const hooks = createWebhooks({ provider: provider(undefined), now: () => (T + 301) * 1000 }).on(
      "ping",
      () => {},
    );
    expect(json(await hooks.process(await delivery(standard, "msg_late"))).error?.code).toBe(
      "timestamp_expired",
    );
  });

  it("is refused when the router is created unless it is an integer from 1 to 86,400, naming the provider", () => {
    for (const bad of [0, -1, 1.5, 86_401, Number.POSITIVE_INFINITY, "300"]) {
      expect(() => createWebhooks({ provider: provider(bad) })).toThrow(
        /^\[@hookproof\/core\] `slow-sender\.tolerance` must be an integer from 1 to 86400\./,
      );
    }
    // The router's own valid option replaces an invalid provider value: only the one in use is checked.
    expect(() => createWebhooks({ provider: provider(0), tolerance: 300 })).not.toThrow();
    expect(() => createWebhooks({ provider: provider(300), tolerance: 0 })).toThrow(/`tolerance` must be/);
  });
});
