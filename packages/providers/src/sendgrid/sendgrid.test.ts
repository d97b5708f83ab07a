import { generateKeyPairSync, sign as nodeSign } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { EventWebhook } from "@sendgrid/eventwebhook";
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
import { sendgrid, sendgridEcdsa } from "./index.js";

// A P-256 pair made for these tests and @hookproof/testing's fixtures (public, never for production).
const TEST_PUBLIC =
  "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEA6/M8KyeEBjDIMRRsAum4DxCMhHOlet+rpdWr6Ba/VBUwV9GCPUoKnO5wyD4MYC9rrtccpIP/JSf+sUjd+bBrQ==";
const TEST_PRIVATE =
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQga2D4uct2HrtQz6lGNGsjBvbNBrJQT6uyMxdjzM2gzNWhRANCAAQDr8zwrJ4QGMMgxFGwC6bgPEIyEc6V636ul1avoFr9UFTBX0YI9Sgqc7nDIPgxgL2uu1xykg/8lJ/6xSN35sGt";
const provider = () => sendgrid({ publicKey: TEST_PUBLIC, privateKey: TEST_PRIVATE });
const sign = (body: string) => provider().scheme.sign({ body, timestamp: NOW_S });
const sdk = new EventWebhook();

/** A fresh webhook key pair, as SendGrid makes one when signing is enabled. */
function sendgridKeys() {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"), privateKey };
}

/** Signs as SendGrid does: ECDSA P-256 / SHA-256 over `{timestamp}{body}`, base64 DER. */
function sendgridSigns(
  body: string,
  key: ReturnType<typeof sendgridKeys>["privateKey"],
  timestamp = NOW_S,
): Record<string, string> {
  const signature = nodeSign("sha256", Buffer.from(`${timestamp}${body}`), { key, dsaEncoding: "der" });
  return {
    "x-twilio-email-event-webhook-signature": signature.toString("base64"),
    "x-twilio-email-event-webhook-timestamp": String(timestamp),
  };
}

/** A delivery as SendGrid sends it: the events joined by `,\r\n`, a trailing `\r\n` (eventwebhook.spec.js). */
const delivery = (...types: string[]) =>
  `[${types.map((t) => fixtureText("sendgrid", t)).join(",\r\n")}]\r\n`;

fixtureSuite({
  title: "sendgrid fixtures",
  fixtures: "sendgrid",
  provider,
  sign,
  mutations: {
    processed: { path: ["sg_event_id"] },
    deferred: { path: ["attempt"], set: 5 },
    delivered: { path: ["email"] },
    bounce: { path: ["reason"], set: 500 },
    dropped: { path: ["timestamp"], set: "1787234605" },
    open: { path: ["sg_machine_open"], set: "no" },
    click: { path: ["url"] },
    spamreport: { path: ["category"], set: 1 },
    unsubscribe: { path: ["smtp-id"], set: [] },
    group_unsubscribe: { path: ["asm_group_id"] },
    group_resubscribe: { path: ["asm_group_id"], set: "10" },
  },
});

const EVENTS = "SendGrid event reference";

allowedSuite({
  title: "sendgrid: what SendGrid's event reference allows",
  fixtures: "sendgrid",
  provider,
  sign,
  allowed: [
    { type: "bounce", path: ["sg_message_id"], source: `${EVENTS}: absent on asynchronous bounces` },
    { type: "delivered", path: ["category"], set: "cat facts", source: `${EVENTS}: a string or a list` },
    { type: "bounce", path: ["type"], set: "blocked", source: `${EVENTS}: \`bounce\` or \`blocked\`` },
    { type: "click", path: ["url_offset"], source: EVENTS },
    { type: "open", path: ["useragent"], source: EVENTS },
  ],
});

describe("sendgrid", () => {
  it("handles each event of a delivery signed as SendGrid signs it, typed and identified by its own fields", async () => {
    const keys = sendgridKeys();
    const body = delivery("processed", "delivered", "open");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: sendgrid({ publicKey: keys.publicKey }), now: clock })
      .on("delivered", (event, context) => {
        expectTypeOf(event.response).toEqualTypeOf<string | undefined>();
        seen.push([context.type, context.id]);
      })
      .onAny((_, context) => {
        if (context.type !== "delivered") seen.push([context.type, context.id]);
      });
    expect(await answer(hooks, post(sendgridSigns(body, keys.privateKey), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const id = (type: string) => JSON.parse(fixtureText("sendgrid", type)).sg_event_id;
    expect(seen).toEqual([
      ["processed", id("processed")],
      ["delivered", id("delivered")],
      ["open", id("open")],
    ]);
  });

  it("signs what @sendgrid/eventwebhook verifies, for that exact body and timestamp only", async () => {
    const body = delivery("bounce", "dropped");
    const headers = await sendgridEcdsa({ publicKey: TEST_PUBLIC, privateKey: TEST_PRIVATE }).sign({
      body,
      timestamp: NOW_S,
    });
    const signature = headers["x-twilio-email-event-webhook-signature"] as string;
    const key = sdk.convertPublicKeyToECDSA(TEST_PUBLIC);
    expect(sdk.verifySignature(key, body, signature, String(NOW_S))).toBe(true);
    expect(sdk.verifySignature(key, body.trimEnd(), signature, String(NOW_S))).toBe(false);
    expect(sdk.verifySignature(key, body, signature, String(NOW_S + 1))).toBe(false);
  });

  it("verifies SendGrid's published vector through the preset's scheme, and not without its trailing CRLF", async () => {
    // sendgrid/sendgrid-nodejs @ 498e2329 packages/eventwebhook/src/eventwebhook.spec.js.
    const scheme = sendgridEcdsa({
      publicKey:
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
    });
    const body =
      '[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address","sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]\r\n';
    const header = readHeaders({
      "x-twilio-email-event-webhook-signature":
        "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=",
      "x-twilio-email-event-webhook-timestamp": "1600112502",
    });
    const enc = new TextEncoder();
    expect(await scheme.verify({ header, body: enc.encode(body) })).toEqual({
      timestamp: 1600112502,
      keyIndex: 0,
    });
    const trimmed = async () => scheme.verify({ header, body: enc.encode(body.trimEnd()) });
    await expect(trimmed()).rejects.toMatchObject({
      code: "invalid_signature",
    });
  });

  it("through hooks.process(): one event's handler fails, the delivery answers 500, and the retry runs only it", async () => {
    const keys = sendgridKeys();
    const body = delivery("delivered", "bounce", "click");
    const runs: string[] = [];
    let failing = true;
    const hooks = createWebhooks({ provider: sendgrid({ publicKey: keys.publicKey }), now: clock }).onAny(
      (_, context) => {
        runs.push(context.type);
        if (failing && context.type === "bounce") throw new Error("suppression list unavailable");
      },
    );
    const headers = sendgridSigns(body, keys.privateKey);
    const first = await hooks.process({ headers, body });
    expect(first.status).toBe(500);
    failing = false;
    // SendGrid's retry, signed again later.
    const retry = await hooks.process({ headers: sendgridSigns(body, keys.privateKey, NOW_S + 60), body });
    expect(retry.status).toBe(200);
    expect(runs).toEqual(["delivered", "bounce", "click", "bounce"]);
    const again = await hooks.process({ headers, body });
    expect(again.status).toBe(200);
    expect(runs).toHaveLength(4);
  });

  it("refuses a signed timestamp beyond ±300 s, an event older than 48 h, a tampered body and another key", async () => {
    const keys = sendgridKeys();
    const hooks = createWebhooks({ provider: sendgrid({ publicKey: keys.publicKey }), now: clock });
    const body = delivery("delivered");
    const late = await answer(hooks, post(sendgridSigns(body, keys.privateKey, NOW_S - 301), body));
    expect([late.status, late.body.error?.code]).toEqual([401, "timestamp_expired"]);
    const old = `[${JSON.stringify({ ...JSON.parse(fixtureText("sendgrid", "delivered")), timestamp: NOW_S - 172_860 })}]\r\n`;
    const stale = await answer(hooks, post(sendgridSigns(old, keys.privateKey), old));
    expect([stale.status, stale.body.error?.code]).toEqual([401, "timestamp_expired"]);
    const tampered = await answer(
      hooks,
      post(sendgridSigns(body, keys.privateKey), body.replace("250", "550")),
    );
    expect([tampered.status, tampered.body.error?.code]).toEqual([401, "invalid_signature"]);
    const other = await answer(hooks, post(sendgridSigns(body, sendgridKeys().privateKey), body));
    expect([other.status, other.body.error?.code]).toEqual([401, "invalid_signature"]);
  });

  it("refuses a key that is not a P-256 public key when created", () => {
    expect(() => sendgrid({ publicKey: "not-a-key" })).toThrow(/\[@hookproof\/core\].*P-256 public key/);
  });
});
