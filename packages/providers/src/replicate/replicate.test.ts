import { createWebhooks } from "@hookproof/core";
import { validateWebhook } from "replicate";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
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
import { replicate } from "./index.js";

const SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const provider = () => replicate({ secret: SECRET });
const TYPES = "replicate 1.4.0 index.d.ts `Prediction`";

/** What Replicate sends with a body. */
const delivery = (body: string, id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", timestamp = NOW_S - 20) =>
  provider().scheme.sign({ body, id, timestamp });

fixtureSuite({
  title: "replicate fixtures (Replicate's docs example)",
  fixtures: "replicate",
  provider,
  sign: (body) => delivery(body),
  mutations: {
    "prediction.starting": { path: ["urls"] },
    "prediction.processing": { path: ["logs"], set: 3 },
    "prediction.succeeded": { path: ["created_at"] },
    "prediction.failed": { path: ["input"], set: "Alice" },
    "prediction.canceled": { path: ["version"] },
  },
});

allowedSuite({
  title: "replicate: never stricter than the SDK's types",
  fixtures: "replicate",
  provider,
  sign: (body) => delivery(body),
  allowed: [
    { type: "prediction.succeeded", path: ["model"], source: `${TYPES} (\`model\` absent before 2024)` },
    { type: "prediction.starting", path: ["logs"], set: null, source: TYPES },
    { type: "prediction.starting", path: ["webhook_events_filter"], source: TYPES },
  ],
});

describe("replicate", () => {
  it("routes by the signed status, and dedupes by `webhook-id`, not the prediction's repeated `id`", async () => {
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      seen.push(`${context.type} ${context.id}`);
    });
    const ok = { status: 200, body: { ok: true } };
    const starting = fixtureText("replicate", "prediction.starting");
    const processing = fixtureText("replicate", "prediction.processing");
    const succeeded = fixtureText("replicate", "prediction.succeeded");
    expect(await answer(hooks, post(await delivery(starting, "msg_1"), starting))).toEqual(ok);
    expect(await answer(hooks, post(await delivery(processing, "msg_2"), processing))).toEqual(ok);
    expect(await answer(hooks, post(await delivery(succeeded, "msg_3"), succeeded))).toEqual(ok);
    expect(await answer(hooks, post(await delivery(succeeded, "msg_3", NOW_S - 5), succeeded))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(seen).toEqual([
      "prediction.starting msg_1",
      "prediction.processing msg_2",
      "prediction.succeeded msg_3",
    ]);
  });

  it("refuses a timestamp older than 300 s", async () => {
    const body = fixtureText("replicate", "prediction.failed");
    const result = await answer(
      createWebhooks({ provider: provider(), now: clock }),
      post(await delivery(body, "msg_old", NOW_S - 301), body),
    );
    expect(result.body.error?.code).toBe("timestamp_expired");
  });
});

standardWebhooksCrossCheck({
  scheme: () => provider().scheme,
  wrong: () => replicate({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }).scheme,
  family: "webhook",
  // The `replicate` SDK signs nothing; Replicate's sender is Standard Webhooks, which `svix` signs byte for byte.
  signer: {
    name: "svix 1.99.1",
    sign: (id, timestamp, body) => new Webhook(SECRET).sign(id, new Date(timestamp * 1000), body),
  },
  verifier: {
    name: "replicate 1.4.0 validateWebhook",
    verify: (body, headers) =>
      validateWebhook({
        id: headers["webhook-id"] ?? "",
        timestamp: headers["webhook-timestamp"] ?? "",
        signature: headers["webhook-signature"] ?? "",
        body,
        secret: SECRET,
      }),
    // It throws "Missing required body" for an empty one.
    emptyBody: false,
  },
});
