import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createWebhooks, type EventMap, type WebhookProvider } from "@hookproof/core";
import { sendgrid, slack } from "@hookproof/providers";
import { redisStore } from "@hookproof/redis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../../redis/test/clients.mjs";
import { type RedisServer, startRedisServer } from "../../redis/test/redis-server.mjs";
import { until } from "../test/harness.js";
import { createQueue, createWorker, jobIdOf } from "./index.js";

const binary = inject("redisServer");

/** A receiver handing `provider`'s events to a fresh queue, and a worker on it recording what handlers get. */
async function pipeline<Events extends EventMap>(url: string, provider: () => WebhookProvider<Events>) {
  const name = `q-${randomUUID()}`;
  const { client, close } = await connect("ioredis", url);
  const queue = createQueue({ connection: url, name });
  await queue.queue.waitUntilReady();
  const receiver = createWebhooks({
    provider: provider(),
    dedupe: redisStore({ client }),
    handoff: queue.handoff,
  });
  const seen: { type: string; id: string; payload: unknown }[] = [];
  const workerHooks = createWebhooks({ provider: provider(), dedupe: redisStore({ client }) }).onAny(
    (payload, context) => {
      seen.push({ type: context.type, id: context.id, payload });
    },
  );
  const worker = createWorker(workerHooks, { connection: url, name });
  return {
    receiver,
    queue,
    seen,
    async close() {
      await worker.close();
      await queue.close();
      await close();
    },
  };
}

describe.skipIf(!binary)("queued events whose payload is not the JSON of the body", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer(binary);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a SendGrid batch: each event is queued and handled with its own item, not the whole array", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const keys = {
      publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
      privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    };
    const p = await pipeline(server.url, () => sendgrid(keys));
    try {
      const timestamp = Math.floor(Date.now() / 1000);
      const items = [
        {
          email: "a@example.com",
          timestamp,
          event: "delivered",
          sg_event_id: `d-${randomUUID()}`,
          sg_message_id: "m1",
        },
        {
          email: "b@example.com",
          timestamp,
          event: "open",
          sg_event_id: `o-${randomUUID()}`,
          sg_message_id: "m2",
        },
      ];
      const body = JSON.stringify(items);
      const headers = await p.receiver.provider.scheme.sign({ body });
      const answer = await p.receiver.process({ headers, body });
      expect(answer.status).toBe(200);
      const job = await p.queue.queue.getJob(jobIdOf(`sendgrid:default:${items[1]!.sg_event_id}`));
      expect(job?.data.decoded).toEqual(items[1]);
      await until(() => p.seen.length === 2);
      expect(p.seen.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
        { type: "delivered", id: items[0]!.sg_event_id, payload: items[0] },
        { type: "open", id: items[1]!.sg_event_id, payload: items[1] },
      ]);
    } finally {
      await p.close();
    }
  });

  it("a Slack interactivity form body: the worker handles the decoded `payload=` object", async () => {
    const p = await pipeline(server.url, () => slack({ secret: "slack-signing-secret-0123456789" }));
    try {
      const action = { type: "block_actions", user: { id: "U1" }, actions: [{ action_id: "approve" }] };
      const body = `payload=${encodeURIComponent(JSON.stringify(action))}`;
      const headers = {
        ...(await p.receiver.provider.scheme.sign({ body })),
        "content-type": "application/x-www-form-urlencoded",
      };
      expect((await p.receiver.process({ headers, body })).status).toBe(200);
      await until(() => p.seen.length === 1);
      expect(p.seen[0]).toMatchObject({ type: "block_actions", payload: action });
    } finally {
      await p.close();
    }
  });
});
