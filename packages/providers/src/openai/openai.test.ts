import { createWebhooks, readHeaders } from "@hookproof/core";
import OpenAI from "openai";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { utf8 } from "../../test/bodies.js";
import { standardWebhooksCrossCheck } from "../../test/cross-check.js";
import { answer, clock, fixtureSuite, fixtureText, NOW_S, post } from "../../test/test-support.js";
import { openai } from "./index.js";

// openai-node `tests/api-resources/webhooks.test.ts`.
const SECRET = "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=";
const provider = () => openai({ secret: SECRET });

/** What OpenAI sends with a body: a `wh_` delivery id, the time, the signature. */
const delivery = (body: string, id = "wh_685c059ae39c8190af8c71ed1022a24d", timestamp = NOW_S - 20) =>
  provider().scheme.sign({ body, id, timestamp });

fixtureSuite({
  title: "openai fixtures",
  fixtures: "openai",
  provider,
  sign: (body) => delivery(body),
  mutations: {
    "response.completed": { path: ["data", "id"] },
    "response.failed": { path: ["created_at"], set: "1787234402" },
    "batch.completed": { path: ["id"] },
    "fine_tuning.job.succeeded": { path: ["object"], set: "job" },
  },
});

describe("openai", () => {
  it("verifies openai-node's vector, a real event with spaces in its JSON, byte for byte", async () => {
    const body =
      '{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}';
    const headers = {
      "webhook-id": "wh_685c059ae39c8190af8c71ed1022a24d",
      "webhook-timestamp": "1750861210",
      "webhook-signature": "v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=",
    };
    expect(await provider().scheme.verify({ header: readHeaders(headers), body: utf8(body) })).toMatchObject({
      timestamp: 1750861210,
      keyIndex: 0,
    });
  });

  it("dedupes by the body's `id`: a retry under a fresh `webhook-id` is a duplicate", async () => {
    const body = fixtureText("openai", "batch.completed");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(body, "wh_1"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(await delivery(body, "wh_2", NOW_S - 5), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual(["evt_685c05c4d1e481909bdc86819b066fd3"]);
  });

  it("refuses a timestamp older than 300 s", async () => {
    const body = fixtureText("openai", "response.failed");
    const result = await answer(
      createWebhooks({ provider: provider(), now: clock }),
      post(await delivery(body, "wh_old", NOW_S - 301), body),
    );
    expect(result.body.error?.code).toBe("timestamp_expired");
  });
});

const client = new OpenAI({ apiKey: "sk-test", webhookSecret: SECRET });

standardWebhooksCrossCheck({
  scheme: () => provider().scheme,
  wrong: () => openai({ secret: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD" }).scheme,
  family: "webhook",
  // openai-node signs nothing; OpenAI's sender is Standard Webhooks, which `svix` signs byte for byte.
  signer: {
    name: "svix 1.99.1",
    sign: (id, timestamp, body) => new Webhook(SECRET).sign(id, new Date(timestamp * 1000), body),
  },
  verifier: {
    name: "openai 6.49.0 webhooks.verifySignature",
    async verify(body, headers) {
      try {
        await client.webhooks.verifySignature(body, headers);
        return true;
      } catch {
        return false;
      }
    },
  },
});
