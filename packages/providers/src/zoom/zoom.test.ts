import { createHash, createHmac } from "node:crypto";
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
  mutated,
  NOW_S,
  post,
  readResponse,
} from "../../test/test-support.js";
import { zoomHmac, zoom as zoomProvider } from "./index.js";

const SECRET = "uTj4W2kRq9sXb7nLc3vPzA";
const provider = () => zoomProvider({ secret: SECRET });

/** What Zoom sends with a body: `v0=` + hex HMAC-SHA256 of `v0:{ts}:{body}`, computed here with node:crypto. */
const signed = (body: string, ts = NOW_S, secret = SECRET) => ({
  "x-zm-request-timestamp": String(ts),
  "x-zm-signature": `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`,
  "x-zm-trackingid": `v=2.0&s=${ts}&c=us05_c`,
});

fixtureSuite({
  title: "zoom fixtures",
  fixtures: "zoom",
  provider,
  sign: (body) => signed(body),
  mutations: {
    "meeting.created": { path: ["payload", "object", "join_url"] },
    "meeting.deleted": { path: ["payload", "object", "uuid"] },
    "meeting.started": { path: ["payload", "object", "host_id"] },
    "meeting.ended": { path: ["payload", "object", "end_time"] },
    "meeting.participant_joined": { path: ["payload", "object", "participant", "user_id"] },
    "meeting.participant_left": { path: ["payload", "object", "participant", "email"], set: null },
    "user.created": { path: ["payload", "object", "email"] },
    "user.updated": { path: ["payload", "object", "id"] },
    "user.deactivated": { path: ["payload", "account_id"] },
  },
});

const RIVET = "@zoom/rivet 0.4.0";
allowedSuite({
  title: "zoom: never stricter than Zoom's own types",
  fixtures: "zoom",
  provider,
  sign: (body) => signed(body),
  allowed: [
    { type: "meeting.deleted", path: ["event_ts"], source: `${RIVET} meetings.d.ts MeetingDeletedEvent` },
    { type: "meeting.deleted", path: ["payload", "operator_id"], source: `${RIVET} MeetingDeletedEvent` },
    { type: "meeting.deleted", path: ["payload", "object", "topic"], source: `${RIVET} MeetingDeletedEvent` },
    {
      type: "meeting.participant_joined",
      path: ["payload", "object", "id"],
      source: `${RIVET} MeetingParticipantJoinedEvent`,
    },
    {
      type: "meeting.participant_left",
      path: ["payload", "object", "participant", "user_name"],
      source: `${RIVET} MeetingParticipantLeftEvent`,
    },
    {
      type: "meeting.created",
      path: ["payload", "object", "start_time"],
      source: `${RIVET} MeetingCreatedEvent`,
    },
    {
      type: "user.created",
      path: ["payload", "object", "first_name"],
      source: `${RIVET} users.d.ts UserCreatedEvent`,
    },
    { type: "user.updated", path: ["payload", "operator"], source: `${RIVET} users.d.ts UserUpdatedEvent` },
  ],
});

describe("zoom", () => {
  it("routes by `event`, dedupes a re-signed retry by the body's SHA-256, and dates by `event_ts` (ms)", async () => {
    const body = fixtureText("zoom", "meeting.started");
    const seen: [string, string, string][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "meeting.started",
      (event, context) => {
        seen.push([context.type, context.id, event.payload.object.uuid]);
      },
    );
    expect(await answer(hooks, post(signed(body), body))).toEqual({ status: 200, body: { ok: true } });
    // Zoom's retry 5 minutes on: the same body, signed anew, another (unsigned) tracking id.
    const retry = { ...signed(body, NOW_S + 60), "x-zm-trackingid": "v=2.0&s=retry&c=us05_c" };
    expect(await answer(hooks, post(retry, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    const digest = createHash("sha256").update(body).digest("hex");
    expect(seen).toEqual([["meeting.started", `sha256:${digest}`, "4444AAAiAAAAAiAiAiiAii=="]]);
    expect(provider().eventTime?.(JSON.parse(body))).toBe(1787234401572);
  });

  it("refuses a timestamp more than 300 s off or ahead, and a request signed with another secret", async () => {
    const body = fixtureText("zoom", "meeting.ended");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const code = async (headers: Record<string, string>) =>
      (await answer(hooks, post(headers, body))).body.error?.code;
    expect(await code(signed(body, NOW_S - 301))).toBe("timestamp_expired");
    expect(await code(signed(body, NOW_S + 301))).toBe("timestamp_in_future");
    expect(await code(signed(body, NOW_S, "0000aaaa1111bbbb2222cccc"))).toBe("invalid_signature");
    expect(await code(signed(body, NOW_S - 300))).toBeUndefined();
  });

  it("sets no maxAge of its own, and a router's `maxAge` dates an event by its `event_ts` (ms)", async () => {
    expect(provider().maxAge).toBeUndefined();
    const body = fixtureText("zoom", "meeting.ended");
    const hooks = createWebhooks({ provider: provider(), now: clock, maxAge: 3600 });
    const code = async (text: string) => (await answer(hooks, post(signed(text), text))).body.error?.code;
    const old = mutated(body, { path: ["event_ts"], set: (NOW_S - 3601) * 1000 });
    expect(await code(old)).toBe("timestamp_expired");
    const young = mutated(body, { path: ["event_ts"], set: (NOW_S - 3599) * 1000 });
    expect(await code(young)).toBeUndefined();
  });
});

describe("zoom endpoint.url_validation", () => {
  // The request of developers.zoom.us/docs/api/webhooks "Validate your webhook endpoint" (its plainToken).
  const validation =
    '{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1787234640000,"event":"endpoint.url_validation"}';
  // HMAC-SHA256(secret, plainToken), hex: computed with Python's hmac for this secret, and here with node:crypto.
  const encrypted = "0f147cd59afac3992d8619e9c84ce913f3efce8aacf2e63c61c1729aca12c18b";

  const router = (secret: string | string[] = SECRET) => handshakeRouter(zoomProvider({ secret }));
  const read = readResponse;

  it("answers { plainToken, encryptedToken } as JSON, every time (never deduped), never reaching a handler", async () => {
    expect(createHmac("sha256", SECRET).update("qgg8vlvZRS6UYooatFL8Aw").digest("hex")).toBe(encrypted);
    const { hooks, handled, handshakes } = router();
    for (let i = 0; i < 2; i++) {
      expect(await read(await hooks.handle(post(signed(validation, NOW_S + i), validation)))).toEqual({
        status: 200,
        type: "application/json",
        body: `{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"${encrypted}"}`,
      });
    }
    expect(handshakes.map((h) => h.kind)).toEqual(["zoom.url_validation", "zoom.url_validation"]);
    expect(handled).toEqual([]);
  });

  it("refuses a forged validation (401): the token is answered only to Zoom", async () => {
    const { hooks, handshakes } = router();
    const forged = signed(validation, NOW_S, "an-attacker-guess-0123456789");
    const answered = await read(await hooks.handle(post(forged, validation)));
    expect(answered.status).toBe(401);
    expect(answered.body).not.toContain("qgg8vlvZRS6UYooatFL8Aw");
    expect(answered.body).not.toContain(encrypted);
    const unsigned = await read(await hooks.handle(post({}, validation)));
    expect(unsigned.status).toBe(400);
    expect(handshakes).toEqual([]);
  });

  it("keys the answer by the Secret Token that signed the request, while two are configured", async () => {
    const next = "nEw5ecretT0kenAbCdEfGh";
    const { hooks } = router([next, SECRET]);
    const byCurrent = JSON.parse((await read(await hooks.handle(post(signed(validation), validation)))).body);
    expect(byCurrent.encryptedToken).toBe(encrypted);
    const byNext = JSON.parse(
      (await read(await hooks.handle(post(signed(validation, NOW_S, next), validation)))).body,
    );
    expect(byNext.encryptedToken).toBe(
      createHmac("sha256", next).update("qgg8vlvZRS6UYooatFL8Aw").digest("hex"),
    );
  });

  it("answers nothing for a notification, or a validation without a plainToken", async () => {
    const handshake = provider().handshake;
    const header = readHeaders({});
    expect(
      await handshake?.(JSON.parse(fixtureText("zoom", "meeting.started")), { header, keyIndex: 0 }),
    ).toBeUndefined();
    const tokenless = {
      event: "endpoint.url_validation",
      event_ts: 1787234640000,
      payload: { plainToken: 42 },
    };
    expect(await handshake?.(tokenless, { header, keyIndex: 0 })).toBeUndefined();
  });
});

describe("zoom against independent vectors", () => {
  it("accepts the vector @zoom/rivet 0.4.0's AwsLambdaReceiver accepted (computed with Python's hmac)", async () => {
    const body =
      '{"event":"meeting.started","event_ts":1795999999123,"payload":{"account_id":"AAAAAABBBB","object":{"id":"85746065432","uuid":"4444AAAiAAAAAiAiAiiAii==","host_id":"x1yCzABCDEfg23HiJKl4mN","topic":"Weekly","type":2,"start_time":"2026-11-29T08:53:00Z","timezone":"UTC","duration":30}}}';
    const headers = {
      "x-zm-request-timestamp": "1796000000",
      "x-zm-signature": "v0=efd78a1f34c14cc1bf8ff60c4540a6b8c938cba8f8383708301c1adda7904b57",
    };
    const scheme = zoomHmac({ secret: SECRET });
    const check = (text: string) => scheme.verify({ header: readHeaders(headers), body: utf8(text) });
    expect(await check(body)).toEqual({ timestamp: 1796000000, keyIndex: 0 });
    expect(await outcome(() => check(`${body} `))).toBe("invalid_signature");
    expect(await scheme.sign({ body, timestamp: 1796000000 })).toEqual(headers);
  });

  it("signs as node:crypto computes Zoom's layout", async () => {
    for (const type of ["meeting.created", "user.updated"]) {
      const body = fixtureText("zoom", type);
      const { "x-zm-trackingid": _, ...expected } = signed(body);
      expect(await provider().scheme.sign({ body, timestamp: NOW_S })).toEqual(expected);
    }
  });
});
