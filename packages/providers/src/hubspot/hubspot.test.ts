import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { Signature } from "@hubspot/api-client";
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
import { hubspot, hubspotHmac } from "./index.js";

// A client secret as HubSpot issues one: a UUID, used as text.
const SECRET = "c0ffee00-1234-4abc-9def-0123456789ab";
const provider = () => hubspot({ secret: SECRET });
/** Where `post()` sends: the app's webhook target URL in these tests. */
const TARGET = "https://receiver.example/webhooks";
const FIELDS = "HubSpot's Webhooks API reference";

/** What HubSpot sends: `X-HubSpot-Signature-v3`, base64 HMAC of `{method}{url}{body}{timestamp ms}`. */
const hubspotSigns = (body: string, ms = NOW_S * 1000 - 1500, url = TARGET, method = "POST") => ({
  "x-hubspot-signature-v3": createHmac("sha256", SECRET)
    .update(`${method}${url}${body}${ms}`)
    .digest("base64"),
  "x-hubspot-request-timestamp": String(ms),
});

/** A request as HubSpot sends one: the notifications in one array. */
const batch = (...types: string[]) => `[${types.map((t) => fixtureText("hubspot", t)).join(",")}]`;

fixtureSuite({
  title: "hubspot fixtures",
  fixtures: "hubspot",
  provider,
  sign: (body) => hubspotSigns(body),
  mutations: {
    "company.creation": { path: ["portalId"] },
    "company.propertyChange": { path: ["propertyName"] },
    "contact.creation": { path: ["eventId"], set: "3511538701" },
    "contact.deletion": { path: ["occurredAt"], set: "2026-08-20T14:03:10Z" },
    "contact.propertyChange": { path: ["propertyValue"], set: 7 },
    "deal.creation": { path: ["subscriptionId"] },
    "deal.propertyChange": { path: ["objectId"], set: "7700112233" },
  },
});

allowedSuite({
  title: "hubspot: only the fields every notification carries are required",
  fixtures: "hubspot",
  provider,
  sign: (body) => hubspotSigns(body),
  allowed: [
    { type: "contact.creation", path: ["changeFlag"], source: FIELDS },
    { type: "contact.propertyChange", path: ["sourceId"], source: FIELDS },
    { type: "deal.propertyChange", path: ["propertyValue"], source: `${FIELDS}: a cleared property` },
    { type: "company.creation", path: ["appId"], source: FIELDS },
  ],
});

describe("hubspot", () => {
  it("handles each notification of a request, typed by `subscriptionType` and identified by portal, subscription and event", async () => {
    const body = batch("contact.creation", "contact.propertyChange", "deal.creation");
    const seen: string[][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("contact.propertyChange", (change, context) => {
        expectTypeOf(change.propertyName).toEqualTypeOf<string>();
        seen.push([context.type, context.id, change.propertyName]);
      })
      .onAny((_, context) => {
        if (context.type !== "contact.propertyChange") seen.push([context.type, context.id]);
      });
    expect(await answer(hooks, post(hubspotSigns(body), body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([
      ["contact.creation", "62515:2214001:3511538701"],
      ["contact.propertyChange", "62515:2214002:3511538702", "email"],
      ["deal.creation", "62515:2214006:3511538706"],
    ]);
    expect(provider().eventTime?.(JSON.parse(fixtureText("hubspot", "deal.creation")))).toBe(1787234512009);
  });

  it("through hooks.process(): one notification's handler fails, the request answers 500, and HubSpot's retry runs only it", async () => {
    const notifications = ["contact.creation", "contact.propertyChange", "deal.propertyChange"];
    const runs: string[] = [];
    let failing = true;
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      runs.push(context.type);
      if (failing && context.type === "contact.propertyChange") throw new Error("CRM sync unavailable");
    });
    const body = batch(...notifications);
    const first = await hooks.process({ headers: hubspotSigns(body), body, method: "POST", url: TARGET });
    expect(first.status).toBe(500);
    failing = false;
    // HubSpot's retry: re-signed later, each notification's `attemptNumber` one more, so other bytes.
    const retry = `[${notifications
      .map((t) => JSON.stringify({ ...JSON.parse(fixtureText("hubspot", t)), attemptNumber: 1 }))
      .join(",")}]`;
    const second = await hooks.process({
      headers: hubspotSigns(retry, NOW_S * 1000 + 60_000),
      body: retry,
      method: "POST",
      url: TARGET,
    });
    expect(second.status).toBe(200);
    expect(runs).toEqual([
      "contact.creation",
      "contact.propertyChange",
      "deal.propertyChange",
      "contact.propertyChange",
    ]);
  });

  it("dedupes a replay with changed unsigned headers, and keeps apart equal eventIds of two portals", async () => {
    const one = fixtureText("hubspot", "contact.creation");
    const other = JSON.stringify({ ...JSON.parse(one), portalId: 99887 });
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    const body = `[${one}]`;
    expect((await answer(hooks, post(hubspotSigns(body), body))).body).toEqual({ ok: true });
    const replay = { ...hubspotSigns(body), "x-hubspot-signature": "0".repeat(64), "user-agent": "curl/8" };
    expect((await answer(hooks, post(replay, body))).body).toEqual({ ok: true, duplicate: true });
    const elsewhere = `[${other}]`;
    expect((await answer(hooks, post(hubspotSigns(elsewhere), elsewhere))).body).toEqual({ ok: true });
    expect(ids).toEqual(["62515:2214001:3511538701", "99887:2214001:3511538701"]);
  });

  it("refuses a timestamp more than 300 s old (HubSpot's limit) or ahead, another method, URL or body", async () => {
    const body = batch("deal.propertyChange");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const code = async (headers: Record<string, string>, sent = body) =>
      (await answer(hooks, post(headers, sent))).body.error?.code;
    expect(await code(hubspotSigns(body, (NOW_S - 301) * 1000))).toBe("timestamp_expired");
    expect(await code(hubspotSigns(body, (NOW_S + 301) * 1000))).toBe("timestamp_in_future");
    expect(await code(hubspotSigns(body, undefined, TARGET, "PUT"))).toBe("invalid_signature");
    expect(await code(hubspotSigns(body, undefined, `${TARGET}/`))).toBe("invalid_signature");
    expect(await code(hubspotSigns(body, undefined, "https://receiver.example/webhooks?portal=1"))).toBe(
      "invalid_signature",
    );
    expect(await code(hubspotSigns(body), body.replace("closedwon", "closedlost"))).toBe("invalid_signature");
    // The timestamp is signed in milliseconds: a seconds value under the same MAC does not pass.
    const headers = hubspotSigns(body);
    expect(await code({ ...headers, "x-hubspot-request-timestamp": String(NOW_S - 1) })).toBe(
      "invalid_signature",
    );
  });

  it("behind a proxy: the preset's `url`, with the request's own query", async () => {
    const body = batch("company.creation");
    const inside = new Request("http://10.0.0.7:3000/webhooks?portal=62515", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...hubspotSigns(body, undefined, `${TARGET}?portal=62515`),
      },
      body,
    });
    const hooks = createWebhooks({ provider: hubspot({ secret: SECRET, url: TARGET }), now: clock });
    expect((await answer(hooks, inside)).status).toBe(200);
    expect(() => hubspot({ secret: SECRET, url: "/webhooks" })).toThrow(
      /^\[@hookproof\/core\] `hubspot\(\{ url \}\)` must be/,
    );
  });
});

const bodies = TEXT_BODIES.map((b) => [b.name, b.text] as const);
const HERE = "https://hooks.example.com/hubspot?app=54321";

describe("@hubspot/api-client 13.5.0 Signature.getSignature (v3) → hookproof hubspotHmac", () => {
  it.each(bodies)("%s: passes at its method and URL, and fails under another secret", async (_, body) => {
    const timestamp = 1796000000000;
    const signature = Signature.getSignature("POST", "v3", {
      // `ISignatureOptions` types `signature` as required; `getSignature` does not read it.
      signature: "",
      clientSecret: SECRET,
      requestBody: body,
      url: HERE,
      timestamp,
    });
    const request = {
      header: readHeaders({
        "X-HubSpot-Signature-v3": signature,
        "X-HubSpot-Request-Timestamp": String(timestamp),
      }),
      body: utf8(body),
      method: "POST",
      url: HERE,
    };
    expect(await hubspotHmac({ secret: SECRET }).verify(request)).toEqual({
      timestamp: 1796000000,
      keyIndex: 0,
    });
    expect(await outcome(() => hubspotHmac({ secret: `${SECRET}x` }).verify(request))).toBe(
      "invalid_signature",
    );
  });
});

describe("hookproof hubspotHmac → @hubspot/api-client 13.5.0 Signature.isValid (v3)", () => {
  it.each(bodies)(
    "%s: accepts what the preset signs now, for that body, URL and method only",
    async (_, body) => {
      const now = Math.floor(Date.now() / 1000);
      const headers = await hubspotHmac({ secret: SECRET }).sign({
        body,
        timestamp: now,
        url: HERE,
        method: "POST",
      });
      const signature = headers["x-hubspot-signature-v3"] as string;
      const timestamp = Number(headers["x-hubspot-request-timestamp"]);
      expect(timestamp).toBe(now * 1000);
      const valid = (requestBody: string, url: string, method = "POST") =>
        Signature.isValid({
          signatureVersion: "v3",
          signature,
          clientSecret: SECRET,
          requestBody,
          url,
          method,
          timestamp,
        });
      expect(valid(body, HERE)).toBe(true);
      expect(valid(`${body} `, HERE)).toBe(false);
      expect(valid(body, "https://hooks.example.com/hubspot")).toBe(false);
      expect(valid(body, HERE, "PUT")).toBe(false);
    },
  );
});
