import { createWebhooks, isWebhookVerificationError, readHeaders } from "@hookproof/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { type OktaTarget, okta } from "./index.js";

// Okta's guide: the admin types Basic credentials, pre-encoded, as the "Authentication secret".
const TOKEN = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";
const provider = () => okta({ token: TOKEN });
const sign = () => ({ authorization: TOKEN });

fixtureSuite({
  title: "okta fixtures",
  fixtures: "okta",
  provider,
  sign,
  mutations: {
    "user.lifecycle.create": { path: ["uuid"] },
    "user.lifecycle.activate": { path: ["published"], set: 1787234400 },
    "user.lifecycle.deactivate": { path: ["version"] },
    "user.lifecycle.suspend": { path: ["severity"], set: 2 },
    "user.lifecycle.unsuspend": { path: ["target", 0, "id"] },
    "user.lifecycle.reactivate": { path: ["actor", "type"] },
    "user.lifecycle.delete.initiated": { path: ["outcome", "result"], set: null },
    "user.lifecycle.delete.completed": { path: ["target"], set: {} },
    "user.account.update_profile": { path: ["target", 0, "changeDetails", "to"], set: "Lovelace" },
    "user.account.lock": { path: ["displayMessage"], set: 3 },
    "user.account.unlock": { path: ["client"], set: "Safari" },
    "user.session.start": { path: ["actor", "id"], set: null },
    "group.user_membership.add": { path: ["target", 1, "type"] },
    "group.user_membership.remove": { path: ["uuid"], set: 7 },
    "application.user_membership.add": { path: ["target", 1, "displayName"], set: 1 },
    "application.user_membership.remove": { path: ["published"] },
  },
});

const LOG_EVENT = "okta/okta-developer-docs docs/reference/api/system-log/index.md `LogEvent`";
allowedSuite({
  title: "okta: what the System Log's LogEvent allows",
  fixtures: "okta",
  provider,
  sign,
  allowed: [
    { type: "user.lifecycle.create", path: ["actor"], set: null, source: LOG_EVENT },
    { type: "user.lifecycle.create", path: ["client"], set: null, source: LOG_EVENT },
    { type: "user.lifecycle.create", path: ["outcome"], set: null, source: LOG_EVENT },
    { type: "user.lifecycle.create", path: ["target"], set: null, source: LOG_EVENT },
    { type: "user.session.start", path: ["displayMessage"], set: null, source: LOG_EVENT },
    { type: "user.session.start", path: ["outcome", "result"], set: "CHALLENGE", source: LOG_EVENT },
    { type: "user.account.lock", path: ["severity"], set: "ERROR", source: LOG_EVENT },
    { type: "group.user_membership.add", path: ["target", 1, "alternateId"], source: LOG_EVENT },
    { type: "user.lifecycle.create", path: ["request"], source: LOG_EVENT },
  ],
});

/** A delivery as Okta posts it: the envelope around `events` (concepts/event-hooks "Sample event delivery"). */
function delivery(...events: unknown[]): string {
  return JSON.stringify({
    eventType: "com.okta.event_hook",
    eventTypeVersion: "1.0",
    cloudEventsVersion: "0.1",
    contentType: "application/json",
    eventId: "b5a188b9-5ece-4636-b041-482ffda96311",
    eventTime: "2026-08-20T14:04:59.032Z",
    source: "https://example.okta.com/api/v1/eventHooks/whoql0HfiLGPWc8Jx0g3",
    data: { events },
  });
}

describe("okta", () => {
  it("answers the one-time verification GET as Okta's sample does, before authentication", () => {
    const header = readHeaders({ "x-okta-verification-challenge": "aZ3kx_c2Ev0eMWi3Pr5hAQ" });
    expect(provider().challenge?.({ method: "GET", url: undefined, header })).toEqual({
      kind: "okta.verification",
      status: 200,
      contentType: "application/json",
      body: '{"verification":"aZ3kx_c2Ev0eMWi3Pr5hAQ"}',
    });
    expect(provider().challenge?.({ method: "POST", url: undefined, header })).toBeUndefined();
    expect(
      provider().challenge?.({ method: "GET", url: undefined, header: readHeaders({}) }),
    ).toBeUndefined();
  });

  it("refuses to echo a challenge that is not short printable text", () => {
    for (const value of ["<script>alert(1)</script> x", "a".repeat(513)]) {
      const header = readHeaders({ "x-okta-verification-challenge": value });
      const answer = provider().challenge?.({ method: "GET", url: undefined, header });
      expect(answer?.status).toBe(400);
      expect(answer?.body).not.toContain(value);
    }
  });

  it("splits a delivery into its events, each typed, identified by its uuid and timed by published", () => {
    const first = JSON.parse(fixtureText("okta", "user.lifecycle.create"));
    const second = JSON.parse(fixtureText("okta", "group.user_membership.add"));
    const p = provider();
    const events = p.split?.(JSON.parse(delivery(first, second))) ?? [];
    expect(events).toEqual([first, second]);
    expect(events.map((event) => p.eventType(event, readHeaders({})))).toEqual([
      "user.lifecycle.create",
      "group.user_membership.add",
    ]);
    expect(events.map((event) => p.eventId?.(event, undefined))).toEqual([first.uuid, second.uuid]);
    expect(p.eventTime?.(first)).toBe(Date.parse(first.published));
  });

  it("refuses an Okta envelope without data.events rather than handling nothing", () => {
    const body = JSON.parse(delivery());
    delete body.data.events;
    let thrown: unknown;
    try {
      provider().split?.(body);
    } catch (error) {
      thrown = error;
    }
    expect(isWebhookVerificationError(thrown) && [thrown.code, thrown.path]).toEqual([
      "invalid_payload",
      "data.events",
    ]);
  });

  it("compares the whole header value, in the header the admin named", async () => {
    const body = fixtureText("okta", "user.lifecycle.activate");
    const hooks = createWebhooks({
      provider: okta({ token: "okta-hook-key-5c1e2d9a7b3f4e60", header: "X-Hook-Key" }),
      now: clock,
    }).on("user.lifecycle.activate", (event) => {
      expectTypeOf(event.target).toEqualTypeOf<OktaTarget[] | null | undefined>();
    });
    expect((await answer(hooks, post({ "x-hook-key": "okta-hook-key-5c1e2d9a7b3f4e60" }, body))).status).toBe(
      200,
    );
    const wrong = await answer(hooks, post({ "x-hook-key": "Bearer okta-hook-key-5c1e2d9a7b3f4e60" }, body));
    expect(wrong.body.error?.code).toBe("invalid_token");
    const missing = await answer(hooks, post({ authorization: "okta-hook-key-5c1e2d9a7b3f4e60" }, body));
    expect(missing.body.error?.code).toBe("missing_header");
  });

  it("dedupes an event by its uuid, and refuses one published over a day ago", async () => {
    const event = JSON.parse(fixtureText("okta", "user.account.lock"));
    let runs = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.account.lock", () => {
      runs++;
    });
    const body = JSON.stringify(event);
    expect((await answer(hooks, post(sign(), body))).status).toBe(200);
    // Okta's one retry re-serialises nothing, but another field order still names the same event.
    const reordered = JSON.stringify({ eventType: event.eventType, ...event });
    expect((await answer(hooks, post(sign(), reordered))).body).toEqual({ ok: true, duplicate: true });
    const old = JSON.stringify({
      ...event,
      uuid: crypto.randomUUID(),
      published: new Date((NOW_S - 86_401) * 1000).toISOString(),
    });
    expect((await answer(hooks, post(sign(), old))).body.error?.code).toBe("timestamp_expired");
    expect(runs).toBe(1);
  });
});
