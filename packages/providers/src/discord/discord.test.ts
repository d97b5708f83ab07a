import { generateKeyPairSync, sign as nodeSign } from "node:crypto";
import type { HandshakeAnswer } from "@hookproof/core";
import { createWebhooks } from "@hookproof/core";
import { verifyKey } from "discord-interactions";
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
import { discord, discordEd25519 } from "./index.js";

// RFC 8032 §7.1 test 1: a published key pair, so fixtures and `hookproof send` can sign as Discord would.
const TEST_PRIVATE = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const TEST_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const provider = () => discord({ publicKey: TEST_PUBLIC, privateKey: TEST_PRIVATE });

/** A fresh key pair as Discord holds one: the raw public key in hex, the node:crypto private key. */
function discordKeys() {
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  return { publicKey: Buffer.from(jwk.x ?? "", "base64url").toString("hex"), privateKey };
}

/** Signs as Discord does (discord-interactions' own test signer): Ed25519 over `{timestamp}{body}`, hex. */
function discordSigns(
  body: string,
  key: ReturnType<typeof discordKeys>["privateKey"],
  timestamp = NOW_S,
): Record<string, string> {
  const signature = nodeSign(null, Buffer.from(`${timestamp}${body}`), key).toString("hex");
  return { "x-signature-ed25519": signature, "x-signature-timestamp": String(timestamp) };
}

const sign = (body: string) => provider().scheme.sign({ body, timestamp: NOW_S });

fixtureSuite({
  title: "discord fixtures",
  fixtures: "discord",
  provider,
  sign,
  mutations: {
    APPLICATION_COMMAND: { path: ["data", "name"] },
    APPLICATION_COMMAND_AUTOCOMPLETE: { path: ["data", "options", 0, "focused"], set: "yes" },
    MESSAGE_COMPONENT: { path: ["data", "custom_id"], set: 3 },
    MODAL_SUBMIT: { path: ["token"] },
  },
});

const INTERACTION = "discord-api-docs `receiving-and-responding.mdx` Interaction Structure (`?` fields)";

allowedSuite({
  title: "discord: what Discord's interaction structure allows",
  fixtures: "discord",
  provider,
  sign,
  allowed: [
    { type: "APPLICATION_COMMAND", path: ["guild_id"], source: INTERACTION },
    { type: "APPLICATION_COMMAND", path: ["member"], source: `${INTERACTION}: DMs carry \`user\`` },
    { type: "MESSAGE_COMPONENT", path: ["data", "values"], source: "Message Component Data: buttons" },
    { type: "MODAL_SUBMIT", path: ["locale"], source: INTERACTION },
    { type: "APPLICATION_COMMAND", path: ["data", "options"], source: "Application Command Data `options?`" },
  ],
});

describe("discord", () => {
  it("accepts an interaction signed as Discord signs it, typed by its interaction type, id from the body", async () => {
    const keys = discordKeys();
    const body = fixtureText("discord", "APPLICATION_COMMAND");
    const seen: unknown[] = [];
    const hooks = createWebhooks({
      provider: discord({ publicKey: keys.publicKey }),
      now: clock,
    }).on("APPLICATION_COMMAND", (interaction, context) => {
      expectTypeOf(interaction.data.name).toEqualTypeOf<string>();
      expectTypeOf(interaction.type).toEqualTypeOf<2>();
      seen.push([interaction.data.name, context.id]);
    });
    const result = await answer(hooks, post(discordSigns(body, keys.privateKey), body));
    expect(result).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([["blep", "1539998683758727169"]]);
  });

  it("signs what discord-interactions `verifyKey` accepts, and only for the exact body and timestamp", async () => {
    const body = fixtureText("discord", "MODAL_SUBMIT");
    const headers = await discordEd25519({ publicKey: TEST_PUBLIC, privateKey: TEST_PRIVATE }).sign({
      body,
      timestamp: NOW_S,
    });
    const signature = headers["x-signature-ed25519"] as string;
    expect(headers["x-signature-timestamp"]).toBe(String(NOW_S));
    expect(await verifyKey(body, signature, String(NOW_S), TEST_PUBLIC)).toBe(true);
    expect(await verifyKey(`${body} `, signature, String(NOW_S), TEST_PUBLIC)).toBe(false);
    expect(await verifyKey(body, signature, String(NOW_S + 1), TEST_PUBLIC)).toBe(false);
  });

  it("answers a signed PING with PONG through hooks.handle(), never handled nor deduped", async () => {
    const keys = discordKeys();
    // The PING of discord-interactions' tests and Discord's docs ("Acknowledging PING requests").
    const ping =
      '{"id":"1539998683759267845","application_id":"1539998683758592000","type":1,"version":1,"token":"t"}';
    const handshakes: HandshakeAnswer[] = [];
    let handled = 0;
    const hooks = createWebhooks({
      provider: discord({ publicKey: keys.publicKey }),
      now: clock,
      onHandshake: (h) => handshakes.push(h),
    });
    for (const type of ["APPLICATION_COMMAND", "1"]) hooks.on(type, () => void handled++);
    for (let i = 0; i < 2; i++) {
      const response = await hooks.handle(post(discordSigns(ping, keys.privateKey), ping));
      expect([response.status, response.headers.get("content-type"), await response.text()]).toEqual([
        200,
        "application/json",
        '{"type":1}',
      ]);
    }
    expect(handshakes.map((h) => h.kind)).toEqual(["discord.ping", "discord.ping"]);
    expect(handled).toBe(0);
  });

  it("refuses a PING with a bad signature (Discord's own endpoint check) without answering PONG", async () => {
    const keys = discordKeys();
    const ping =
      '{"id":"1539998683759267845","application_id":"1539998683758592000","type":1,"version":1,"token":"t"}';
    const hooks = createWebhooks({ provider: discord({ publicKey: keys.publicKey }), now: clock });
    const forged = await answer(hooks, post(discordSigns(ping, discordKeys().privateKey), ping));
    expect([forged.status, forged.body.error?.code]).toEqual([401, "invalid_signature"]);
  });

  it("dedupes a retry and a replay re-signed with a later timestamp by the interaction id", async () => {
    const keys = discordKeys();
    const body = fixtureText("discord", "MESSAGE_COMPONENT");
    let handled = 0;
    const hooks = createWebhooks({ provider: discord({ publicKey: keys.publicKey }), now: clock }).on(
      "MESSAGE_COMPONENT",
      () => void handled++,
    );
    const headers = discordSigns(body, keys.privateKey);
    expect((await answer(hooks, post(headers, body))).body).toEqual({ ok: true });
    expect((await answer(hooks, post(headers, body))).body).toEqual({ ok: true, duplicate: true });
    const later = discordSigns(body, keys.privateKey, NOW_S + 30);
    expect((await answer(hooks, post(later, body))).body).toEqual({ ok: true, duplicate: true });
    expect(handled).toBe(1);
  });

  it("refuses a signed timestamp more than 300 s away, a tampered body and missing headers", async () => {
    const keys = discordKeys();
    const body = fixtureText("discord", "APPLICATION_COMMAND");
    const hooks = createWebhooks({ provider: discord({ publicKey: keys.publicKey }), now: clock });
    const late = await answer(hooks, post(discordSigns(body, keys.privateKey, NOW_S - 301), body));
    expect([late.status, late.body.error?.code]).toEqual([401, "timestamp_expired"]);
    const tampered = await answer(
      hooks,
      post(discordSigns(body, keys.privateKey), body.replace("blep", "bleq")),
    );
    expect([tampered.status, tampered.body.error?.code]).toEqual([401, "invalid_signature"]);
    const missing = await answer(hooks, post({ "x-signature-timestamp": String(NOW_S) }, body));
    expect([missing.status, missing.body.error?.code]).toEqual([400, "missing_header"]);
  });

  it("routes an interaction type it does not list by its number, unvalidated", async () => {
    const body = '{"id":"1539998683759403014","application_id":"1","type":9,"version":1,"token":"t"}';
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("9", (event) => seen.push(event));
    expect(await answer(hooks, post(await sign(body), body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([JSON.parse(body)]);
  });

  it("refuses a public key that is not 64 hex characters when created", () => {
    expect(() => discord({ publicKey: "not-a-key" })).toThrow(/\[@hookproof\/core\].*64 hex/);
  });
});
