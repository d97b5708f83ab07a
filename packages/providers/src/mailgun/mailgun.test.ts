import { createHmac, timingSafeEqual } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { answer, clock, fixtureSuite, fixtureText, NOW_S, post } from "../../test/test-support.js";
import { mailgun } from "./index.js";

/** The test key the fixtures are signed with, shaped like Mailgun's HTTP webhook signing keys. */
const KEY = "4b1a5c2e9d7f3a6b8c0e1d2f3a4b5c6d-6f3a2b1c-8e9d7c6b";
const provider = () => mailgun({ secret: KEY });

interface Block {
  timestamp: string;
  token: string;
  signature: string;
  "parent-signature"?: string;
}

/** Mailgun's documented algorithm, with node:crypto: hex HMAC-SHA256 of `timestamp + token`, no separator. */
const mac = (key: string, timestamp: string, token: string) =>
  createHmac("sha256", key)
    .update(timestamp + token)
    .digest("hex");

/** A delivery as Mailgun makes it: `event-data` beside a signature block over a fresh timestamp and token. */
function mailgunSends(eventData: unknown, timestamp: number, token: string, key = KEY): string {
  const signature = mac(key, String(timestamp), token);
  return JSON.stringify({
    signature: { token, timestamp: String(timestamp), signature },
    "event-data": eventData,
  });
}

/** A body as text: schemes may write bytes. */
const text = (body: string | Uint8Array) =>
  typeof body === "string" ? body : new TextDecoder().decode(body);

/** mailgun-php's `verifyWebhookSignature` (src/Api/Webhook.php): `hash_equals` over the hex HMAC, no clock. */
function mailgunPhpVerifies(raw: string, key: string): boolean {
  const { timestamp, token, signature } = (JSON.parse(raw) as { signature: Block }).signature;
  const expected = Buffer.from(mac(key, timestamp, token));
  const got = Buffer.from(signature);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** The fixture, re-signed by the preset over its own timestamp and token (the same bytes when unchanged). */
async function presetSends(body: string): Promise<{ headers: Record<string, string>; body: string }> {
  const { signature } = JSON.parse(body) as { signature: Block };
  const signed = await provider().scheme.signBody?.({
    body,
    id: signature.token,
    timestamp: Number(signature.timestamp),
  });
  if (!signed) throw new Error("bodySignature writes the body");
  return { headers: { "content-type": "application/json", ...signed.headers }, body: text(signed.body) };
}

const data = (type: string) =>
  (JSON.parse(fixtureText("mailgun", type)) as { "event-data": unknown })["event-data"];
const TOKEN = "9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a77";

fixtureSuite({
  title: "mailgun fixtures",
  fixtures: "mailgun",
  provider,
  wire: presetSends,
  mutations: {
    accepted: { path: ["event-data", "recipient"] },
    delivered: { path: ["event-data", "timestamp"], set: "1787234500.908181" },
    failed: { path: ["event-data", "severity"] },
    opened: { path: ["event-data", "id"] },
    clicked: { path: ["event-data", "url"] },
    unsubscribed: { path: ["event-data", "timestamp"] },
    complained: { path: ["event-data", "message", "headers", "message-id"] },
  },
});

describe("mailgun", () => {
  it("keeps each fixture's own signature: it is Mailgun's algorithm over the fixture's timestamp and token", () => {
    for (const type of [
      "accepted",
      "delivered",
      "failed",
      "opened",
      "clicked",
      "unsubscribed",
      "complained",
    ]) {
      const raw = fixtureText("mailgun", type);
      expect(mailgunPhpVerifies(raw, KEY), type).toBe(true);
    }
  });

  it("routes by `event-data.event`, identifies by the signed token, dates by `event-data.timestamp`", () => {
    const payload = JSON.parse(fixtureText("mailgun", "failed"));
    const preset = provider();
    expect(preset.eventType(payload, readHeaders({}))).toBe("failed");
    expect(preset.eventType({ signature: {} }, readHeaders({}))).toBeUndefined();
    expect(preset.eventId?.(payload, payload.signature.token)).toBe(payload.signature.token);
    expect(preset.eventTime?.(payload)).toBe(1_787_234_520_908.181);
  });

  it("accepts what Mailgun's algorithm signs (node:crypto), and mailgun-php's check accepts what the preset signs", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("delivered", () => {});
    const sent = mailgunSends(data("delivered"), NOW_S - 30, TOKEN);
    expect((await answer(hooks, post({ "content-type": "application/json" }, sent))).body).toEqual({
      ok: true,
    });

    const signed = await provider().scheme.signBody?.({
      body: JSON.stringify({ "event-data": data("opened") }),
    });
    expect(signed && mailgunPhpVerifies(text(signed.body), KEY)).toBe(true);
    expect(signed && mailgunPhpVerifies(text(signed.body), `${KEY}0`)).toBe(false);
  });

  it("checks a fixed vector: key, timestamp and token of the research note's example, HMAC by node:crypto", async () => {
    // Key "b1c2…-6c7a4e1f" and 2026-11-30T06:20:00Z from the note's scratch script; the token fixed here.
    const key = "b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6-2b91eb47-6c7a4e1f";
    const timestamp = "1764483600";
    const token = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
    const signature = mac(key, timestamp, token);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    const scheme = mailgun({ secret: key }).scheme;
    const raw = JSON.stringify({
      signature: { timestamp, token, signature },
      "event-data": { event: "delivered" },
    });
    const result = await scheme.verify({ header: readHeaders({}), body: utf8(raw) });
    expect(result).toMatchObject({ id: token, timestamp: 1_764_483_600, keyIndex: 0 });
    // The preset signs the same bytes for the same inputs.
    const own = await scheme.signBody?.({
      body: '{"event-data":{"event":"delivered"}}',
      id: token,
      timestamp: 1_764_483_600,
    });
    expect((JSON.parse(text(own?.body ?? "{}")) as { signature: Block }).signature.signature).toBe(signature);
  });

  it("dedupes a retry and a replay with another event-data by the signed token; a new token is handled", async () => {
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_event, context) => {
      seen.push(`${context.type}:${context.id}`);
    });
    const first = mailgunSends(data("failed"), NOW_S - 60, TOKEN);
    expect((await hooks.process({ headers: {}, body: first })).body).toBe('{"ok":true}');
    // Mailgun's retry: the same bytes, the original signature.
    expect(JSON.parse((await hooks.process({ headers: {}, body: first })).body)).toEqual({
      ok: true,
      duplicate: true,
    });
    // A captured signature replayed with other (unsigned) event-data: a duplicate, never handled.
    const forged = JSON.stringify({ ...JSON.parse(first), "event-data": data("complained") });
    const replay = await hooks.process({ headers: { "x-request-id": "fresh" }, body: forged });
    expect(JSON.parse(replay.body)).toEqual({ ok: true, duplicate: true });
    const other = mailgunSends(
      data("complained"),
      NOW_S - 60,
      "8e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c66",
    );
    expect((await hooks.process({ headers: {}, body: other })).status).toBe(200);
    expect(seen).toEqual([
      `failed:${TOKEN}`,
      "complained:8e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c66",
    ]);
  });

  it("accepts Mailgun's last retry, 8 h after signing, and refuses a signature older than 8 h 15 min", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("failed", () => {});
    const retry = mailgunSends(data("failed"), NOW_S - 8 * 3600, TOKEN);
    expect((await hooks.process({ headers: {}, body: retry })).status).toBe(200);
    const stale = await hooks.process({
      headers: {},
      body: mailgunSends(data("failed"), NOW_S - 29_701, TOKEN.slice(1)),
    });
    expect(stale.status).toBe(401);
    expect(JSON.parse(stale.body).error.code).toBe("timestamp_expired");
    expect(provider().tolerance).toBe(29_700);
    // The router's own tolerance wins: a 300 s window refuses the 8 h old retry.
    const strict = createWebhooks({ provider: provider(), now: clock, tolerance: 300 }).on(
      "failed",
      () => {},
    );
    expect(JSON.parse((await strict.process({ headers: {}, body: retry })).body).error.code).toBe(
      "timestamp_expired",
    );
  });

  it("refuses a wrong key, a changed timestamp or token, and a missing block, never echoing the key or signature", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("delivered", () => {});
    const wrong = await hooks.process({
      headers: {},
      body: mailgunSends(data("delivered"), NOW_S, TOKEN, `${KEY}x`),
    });
    expect([wrong.status, JSON.parse(wrong.body).error.code]).toEqual([401, "invalid_signature"]);
    expect(wrong.body).not.toContain(KEY);
    expect(wrong.body).not.toContain(mac(KEY, String(NOW_S), TOKEN));
    const sent = JSON.parse(mailgunSends(data("delivered"), NOW_S, TOKEN)) as { signature: Block };
    for (const change of [{ timestamp: String(NOW_S - 1) }, { token: `${TOKEN}x` }]) {
      const body = JSON.stringify({ ...sent, signature: { ...sent.signature, ...change } });
      expect(JSON.parse((await hooks.process({ headers: {}, body })).body).error.code).toBe(
        "invalid_signature",
      );
    }
    const bare = await hooks.process({
      headers: {},
      body: JSON.stringify({ "event-data": data("delivered") }),
    });
    expect([bare.status, JSON.parse(bare.body).error.code]).toEqual([401, "invalid_signature"]);
  });

  it("accepts a subaccount's parent-signature under the primary key, and either key while rotating", async () => {
    const parent = "9f8e7d6c5b4a39281706f5e4d3c2b1a0-1a2b3c4d-5e6f7a8b";
    const block = {
      timestamp: String(NOW_S),
      token: TOKEN,
      signature: mac("subaccount-key-0123456789abcdef", String(NOW_S), TOKEN),
      "parent-signature": mac(parent, String(NOW_S), TOKEN),
    };
    const raw = utf8(JSON.stringify({ signature: block, "event-data": data("opened") }));
    const scheme = mailgun({ secret: [KEY, parent] }).scheme;
    expect(await scheme.verify({ header: readHeaders({}), body: raw })).toMatchObject({
      keyIndex: 1,
      id: TOKEN,
    });
    expect(await outcome(() => provider().scheme.verify({ header: readHeaders({}), body: raw }))).toBe(
      "invalid_signature",
    );
  });
});
