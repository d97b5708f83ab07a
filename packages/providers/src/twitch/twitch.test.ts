import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  handshakeRouter,
  NOW_S,
  post,
  readResponse,
} from "../../test/test-support.js";
import { twitchHmac, twitch as twitchProvider } from "./index.js";

const SECRET = "s3cre7-hookproof-twitch";
const provider = () => twitchProvider({ secret: SECRET });
/** `2026-08-20T14:05:00.634234626Z`: the tests' clock as Twitch writes a time, with nanoseconds. */
const NOW_TEXT = `${new Date(NOW_S * 1000).toISOString().slice(0, 19)}.634234626Z`;

/**
 * What Twitch sends: `sha256=` + hex HMAC-SHA256 of id + timestamp + body (twitch-cli `forward_event.go`), here
 * with node:crypto; the message type and subscription headers beside it are unsigned.
 */
const signed = (
  body: string,
  {
    id = "befa7b53-d79d-478f-86b9-120f112b044e",
    time = NOW_TEXT,
    secret = SECRET,
    type = "notification",
  } = {},
) => ({
  "twitch-eventsub-message-id": id,
  "twitch-eventsub-message-retry": "0",
  "twitch-eventsub-message-type": type,
  "twitch-eventsub-message-signature": `sha256=${createHmac("sha256", secret)
    .update(id + time + body)
    .digest("hex")}`,
  "twitch-eventsub-message-timestamp": time,
  "twitch-eventsub-subscription-type": JSON.parse(body).subscription?.type ?? "",
  "twitch-eventsub-subscription-version": JSON.parse(body).subscription?.version ?? "",
});

fixtureSuite({
  title: "twitch fixtures",
  fixtures: "twitch",
  provider,
  sign: (body) => signed(body),
  mutations: {
    "channel.follow": { path: ["event", "followed_at"] },
    "channel.subscribe": { path: ["event", "is_gift"], set: "false" },
    "channel.update": { path: ["event", "content_classification_labels"] },
    "channel.raid": { path: ["event", "viewers"], set: "9001" },
    "channel.cheer": { path: ["event", "bits"] },
    "stream.online": { path: ["event", "started_at"] },
    "stream.offline": { path: ["event", "broadcaster_user_id"] },
    "user.update": { path: ["subscription", "created_at"] },
  },
});

const REFERENCE = "dev.twitch.tv/docs/eventsub/eventsub-subscription-types";
allowedSuite({
  title: "twitch: never stricter than Twitch's reference",
  fixtures: "twitch",
  provider,
  sign: (body) => signed(body),
  allowed: [
    {
      type: "user.update",
      path: ["event", "email"],
      source: `${REFERENCE} user.update (needs user:read:email)`,
    },
    {
      type: "channel.cheer",
      path: ["event", "user_id"],
      set: null,
      source: `${REFERENCE} channel.cheer (anonymous)`,
    },
    { type: "channel.cheer", path: ["event", "user_login"], set: null, source: `${REFERENCE} channel.cheer` },
    { type: "channel.cheer", path: ["event", "user_name"], set: null, source: `${REFERENCE} channel.cheer` },
    { type: "stream.online", path: ["event", "type"], set: "premiere", source: `${REFERENCE} stream.online` },
  ],
});

describe("twitch", () => {
  it("routes by the signed `subscription.type`, and dedupes a resend by its signed message id", async () => {
    const body = fixtureText("twitch", "channel.follow");
    const seen: [string, string, string][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "channel.follow",
      (event, context) => {
        seen.push([context.type, context.id, event.event.user_login]);
      },
    );
    expect(await answer(hooks, post(signed(body), body))).toEqual({ status: 200, body: { ok: true } });
    // Twitch's resend: the same id, a new timestamp, the retry count up (unsigned).
    const resend = {
      ...signed(body, { time: `${new Date((NOW_S + 30) * 1000).toISOString().slice(0, 19)}.1Z` }),
      "twitch-eventsub-message-retry": "1",
    };
    expect(await answer(hooks, post(resend, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(seen).toEqual([["channel.follow", "befa7b53-d79d-478f-86b9-120f112b044e", "cool_user"]]);
  });

  it("routes by the body even when the unsigned subscription-type header claims another type", async () => {
    const body = fixtureText("twitch", "stream.online");
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("stream.online", () => {
        seen.push("stream.online");
      })
      .on("stream.offline", () => {
        seen.push("stream.offline");
      });
    const headers = { ...signed(body), "twitch-eventsub-subscription-type": "stream.offline" };
    expect((await answer(hooks, post(headers, body))).status).toBe(200);
    expect(seen).toEqual(["stream.online"]);
  });

  it("refuses a changed message id (a replay cannot pass as new), another secret, and a stale or future timestamp", async () => {
    const body = fixtureText("twitch", "channel.raid");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const code = async (headers: Record<string, string>) =>
      (await answer(hooks, post(headers, body))).body.error?.code;
    const original = signed(body);
    const replayed = { ...original, "twitch-eventsub-message-id": "befa7b53-d79d-478f-86b9-120f112b0450" };
    expect(await code(replayed)).toBe("invalid_signature");
    expect(await code(signed(body, { secret: "another-subscription-secret" }))).toBe("invalid_signature");
    const at = (s: number) => `${new Date(s * 1000).toISOString().slice(0, 19)}.000000000Z`;
    expect(await code(signed(body, { time: at(NOW_S - 601) }))).toBe("timestamp_expired");
    expect(await code(signed(body, { time: at(NOW_S + 601) }))).toBe("timestamp_in_future");
    expect(await code(signed(body, { time: at(NOW_S - 600) }))).toBeUndefined();
  });

  it("keeps Twitch's own 10-minute rule by default, and the router's `tolerance` overrides it", async () => {
    const body = fixtureText("twitch", "channel.raid");
    const at = (s: number) => `${new Date(s * 1000).toISOString().slice(0, 19)}.5Z`;
    const code = async (tolerance: number | undefined, time: string) => {
      const hooks = createWebhooks({ provider: provider(), now: clock, tolerance });
      return (await answer(hooks, post(signed(body, { time }), body))).body.error?.code;
    };
    expect(await code(undefined, at(NOW_S - 599))).toBeUndefined();
    expect(await code(undefined, at(NOW_S - 601))).toBe("timestamp_expired");
    expect(await code(300, at(NOW_S - 301))).toBe("timestamp_expired");
  });
});

describe("twitch verification and revocation", () => {
  // dev.twitch.tv/docs/eventsub/handling-webhook-events "Responding to a challenge request" (its challenge).
  const verification = JSON.stringify({
    challenge: "pogchamp-kappa-360noscope-vohiyo",
    subscription: {
      id: "f1c2a387-161a-49f9-a165-0f21d7a4e1c4",
      status: "webhook_callback_verification_pending",
      type: "channel.follow",
      version: "2",
      cost: 1,
      condition: { broadcaster_user_id: "12826", moderator_user_id: "12826" },
      transport: { method: "webhook", callback: "https://example.com/webhooks/callback" },
      created_at: "2026-08-20T14:04:59.634234626Z",
    },
  });
  // The same page's "Revoking your subscription" example, dated like the fixtures.
  const revocation = JSON.stringify({
    subscription: {
      id: "f1c2a387-161a-49f9-a165-0f21d7a4e1c4",
      status: "authorization_revoked",
      type: "channel.follow",
      version: "2",
      cost: 1,
      condition: { broadcaster_user_id: "12826", moderator_user_id: "12826" },
      transport: { method: "webhook", callback: "https://example.com/webhooks/callback" },
      created_at: "2026-08-19T10:11:12.634234626Z",
    },
  });

  const router = () => handshakeRouter(provider());
  const read = readResponse;

  it("answers the challenge as text/plain, every time (never deduped), never reaching a handler", async () => {
    const { hooks, handled, handshakes } = router();
    const headers = signed(verification, { type: "webhook_callback_verification" });
    for (let i = 0; i < 2; i++) {
      const answered = await read(await hooks.handle(post(headers, verification)));
      expect([answered.status, answered.type?.split(";")[0], answered.body]).toEqual([
        200,
        "text/plain",
        "pogchamp-kappa-360noscope-vohiyo",
      ]);
    }
    expect(handshakes.map((h) => h.kind)).toEqual([
      "twitch.webhook_callback_verification",
      "twitch.webhook_callback_verification",
    ]);
    expect(handled).toEqual([]);
  });

  it("acknowledges a revocation with 200, reported to onHandshake, never reaching a handler", async () => {
    const { hooks, handled, handshakes } = router();
    const answered = await read(
      await hooks.handle(post(signed(revocation, { type: "revocation" }), revocation)),
    );
    expect([answered.status, answered.body]).toEqual([200, ""]);
    expect(handshakes.map((h) => h.kind)).toEqual(["twitch.revocation"]);
    expect(handled).toEqual([]);
  });

  it("refuses a forged verification (401): the challenge is never echoed", async () => {
    const { hooks, handshakes } = router();
    const forged = signed(verification, {
      type: "webhook_callback_verification",
      secret: "an-attacker-guess-0123",
    });
    const answered = await read(await hooks.handle(post(forged, verification)));
    expect(answered.status).toBe(401);
    expect(answered.body).not.toContain("pogchamp");
    const forgedRevocation = signed(revocation, { type: "revocation", secret: "an-attacker-guess-0123" });
    expect((await read(await hooks.handle(post(forgedRevocation, revocation)))).status).toBe(401);
    expect(handshakes).toEqual([]);
  });

  it("decides by the signed body, not the unsigned message-type header", async () => {
    const { hooks, handled, handshakes } = router();
    const body = fixtureText("twitch", "stream.offline");
    const claimed = await read(await hooks.handle(post(signed(body, { type: "revocation" }), body)));
    expect(JSON.parse(claimed.body)).toEqual({ ok: true });
    expect(handled).toHaveLength(1);
    expect(handshakes).toEqual([]);
    const handshake = provider().handshake;
    const header = readHeaders({});
    expect(await handshake?.(JSON.parse(body), { header })).toBeUndefined();
    expect(await handshake?.({ challenge: "x" }, { header })).toBeUndefined();
  });
});

describe("twitch against an independent vector", () => {
  it("accepts the vector computed with node:crypto and Python's hmac as twitch-cli signs", async () => {
    // Computed as twitch-cli internal/events/trigger/forward_event.go signs (sha256=%x over id + timestamp + body).
    const body =
      '{"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","status":"enabled","type":"channel.follow","version":"2","condition":{"broadcaster_user_id":"1337","moderator_user_id":"1337"},"transport":{"method":"webhook","callback":"https://hooks.example.com/twitch"},"created_at":"2026-11-30T05:00:00.634234626Z","cost":0},"event":{"user_id":"1234","user_login":"cool_user","user_name":"Cool_User","broadcaster_user_id":"1337","broadcaster_user_login":"cooler_user","broadcaster_user_name":"Cooler_User","followed_at":"2026-11-30T05:59:59.000000000Z"}}';
    const headers = {
      "twitch-eventsub-message-id": "befa7b53-d79d-478f-86b9-120f112b044e",
      "twitch-eventsub-message-timestamp": "2026-11-30T06:00:00.634234626Z",
      "twitch-eventsub-message-signature":
        "sha256=1bee2de1d9ca56ad63e855abf6b43ed0111853110a45a835fee3a7015ff61314",
    };
    const scheme = twitchHmac({ secret: SECRET });
    const check = (text: string) => scheme.verify({ header: readHeaders(headers), body: utf8(text) });
    expect(await check(body)).toEqual({
      id: "befa7b53-d79d-478f-86b9-120f112b044e",
      timestamp: Date.UTC(2026, 10, 30, 6, 0, 0) / 1000,
      keyIndex: 0,
    });
    expect(await outcome(() => check(`${body} `))).toBe("invalid_signature");
    const { "twitch-eventsub-message-signature": signature } = signed(body, {
      id: headers["twitch-eventsub-message-id"],
      time: headers["twitch-eventsub-message-timestamp"],
    });
    expect(signature).toBe(headers["twitch-eventsub-message-signature"]);
  });

  it("signs as node:crypto computes Twitch's layout, and its signed request passes", async () => {
    const body = fixtureText("twitch", "user.update");
    const headers = await provider().scheme.sign({
      body,
      id: "7d4b1f0e-2c3a-4b5d-8e6f-9a0b1c2d3e4f",
      timestamp: NOW_S,
    });
    const time = headers["twitch-eventsub-message-timestamp"] ?? "";
    expect(time).toBe("2026-08-20T14:05:00.000Z");
    expect(headers["twitch-eventsub-message-signature"]).toBe(
      `sha256=${createHmac("sha256", SECRET).update(`7d4b1f0e-2c3a-4b5d-8e6f-9a0b1c2d3e4f${time}${body}`).digest("hex")}`,
    );
    const hooks = createWebhooks({ provider: provider(), now: clock });
    expect(await answer(hooks, post(headers, body))).toEqual({
      status: 200,
      body: { ok: true, unhandled: true },
    });
  });
});
