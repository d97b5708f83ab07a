import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { Paddle } from "@paddle/paddle-node-sdk";
import { describe, expect, expectTypeOf, it } from "vitest";
import { outcome, TEXT_BODIES, utf8 } from "../../test/bodies.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { type PaddleTransaction, paddle, paddleHmac } from "./index.js";

// Paddle's format: `pdl_ntfset_` + the destination's ULID + a random part.
const SECRET = "pdl_ntfset_01k3ct9x8w7v6t5s4r3q2p1n0m_Qm9vZ0hvb2tQcm9vZkZpeHR1cmVTZWNyZXQx";
const provider = () => paddle({ secret: SECRET });
const sdk = new Paddle("pdl_sdbx_apikey_hookproof_cross_check");
const SDK = "@paddle/paddle-node-sdk 3.10.0 notifications/types";

/** What Paddle sends: `ts=<unix>;h1=<hex>`, the HMAC-SHA256 of `{ts}:{body}` keyed by the secret's text. */
const paddleSigns = (body: string, ts = NOW_S - 2, secret = SECRET) => ({
  "paddle-signature": `ts=${ts};h1=${createHmac("sha256", secret).update(`${ts}:${body}`).digest("hex")}`,
});

fixtureSuite({
  title: "paddle fixtures",
  fixtures: "paddle",
  provider,
  sign: (body) => paddleSigns(body),
  mutations: {
    "customer.created": { path: ["data", "email"] },
    "customer.updated": { path: ["data", "marketing_consent"], set: "no" },
    "subscription.canceled": { path: ["data", "items", 0, "quantity"], set: "1" },
    "subscription.created": { path: ["data", "transaction_id"] },
    "subscription.updated": { path: ["data", "billing_cycle", "frequency"] },
    "transaction.completed": { path: ["occurred_at"], set: "yesterday" },
    "transaction.paid": { path: ["data", "payments"], set: {} },
  },
});

allowedSuite({
  title: "paddle: never stricter than the SDK's notification types",
  fixtures: "paddle",
  provider,
  sign: (body) => paddleSigns(body),
  allowed: [
    {
      type: "customer.created",
      path: ["notification_id"],
      set: null,
      source: "@paddle/paddle-node-sdk 3.10.0 types/events `notification_id: string | null`",
    },
    { type: "customer.created", path: ["data", "import_meta"], source: `${SDK}/customer` },
    { type: "transaction.paid", path: ["data", "customer_id"], set: null, source: `${SDK}/transaction` },
    { type: "transaction.completed", path: ["data", "checkout"], source: `${SDK}/transaction` },
    {
      type: "subscription.canceled",
      path: ["data", "current_billing_period"],
      set: null,
      source: `${SDK}/subscription`,
    },
    {
      type: "subscription.updated",
      path: ["data", "items", 0, "price"],
      source: `${SDK}/subscription-item`,
    },
  ],
});

describe("paddle", () => {
  it("routes by `event_type`, dedupes by the signed `event_id` across retries and changed unsigned headers, dates by `occurred_at`", async () => {
    const body = fixtureText("paddle", "transaction.completed");
    const seen: [string, string, string][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "transaction.completed",
      (event, context) => {
        expectTypeOf(event.data).toEqualTypeOf<PaddleTransaction>();
        seen.push([context.type, context.id, event.data.id]);
      },
    );
    expect(await answer(hooks, post(paddleSigns(body), body))).toEqual({ status: 200, body: { ok: true } });
    // Paddle's retry: signed anew a minute later, the same body.
    expect(await answer(hooks, post(paddleSigns(body, NOW_S + 60), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    // A replay with headers nothing signs changed.
    const replay = { ...paddleSigns(body), "x-request-id": "another", "user-agent": "curl/8" };
    expect((await answer(hooks, post(replay, body))).body).toEqual({ ok: true, duplicate: true });
    expect(seen).toEqual([
      ["transaction.completed", "evt_01k3cw6a2b3c4d5e6f7g8h9j0k", "txn_01k3cv4x6y8z0a2b4c6d8f0g2h"],
    ]);
    expect(provider().eventTime?.(JSON.parse(body))).toBe(Date.parse("2026-08-20T13:59:12.251Z"));
  });

  it("refuses a signature older than 300 s, and one from the future beyond it", async () => {
    const body = fixtureText("paddle", "customer.created");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    for (const [ts, code] of [
      [NOW_S - 301, "timestamp_expired"],
      [NOW_S + 301, "timestamp_in_future"],
    ] as const) {
      const result = await answer(hooks, post(paddleSigns(body, ts), body));
      expect([result.status, result.body.error?.code]).toEqual([401, code]);
    }
    // As strict as Paddle's SDK (5 s) when the router is told so.
    const strict = createWebhooks({ provider: provider(), now: clock, tolerance: 5 });
    expect((await answer(strict, post(paddleSigns(body, NOW_S - 6), body))).body.error?.code).toBe(
      "timestamp_expired",
    );
  });

  it("accepts any of several `h1` while a secret rotates, and either of two configured secrets", async () => {
    const body = fixtureText("paddle", "customer.updated");
    const next = "pdl_ntfset_01k3cta7b6c5d4e3f2g1h0j9k8m7_TmV4dFNlY3JldEtleUZvclJvdGF0aW9uMDE";
    const old = paddleSigns(body)["paddle-signature"];
    const fresh = paddleSigns(body, NOW_S - 2, next)["paddle-signature"].split(";")[1];
    const both = { "paddle-signature": `${old};${fresh}` };
    const hooks = (secret: string | string[]) => createWebhooks({ provider: paddle({ secret }), now: clock });
    expect((await answer(hooks(SECRET), post(both, body))).status).toBe(200);
    expect((await answer(hooks(next), post(both, body))).status).toBe(200);
    expect((await answer(hooks([next, SECRET]), post(paddleSigns(body), body))).status).toBe(200);
    const wrong = await answer(hooks(next), post(paddleSigns(body), body));
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, "invalid_signature"]);
  });

  it("verifies the SDK's own vector (webhooks-validator.node.test.ts), and not with another `ts`", async () => {
    const scheme = paddleHmac({ secret: "VALID_SECRET", allowShortSecret: true });
    const body = '{"data": ["1", "2"]}';
    const request = (value: string) => ({
      header: readHeaders({ "Paddle-Signature": value }),
      body: utf8(body),
    });
    const h1 = "h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9";
    expect(await scheme.verify(request(`ts=1698796800;${h1}`))).toEqual({
      timestamp: 1698796800,
      keyIndex: 0,
    });
    expect(await outcome(() => scheme.verify(request(`ts=1698796801;${h1}`)))).toBe("invalid_signature");
  });
});

const bodies = TEXT_BODIES.map((b) => [b.name, b.text] as const);

describe("Paddle's signing (node:crypto, as its SDK computes it) → hookproof paddleHmac", () => {
  it.each(bodies)("%s: passes, and fails under another secret", async (_, body) => {
    const request = { header: readHeaders(paddleSigns(body, 1796000000)), body: utf8(body) };
    expect(await paddleHmac({ secret: SECRET }).verify(request)).toEqual({
      timestamp: 1796000000,
      keyIndex: 0,
    });
    expect(await outcome(() => paddleHmac({ secret: `${SECRET}x` }).verify(request))).toBe(
      "invalid_signature",
    );
  });
});

describe("hookproof paddleHmac → @paddle/paddle-node-sdk 3.10.0", () => {
  it.each(bodies)(
    "%s: isSignatureValid accepts what the preset signs now, for that body only",
    async (_, body) => {
      const ts = Math.floor(Date.now() / 1000);
      const headers = await paddleHmac({ secret: SECRET }).sign({ body, timestamp: ts });
      const value = headers["paddle-signature"] as string;
      expect(value).toBe(paddleSigns(body, ts)["paddle-signature"]);
      expect(await sdk.webhooks.isSignatureValid(body, SECRET, value)).toBe(true);
      expect(await sdk.webhooks.isSignatureValid(`${body} `, SECRET, value)).toBe(false);
    },
  );

  it("unmarshal reads every fixture the preset signs: the same event id and type", async () => {
    for (const type of Object.keys(provider().events)) {
      const body = fixtureText("paddle", type);
      const headers = await provider().scheme.sign({ body, timestamp: Math.floor(Date.now() / 1000) });
      const event = await sdk.webhooks.unmarshal(body, SECRET, headers["paddle-signature"] as string);
      expect([event.eventId, event.eventType]).toEqual([JSON.parse(body).event_id, type]);
    }
  });
});
