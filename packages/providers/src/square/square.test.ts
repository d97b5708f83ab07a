import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { WebhooksHelper } from "square";
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
import { type SquarePayment, square, squareHmac } from "./index.js";

// A Signature Key as the Developer Console shows one: 22 base64url characters, used as text.
const SECRET = "q9V2xK7mB3nR8tY1wZ4aEw";
const provider = () => square({ secret: SECRET });
/** Where `post()` sends: the notification URL registered with Square in these tests. */
const URL = "https://receiver.example/webhooks";
const SDK = "square 46.0.0 api/types";

/** What Square sends: the base64 HMAC-SHA256 of `notificationUrl + body`, keyed by the key's text. */
const squareSigns = (body: string, url = URL, key = SECRET) => ({
  "x-square-hmacsha256-signature": createHmac("sha256", key)
    .update(url + body)
    .digest("base64"),
  "square-environment": "Production",
});

fixtureSuite({
  title: "square fixtures",
  fixtures: "square",
  provider,
  sign: (body) => squareSigns(body),
  mutations: {
    "customer.created": { path: ["data", "object", "customer", "version"], set: "0" },
    "order.created": { path: ["created_at"], set: "not a date" },
    "payment.created": { path: ["event_id"] },
    "payment.updated": { path: ["data", "object", "payment", "amount_money", "amount"], set: "2900" },
    "refund.created": { path: ["data", "object", "refund", "amount_money"] },
  },
});

allowedSuite({
  title: "square: never stricter than the SDK's types",
  fixtures: "square",
  provider,
  sign: (body) => squareSigns(body),
  allowed: [
    { type: "payment.created", path: ["merchant_id"], set: null, source: `${SDK}/PaymentCreatedEvent` },
    { type: "payment.updated", path: ["data", "object", "payment", "order_id"], source: `${SDK}/Payment` },
    {
      type: "refund.created",
      path: ["data", "object", "refund", "reason"],
      set: null,
      source: `${SDK}/PaymentRefund`,
    },
    {
      type: "customer.created",
      path: ["data", "object", "customer", "email_address"],
      set: null,
      source: `${SDK}/Customer`,
    },
    { type: "order.created", path: ["data", "object"], source: `${SDK}/OrderCreatedEventData` },
  ],
});

describe("square", () => {
  it("routes by `type`, dedupes by the signed `event_id` across retries and changed unsigned headers, dates by `created_at`", async () => {
    const body = fixtureText("square", "payment.updated");
    const seen: [string, string, string | undefined][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "payment.updated",
      (event, context) => {
        expectTypeOf(event.data?.object?.payment).toEqualTypeOf<SquarePayment | undefined>();
        seen.push([context.type, context.id, event.data?.object?.payment?.status]);
      },
    );
    expect(await answer(hooks, post(squareSigns(body), body))).toEqual({ status: 200, body: { ok: true } });
    const retry = { ...squareSigns(body), "square-retry-number": "1", "square-retry-reason": "http_timeout" };
    expect(await answer(hooks, post(retry, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(seen).toEqual([["payment.updated", "6a8f5f28-54a1-4eb0-a98a-3111513fd4fc", "COMPLETED"]]);
    // Nanoseconds are read to the millisecond.
    expect(provider().eventTime?.(JSON.parse(body))).toBe(Date.parse("2026-08-20T13:59:02.130Z"));
  });

  it("refuses an event whose signed `created_at` is more than 72 h old: Square's retry span, and nothing signs a time", async () => {
    const event = JSON.parse(fixtureText("square", "payment.created"));
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const at = (seconds: number) =>
      JSON.stringify({ ...event, created_at: new Date((NOW_S - seconds) * 1000).toISOString() });
    const late = at(259_200 - 60);
    expect((await answer(hooks, post(squareSigns(late), late))).status).toBe(200);
    const stale = at(259_200 + 60);
    const result = await answer(hooks, post(squareSigns(stale), stale));
    expect([result.status, result.body.error?.code]).toEqual([401, "timestamp_expired"]);
  });

  it("refuses a signature made for another notification URL: another host, path, port, slash or query", async () => {
    const body = fixtureText("square", "customer.created");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    for (const other of [
      "https://attacker.example/webhooks",
      "https://receiver.example/webhooks/",
      "https://receiver.example:443/webhooks",
      "https://receiver.example/other",
      "https://receiver.example/webhooks?x=1",
      "http://receiver.example/webhooks",
    ]) {
      const result = await answer(hooks, post(squareSigns(body, other), body));
      expect([result.status, result.body.error?.code], other).toEqual([401, "invalid_signature"]);
    }
  });

  it("behind a proxy: the router's `publicUrl`, or the preset's `url` with the request's own query", async () => {
    const body = fixtureText("square", "order.created");
    const inside = (query = "") =>
      new Request(`http://10.0.0.7:3000/webhooks${query}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...squareSigns(body, `${URL}${query}`) },
        body,
      });
    const seen = async (hooks: { handle(request: Request): Promise<Response> }, request: Request) =>
      (await answer(hooks, request)).status;
    expect(await seen(createWebhooks({ provider: provider(), now: clock }), inside())).toBe(401);
    const routed = createWebhooks({
      provider: provider(),
      now: clock,
      publicUrl: "https://receiver.example",
    });
    expect(await seen(routed, inside())).toBe(200);
    const preset = () => createWebhooks({ provider: square({ secret: SECRET, url: URL }), now: clock });
    expect(await seen(preset(), inside())).toBe(200);
    expect(await seen(preset(), inside("?tenant=7"))).toBe(200);
    // The query the request arrived with is the one checked: a signature over the bare URL does not cover it.
    const moved = new Request("http://10.0.0.7:3000/webhooks?tenant=7", {
      method: "POST",
      headers: { "content-type": "application/json", ...squareSigns(body) },
      body,
    });
    expect(await seen(preset(), moved)).toBe(401);
    // A signer sends to `url` unless told otherwise.
    expect(await square({ secret: SECRET, url: URL }).scheme.sign({ body })).toEqual({
      "x-square-hmacsha256-signature": squareSigns(body)["x-square-hmacsha256-signature"],
    });
  });

  it("refuses a `url` that is not the endpoint's absolute URL without query, when created", () => {
    for (const url of ["/webhooks", "receiver.example/webhooks", `${URL}?a=1`, `${URL}#x`, "ftp://x/y", 7]) {
      expect(() => square({ secret: SECRET, url: url as string }), String(url)).toThrow(
        /^\[@hookproof\/core\] `square\(\{ url \}\)` must be the endpoint's public URL/,
      );
    }
  });

  it("verifies the SDK's vectors (tests/integration/webhooks.test.ts), and not at another URL", async () => {
    const body =
      '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}';
    const url = "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9";
    const scheme = squareHmac({ secret: "Ibxx_5AKakO-3qeNVR61Dw", allowShortSecret: true });
    const request = (at: string) => ({
      header: readHeaders({
        "x-square-hmacsha256-signature": "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=",
      }),
      body: utf8(body),
      url: at,
    });
    expect(await scheme.verify(request(url))).toEqual({ keyIndex: 0 });
    expect(await outcome(() => scheme.verify(request(`${url}/`)))).toBe("invalid_signature");
  });
});

const bodies = TEXT_BODIES.map((b) => [b.name, b.text] as const);
const HERE = "https://hooks.example.com/square?tenant=7";

describe("Square's signing (node:crypto, as its SDK computes it) → hookproof squareHmac", () => {
  it.each(bodies)("%s: passes at its URL, and fails under another key", async (_, body) => {
    const request = { header: readHeaders(squareSigns(body, HERE)), body: utf8(body), url: HERE };
    expect(await squareHmac({ secret: SECRET }).verify(request)).toEqual({ keyIndex: 0 });
    expect(await outcome(() => squareHmac({ secret: `${SECRET}x` }).verify(request))).toBe(
      "invalid_signature",
    );
  });
});

describe("hookproof squareHmac → square 46.0.0 WebhooksHelper.verifySignature", () => {
  it.each(bodies)("%s: accepts what the preset signs, for that body and URL only", async (_, body) => {
    const headers = await squareHmac({ secret: SECRET }).sign({ body, url: HERE });
    const signatureHeader = headers["x-square-hmacsha256-signature"] as string;
    expect(signatureHeader).toBe(squareSigns(body, HERE)["x-square-hmacsha256-signature"]);
    const verify = (requestBody: string, notificationUrl: string) =>
      WebhooksHelper.verifySignature({
        requestBody,
        signatureHeader,
        signatureKey: SECRET,
        notificationUrl,
      });
    expect(await verify(body, HERE)).toBe(true);
    expect(await verify(`${body} `, HERE)).toBe(false);
    expect(await verify(body, "https://hooks.example.com/square")).toBe(false);
  });
});
