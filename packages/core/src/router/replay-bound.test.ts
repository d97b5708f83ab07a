import { describe, expect, it } from "vitest";
import { anything, events, json } from "../../test/deliveries.js";
import { genericHmac, githubHmac } from "../../test/hmac-presets.js";
import { standardWebhooks } from "../schemes/standard-webhooks.js";
import { createWebhooks } from "./create-webhooks.js";

// Replay bounds without holes (security review, finding 7).

const NOW = 1_750_000_000_000;
const HOUR = 3_600_000;
const github = githubHmac({ secret: "github-secret-0123456789" });
// The generic sender's rules as a custom router: a body-only HMAC, `created_at` as the signed creation time,
// 24 h `maxAge` (the preset itself is tested in @hookproof/providers).
const generic = {
  scheme: genericHmac({ secret: "generic-secret-0123456789" }),
  events: { "user.created": anything },
  eventTime: (payload: unknown) => Date.parse((payload as { created_at: string }).created_at),
  maxAge: 86_400,
};

function createdAt(offsetMs: number): string {
  return JSON.stringify({
    id: `evt_${offsetMs}`,
    type: "user.created",
    created_at: new Date(NOW + offsetMs).toISOString(),
    data: { id: "user_1" },
  });
}

describe("a signed creation time in the future", () => {
  it("is refused beyond the tolerance: exactly the tolerance ahead passes, one second more fails", async () => {
    for (const tolerance of [undefined, 60]) {
      const ahead = (tolerance ?? 300) * 1000;
      const hooks = createWebhooks({ ...generic, now: () => NOW, tolerance }).on("user.created", () => {});
      const send = async (body: string) =>
        hooks.process({ headers: await generic.scheme.sign({ body }), body });

      expect((await send(createdAt(ahead))).status).toBe(200);
      const early = await send(createdAt(ahead + 1000));
      expect([early.status, json(early).error?.code]).toEqual([401, "timestamp_in_future"]);
      expect(json(early).error?.message).toContain(`beyond the ${tolerance ?? 300} s tolerance`);
      // The review's case: a year ahead, which `maxAge` alone would have kept valid past the retention.
      expect(json(await send(createdAt(365 * 24 * HOUR))).error?.code).toBe("timestamp_in_future");
    }
  });
});

describe("a router whose only replay bound is the dedupe retention", () => {
  it("is refused when created unless it says so, and the error says why and how", () => {
    let message = "";
    try {
      createWebhooks({ scheme: github, events });
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      message = (error as Error).message;
    }
    expect(message).toContain("signs no timestamp");
    expect(message).toContain("the dedupe store is the only replay protection");
    expect(message).toContain('replayBound: "retention"');
    expect(() => createWebhooks({ scheme: github, events, dedupe: false })).toThrow(/replayBound: "none"/);
    expect(() => createWebhooks({ scheme: github, events, dedupe: false, replayBound: "retention" })).toThrow(
      /nothing stops a replay/,
    );
    // @ts-expect-error: not a bound
    expect(() => createWebhooks({ scheme: github, events, replayBound: "forever" })).toThrow(/replayBound/);
  });

  it("with replayBound: 'retention', handles a replay after the retention again, as documented", async () => {
    let at = NOW;
    let runs = 0;
    const hooks = createWebhooks({
      scheme: github,
      events,
      now: () => at,
      replayBound: "retention",
    }).on("ping", () => {
      runs++;
    });
    const body = JSON.stringify({ id: "evt_1", type: "ping" });
    const captured = { headers: await github.sign({ body }), body };
    expect(json(await hooks.process(captured))).toEqual({ ok: true });
    at += 72 * HOUR - 1;
    expect(json(await hooks.process(captured))).toEqual({ ok: true, duplicate: true });
    at += 1;
    expect(json(await hooks.process(captured))).toEqual({ ok: true });
    expect(runs).toBe(2);
    expect(() =>
      createWebhooks({ scheme: github, events, dedupe: false, replayBound: "none" }),
    ).not.toThrow();
  });

  it("is not needed where a time is signed: a timestamp, or maxAge over the body's creation time", () => {
    const standard = standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
    expect(() => createWebhooks({ scheme: standard, events })).not.toThrow();
    expect(() => createWebhooks({ scheme: standard, events, dedupe: false })).not.toThrow();
    expect(() => createWebhooks(generic)).not.toThrow();
    const eventTime = (payload: unknown) => Date.parse((payload as { created_at: string }).created_at);
    expect(() => createWebhooks({ scheme: github, events, maxAge: 3600, eventTime })).not.toThrow();
    // `maxAge` without a creation time to apply it to would bound nothing.
    expect(() => createWebhooks({ scheme: github, events, maxAge: 3600 })).toThrow(/`maxAge` needs/);
    expect(() => createWebhooks({ scheme: standard, events, maxAge: 3600 })).toThrow(/`eventTime`/);
  });
});
