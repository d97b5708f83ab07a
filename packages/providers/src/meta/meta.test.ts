import { createHmac, timingSafeEqual } from "node:crypto";
import { createWebhooks, type HandshakeAnswer } from "@hookproof/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { answer, clock, fixtureSuite, fixtureText, NOW_S, post } from "../../test/test-support.js";
import { meta, metaHmac } from "./index.js";

// An app secret as the dashboard shows one (32 hex characters), made for these tests.
const SECRET = "0123456789abcdef0123456789abcdef";
const VERIFY_TOKEN = "meatyhamhock";
const provider = () => meta({ secret: SECRET, verifyToken: VERIFY_TOKEN });
const sign = (body: string) => metaHmac({ secret: SECRET }).sign({ body, timestamp: NOW_S });

/** Signs as Meta's own sample verifies (fbsamples/whatsapp-api-examples app.py): hex HMAC-SHA256 of the raw bytes. */
const metaSigns = (body: string, secret = SECRET) => ({
  "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
});
/** Verifies as Meta's sample does. */
function metaVerifies(body: string, header: string): boolean {
  const hex = /^sha256=([0-9a-f]{64})$/.exec(header)?.[1];
  return (
    hex !== undefined &&
    timingSafeEqual(Buffer.from(hex, "hex"), createHmac("sha256", SECRET).update(body).digest())
  );
}

/** A delivery as Meta sends it: `{ object, entry: [{ id, time?, changes | messaging }] }`, non-ASCII escaped. */
function delivery(object: string, entries: object[]): string {
  return JSON.stringify({ object, entry: entries }).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
const whatsapp = JSON.parse(fixtureText("meta", "whatsapp.messages"));
const messenger = JSON.parse(fixtureText("meta", "page.messaging"));
const status = (id: string, state: string) => ({
  id,
  status: state,
  timestamp: String(NOW_S - 30),
  recipient_id: "16505551234",
});
const change = (value: object) => ({
  id: whatsapp.entryId,
  changes: [{ field: "messages", value: { ...whatsapp.value, messages: undefined, ...value } }],
});

fixtureSuite({
  title: "meta fixtures",
  fixtures: "meta",
  provider,
  sign,
  mutations: {
    "whatsapp.messages": { path: ["value", "messages", 0, "id"] },
    "page.messaging": { path: ["value", "timestamp"], set: "1787234640123" },
    "instagram.messaging": { path: ["value", "message", "mid"], set: 5 },
  },
});

describe("meta", () => {
  it("answers the GET verification through handle(): the challenge as text when the token matches, never deduped nor handled", async () => {
    const handshakes: HandshakeAnswer[] = [];
    let handled = 0;
    const hooks = createWebhooks({
      provider: provider(),
      now: clock,
      onHandshake: (h) => handshakes.push(h),
    }).onAny(() => void handled++);
    // Meta's own example (getting-started, "Verification Requests").
    const url =
      "https://receiver.example/webhooks?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock";
    for (let i = 0; i < 2; i++) {
      const response = await hooks.handle(new Request(url));
      expect([response.status, response.headers.get("content-type"), await response.text()]).toEqual([
        200,
        "text/plain",
        "1158201444",
      ]);
    }
    expect(handshakes.map((h) => [h.kind, h.status])).toEqual([
      ["meta.subscribe", 200],
      ["meta.subscribe", 200],
    ]);
    expect(handled).toBe(0);
  });

  it("refuses a wrong verify token or mode with 403 and a reflected-looking challenge with 400, echoing neither", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const get = (query: string) => hooks.handle(new Request(`https://receiver.example/webhooks?${query}`));
    for (const query of [
      "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhocK",
      "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhoc",
      "hub.mode=subscribe&hub.challenge=1158201444",
      "hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock",
    ]) {
      const response = await get(query);
      expect(response.status).toBe(403);
      const text = await response.text();
      expect(text).not.toContain("1158201444");
      expect(text).not.toContain("meatyhamhoc");
    }
    const script = await get("hub.mode=subscribe&hub.challenge=%3Cscript%3E&hub.verify_token=meatyhamhock");
    expect(script.status).toBe(400);
    expect(await script.text()).not.toContain("script");
    // A GET without `hub.mode` is no verification request: it must authenticate like any other.
    const plain = await get("hello=1");
    expect([plain.status, ((await plain.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      "missing_header",
    ]);
  });

  it("handles each change and messaging item of a delivery on its own, signed as Meta signs the escaped body", async () => {
    const seen: [string, string][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("whatsapp.messages", (event, context) => {
        expectTypeOf(event.value.statuses).toEqualTypeOf<
          import("./events.js").WhatsAppStatus[] | undefined
        >();
        seen.push([context.type, context.id]);
      })
      .onAny((_, context) => {
        if (context.type !== "whatsapp.messages") seen.push([context.type, context.id]);
      });
    const wamid = whatsapp.value.messages[0].id;
    const body = delivery("whatsapp_business_account", [
      change({ messages: [{ ...whatsapp.value.messages[0], text: { body: "äöå 😀 @" } }] }),
      change({ statuses: [status(wamid, "delivered")] }),
      change({ statuses: [status(wamid, "read")] }),
    ]);
    expect(body).toContain("\\u00e4\\u00f6\\u00e5 \\ud83d\\ude00 @");
    expect(await answer(hooks, post(metaSigns(body), body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([
      ["whatsapp.messages", wamid],
      ["whatsapp.messages", `${wamid}:delivered`],
      ["whatsapp.messages", `${wamid}:read`],
    ]);
    // Meta's retry resends the same body: every item a duplicate.
    seen.length = 0;
    expect((await answer(hooks, post(metaSigns(body), body))).status).toBe(200);
    expect(seen).toEqual([]);
    // The same items re-serialised (a body parser's output) no longer match the signature.
    const reparsed = JSON.stringify(JSON.parse(body));
    expect((await answer(hooks, post(metaSigns(body), reparsed))).body.error?.code).toBe("invalid_signature");
  });

  it("dedupes a Messenger message by its mid, and an item without an id by its own hash", async () => {
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny(
      (_, context) => void ids.push(context.id),
    );
    const entry = { id: messenger.entryId, time: messenger.time };
    const read = { ...messenger.value, message: undefined, read: { watermark: NOW_S * 1000 - 5000 } };
    const first = delivery("page", [{ ...entry, messaging: [messenger.value, read] }]);
    expect((await answer(hooks, post(metaSigns(first), first))).status).toBe(200);
    expect(ids[0]).toBe(messenger.value.message.mid);
    expect(ids[1]).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Another delivery repeating both items (a new entry time): both duplicates.
    const again = delivery("page", [
      { ...entry, messaging: [messenger.value, read] },
      { ...entry, messaging: [] },
    ]);
    expect((await answer(hooks, post(metaSigns(again), again))).status).toBe(200);
    expect(ids).toHaveLength(2);
  });

  it("refuses an item whose own time is over 72 h old, Meta signing no time", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny(() => undefined);
    const old = { ...messenger.value, timestamp: (NOW_S - 72 * 3600 - 60) * 1000 };
    const body = delivery("page", [{ id: messenger.entryId, messaging: [old] }]);
    const result = await answer(hooks, post(metaSigns(body), body));
    expect(result.body.error?.code).toBe("timestamp_expired");
  });

  it("signs what Meta's sample verifier accepts, and verifies what it signs, for those exact bytes only", async () => {
    const body = delivery("whatsapp_business_account", [change({ statuses: [status("wamid.X", "sent")] })]);
    const header = (await sign(body))["x-hub-signature-256"] as string;
    expect(metaVerifies(body, header)).toBe(true);
    expect(metaVerifies(`${body} `, header)).toBe(false);
    const hooks = createWebhooks({
      provider: meta({ secret: ["old-app-secret-0123456789", SECRET], verifyToken: VERIFY_TOKEN }),
      now: clock,
    }).onAny(() => undefined);
    expect((await answer(hooks, post(metaSigns(body), body))).status).toBe(200);
    expect(
      (await answer(hooks, post(metaSigns(body, "another-app-secret-0123"), body))).body.error?.code,
    ).toBe("invalid_signature");
  });

  it("refuses a delivery that is not `{ object, entry }`, and an empty verify token at creation", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const body = JSON.stringify({ object: "page" });
    expect((await answer(hooks, post(metaSigns(body), body))).body.error?.code).toBe("invalid_payload");
    expect(() => meta({ secret: SECRET, verifyToken: " " })).toThrow(/\[@hookproof\/core\].*verifyToken/);
  });
});
