import "@shopify/shopify-api/adapters/web-api";
import { createHash } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { createSHA256HMAC, HashFormat } from "@shopify/shopify-api/runtime";
import { describe, expect, expectTypeOf, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { crossCheck } from "../../test/cross-check.js";
import { answer, clock, fixtureSuite, fixtureText, post } from "../../test/test-support.js";
import { type ShopifyOrder, shopify, shopifyHmac } from "./index.js";

const SECRET = "shpss_0123456789abcdef0123456789abcdef";
const provider = () => shopify({ secret: SECRET });

/** What Shopify sends with a body: the signature, the topic and its unsigned metadata. */
async function delivery(body: string, topic: string, id = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043") {
  return {
    ...(await shopifyHmac({ secret: SECRET }).sign({ body, id })),
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": "super-toys.myshopify.com",
    "x-shopify-api-version": "2025-10",
    "x-shopify-event-id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
  };
}

fixtureSuite({
  title: "shopify fixtures (shopify.dev examples)",
  fixtures: "shopify",
  provider,
  sign: (body, topic) => delivery(body, topic),
  mutations: {
    "orders/create": { path: ["id"], set: "820982911946154508" },
    "orders/paid": { path: ["admin_graphql_api_id"] },
    "products/update": { path: ["variants"], set: {} },
    "customers/create": { path: ["email"], set: 5 },
    "app/uninstalled": { path: ["myshopify_domain"] },
    "customers/data_request": { path: ["data_request", "id"] },
    "customers/redact": { path: ["orders_to_redact"], set: "299938" },
    "shop/redact": { path: ["shop_domain"] },
  },
});

describe("shopify", () => {
  it("routes by `X-Shopify-Topic`, the wire form of the topic", async () => {
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "orders/create",
      (order, context) => {
        expectTypeOf(order).toEqualTypeOf<ShopifyOrder>();
        seen.push(`${context.type} ${order.name}`);
      },
    );
    const body = fixtureText("shopify", "orders/create");
    expect(await answer(hooks, post(await delivery(body, "orders/create"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(seen).toEqual(["orders/create #9999"]);
  });

  it("dedupes by the body's SHA-256: a retry, or a replay with fresh unsigned ids or another topic, is a duplicate", async () => {
    const body = fixtureText("shopify", "orders/paid");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(body, "orders/paid", "w-1"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const retry = await delivery(body, "orders/paid", "w-1");
    const fresh = { ...(await delivery(body, "orders/paid", "w-2")), "x-shopify-event-id": "e-2" };
    const relabelled = await delivery(body, "orders/create", "w-3");
    for (const replay of [retry, fresh, relabelled]) {
      expect(await answer(hooks, post(replay, body))).toEqual({
        status: 200,
        body: { ok: true, duplicate: true },
      });
    }
    expect(ids).toEqual([`sha256:${createHash("sha256").update(body).digest("hex")}`]);
  });

  it("refuses a delivery without `X-Shopify-Topic`, and lets an unlisted topic through", async () => {
    const body = fixtureText("shopify", "orders/create");
    const { "x-shopify-topic": _, ...headers } = await delivery(body, "orders/create");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const refused = await answer(hooks, post(headers, body));
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe("invalid_payload");
    const seen: unknown[] = [];
    const open = createWebhooks({ provider: provider(), now: clock }).on("orders/fulfilled", (order) => {
      seen.push(order);
    });
    expect(await answer(open, post(await delivery(body, "orders/fulfilled"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(seen).toEqual([JSON.parse(body)]);
  });

  it("declares that the dedupe retention is its only replay bound, and needs no `X-Shopify-Webhook-Id`", async () => {
    expect(provider().replayBound).toBe("retention");
    expect(provider().scheme.signsTimestamp).toBe(false);
    const body = fixtureText("shopify", "shop/redact");
    const headers: Record<string, string> = await delivery(body, "shop/redact");
    expect(headers["x-shopify-webhook-id"]).toBeDefined();
    delete headers["x-shopify-webhook-id"];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("shop/redact", () => {});
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
  });

  it("verifies the research vector, and refuses a hex or `sha256=`-prefixed MAC", async () => {
    const body =
      '{"id":820982911946154508,"email":"jon@example.com","created_at":"2026-11-30T05:00:00-05:00","admin_graphql_api_id":"gid://shopify/Order/820982911946154508"}';
    const value = "xETujvTqV+fNl1A660py7M3YkNKWSA6GusIEUUBytAY=";
    const scheme = shopifyHmac({ secret: SECRET });
    const verify = (signature: string) =>
      outcome(() =>
        scheme.verify({ header: readHeaders({ "x-shopify-hmac-sha256": signature }), body: utf8(body) }),
      );
    expect(await verify(value)).toBe("ok");
    const hex = Buffer.from(value, "base64").toString("hex");
    expect(await verify(hex)).toBe("invalid_signature");
    expect(await verify(`sha256=${value}`)).toBe("invalid_signature");
  });
});

const sdk = shopifyApi({
  apiKey: "api-key",
  apiSecretKey: SECRET,
  scopes: [],
  hostName: "app.example",
  apiVersion: ApiVersion.October24,
  isEmbeddedApp: false,
  logger: { level: LogSeverity.Error, log: async () => {} },
});

crossCheck({
  scheme: () => shopifyHmac({ secret: SECRET }),
  wrong: () => shopifyHmac({ secret: "shpss_ffffffffffffffffffffffffffffffff" }),
  header: "x-shopify-hmac-sha256",
  sdk: {
    name: "@shopify/shopify-api 13.1.0",
    sign: (body) => createSHA256HMAC(SECRET, body, HashFormat.Base64),
    async verify(body, value) {
      const rawRequest = new Request("https://app.example/webhooks", {
        method: "POST",
        body,
        headers: {
          "X-Shopify-Hmac-Sha256": value,
          "X-Shopify-Topic": "orders/create",
          "X-Shopify-Shop-Domain": "super-toys.myshopify.com",
          "X-Shopify-API-Version": "2024-10",
          "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
        },
      });
      return (await sdk.webhooks.validate({ rawBody: body, rawRequest })).valid;
    },
    // `validate` answers `missing_body` for an empty body.
    emptyBody: false,
  },
});
