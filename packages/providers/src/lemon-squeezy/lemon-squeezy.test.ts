import { createHash } from "node:crypto";
import { createWebhooks, hmac, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { crossCheck, documentedHmac } from "../../test/cross-check.js";
import { allowedSuite, answer, clock, fixtureSuite, fixtureText, post } from "../../test/test-support.js";
import { lemonSqueezy } from "./index.js";

const SECRET = "ls_secret_0123456789";
const provider = () => lemonSqueezy({ secret: SECRET });
const TYPES = "@lemonsqueezy/lemonsqueezy.js 4.0.0 dist/index.d.ts";

/** What Lemon Squeezy sends with a body: the signature and the unsigned event name. */
async function delivery(body: string, type: string) {
  return { ...(await provider().scheme.sign({ body })), "x-event-name": type };
}

fixtureSuite({
  title: "lemon-squeezy fixtures (Lemon Squeezy's docs examples)",
  fixtures: "lemon-squeezy",
  provider,
  sign: delivery,
  mutations: {
    order_created: { path: ["data", "attributes", "total"], set: "11.99" },
    subscription_created: { path: ["data", "type"], set: "orders" },
    subscription_updated: { path: ["meta", "test_mode"] },
    subscription_cancelled: { path: ["data", "attributes", "ends_at"] },
  },
});

allowedSuite({
  title: "lemon-squeezy: never stricter than the SDK's types",
  fixtures: "lemon-squeezy",
  provider,
  sign: delivery,
  allowed: [
    {
      type: "order_created",
      path: ["meta", "custom_data"],
      source: "docs webhook-requests (only when the checkout set it)",
    },
    {
      type: "subscription_created",
      path: ["data", "attributes", "renews_at"],
      set: null,
      source: `${TYPES} \`Subscription\``,
    },
  ],
});

describe("lemon-squeezy", () => {
  it("routes by the signed `meta.event_name`, not the unsigned `X-Event-Name`", async () => {
    const body = fixtureText("lemon-squeezy", "subscription_cancelled");
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      seen.push(context.type);
    });
    const headers = await delivery(body, "order_created");
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual(["subscription_cancelled"]);
  });

  it("dedupes by the body's SHA-256 and declares the retention its only replay bound", async () => {
    const body = fixtureText("lemon-squeezy", "order_created");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    const headers = await delivery(body, "order_created");
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    expect(await answer(hooks, post(headers, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual([`sha256:${createHash("sha256").update(body).digest("hex")}`]);
    expect(provider().replayBound).toBe("retention");
  });

  it("verifies the research vector; a short secret, which Lemon Squeezy allows, needs allowShortSecret", async () => {
    const body =
      '{"meta":{"test_mode":true,"event_name":"order_created","webhook_id":"3ab712d6-c258-42e4-9fa0-33a9119050da"},"data":{"type":"orders","id":"1","attributes":{"store_id":1,"status":"paid","created_at":"2026-11-30T05:00:00.000000Z","updated_at":"2026-11-30T05:00:00.000000Z"}}}';
    const value = "253293a773ee246e83703b027c0a65823e3beb137c608dcc0362b90986dee7f8";
    expect(
      await outcome(() =>
        provider().scheme.verify({ header: readHeaders({ "x-signature": value }), body: utf8(body) }),
      ),
    ).toBe("ok");
    expect(() => lemonSqueezy({ secret: "abc123" })).toThrow(/allowShortSecret/);
    expect(() => lemonSqueezy({ secret: "abc123", allowShortSecret: true })).not.toThrow();
  });
});

crossCheck({
  scheme: () => provider().scheme,
  wrong: () => hmac({ secret: "ls_secret_9876543210", header: "x-signature" }),
  header: "x-signature",
  // No SDK signs or verifies: this is the docs' "Signing requests" Node snippet.
  sdk: documentedHmac("Lemon Squeezy's docs snippet", {
    secret: SECRET,
    algorithm: "sha256",
    encoding: "hex",
  }),
});
