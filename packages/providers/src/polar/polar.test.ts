import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { validateEvent, WebhookVerificationError } from "@polar-sh/sdk/webhooks";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { standardWebhooksCrossCheck } from "../../test/cross-check.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { polar } from "./index.js";

// polarsource/polar `kit/crypto.py generate_token(prefix="whsec_")`: 37 base62 characters and a 6-character checksum.
const SECRET = "whsec_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK";
const provider = () => polar({ secret: SECRET });
const SDK = "@polar-sh/sdk 0.49.0 models/components";

/** What Polar's `tasks.py` sends with a body. */
const delivery = (body: string, id = "0b8d6c1e-2f7a-4c55-9a55-3f0e6a1c9d21", timestamp = NOW_S - 20) =>
  provider().scheme.sign({ body, id, timestamp });

/** Polar's server, `tasks.py`: `StandardWebhook(base64(secret.encode("utf-8"))).sign(id, ts, body)`. */
const polarSign = (id: string, timestamp: number, body: string) =>
  `v1,${createHmac("sha256", Buffer.from(SECRET, "utf8")).update(`${id}.${timestamp}.${body}`).digest("base64")}`;

fixtureSuite({
  title: "polar fixtures",
  fixtures: "polar",
  provider,
  sign: (body) => delivery(body),
  mutations: {
    "order.paid": { path: ["data", "customer_id"] },
    "subscription.created": { path: ["data", "product_id"], set: 7 },
    "subscription.canceled": { path: ["data", "modified_at"] },
    "customer.created": { path: ["timestamp"] },
  },
});

allowedSuite({
  title: "polar: never stricter than the SDK's models",
  fixtures: "polar",
  provider,
  sign: (body) => delivery(body),
  allowed: [
    {
      type: "customer.created",
      path: ["data", "modified_at"],
      set: null,
      source: `${SDK}/customer \`modifiedAt: Date | null\``,
    },
    {
      type: "customer.created",
      path: ["data", "external_id"],
      set: null,
      source: `${SDK}/customer \`externalId: string | null\``,
    },
    {
      type: "order.paid",
      path: ["data", "product_id"],
      set: null,
      source: `${SDK}/order \`productId: string | null\``,
    },
  ],
});

describe("polar", () => {
  it("keys the HMAC with the secret's UTF-8 text: the research vector passes, the base64-decoded key's does not", async () => {
    const body =
      '{"type":"customer.deleted","timestamp":"2026-11-30T00:53:20Z","data":{"id":"992fae2a-2a17-4b7a-8d06-2ea3c8f4e6a1"}}';
    const request = (signature: string) => ({
      header: readHeaders({
        "webhook-id": "0b8d6c1e-2f7a-4c55-9a55-3f0e6a1c9d21",
        "webhook-timestamp": "1796000000",
        "webhook-signature": signature,
      }),
      body: utf8(body),
    });
    const scheme = provider().scheme;
    expect(await scheme.verify(request("v1,a8itX4rDUhLbffSKDRV05i1FG/Tzh0u8lWH58bF6TVU="))).toMatchObject({
      keyIndex: 0,
    });
    expect(
      await outcome(() => scheme.verify(request("v1,bxvge+7LYmZeoDce5m8gsamDiDC0py15+bfI0Jv1BFE="))),
    ).toBe("invalid_signature");
  });

  it("dedupes by the signed `webhook-id`, and refuses a timestamp older than 300 s", async () => {
    const body = fixtureText("polar", "order.paid");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(body, "evt-1"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(await delivery(body, "evt-1", NOW_S - 5), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    const old = await answer(hooks, post(await delivery(body, "evt-2", NOW_S - 301), body));
    expect(old.body.error?.code).toBe("timestamp_expired");
    expect(ids).toEqual(["evt-1"]);
  });

  it("refuses a chat-format body without `type`, and a blank secret when created", async () => {
    const body = JSON.stringify({ content: "New order", embeds: [] });
    const result = await answer(
      createWebhooks({ provider: provider(), now: clock }),
      post(await delivery(body), body),
    );
    expect(result.body.error?.code).toBe("invalid_payload");
    expect(() => polar({ secret: "whsec_" })).toThrow(
      /^\[@hookproof\/core\] `secret` is blank or a bare prefix/,
    );
    expect(() => polar({ secret: "short" })).toThrow(TypeError);
  });
});

standardWebhooksCrossCheck({
  scheme: () => provider().scheme,
  wrong: () => polar({ secret: "whsec_WrongWrongWrongWrongWrongWrongWrongW1a2b3c" }).scheme,
  family: "webhook",
  signer: { name: "Polar's tasks.py signing (node:crypto)", sign: polarSign },
  verifier: {
    name: "@polar-sh/sdk 0.49.0 validateEvent",
    verify(body, headers) {
      try {
        validateEvent(body, headers, SECRET);
        return true;
      } catch (error) {
        // The signature passed when the SDK goes on to parse the body (which these bodies are not).
        return !(error instanceof WebhookVerificationError);
      }
    },
  },
});
