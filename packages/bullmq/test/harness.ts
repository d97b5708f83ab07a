/**
 * An in-process receiver and worker over one real Redis: a router with a handoff to a fresh queue, its
 * dedupe in Redis, and signed deliveries of the generic sender's layout.
 * @module
 */
import { randomUUID } from "node:crypto";
import {
  createWebhooks,
  type EventHandler,
  hmac,
  type StandardSchemaV1,
  type Webhooks,
} from "@hookproof/core";
import { redisStore } from "@hookproof/redis";
import { Redis } from "ioredis";
import { createQueue, type WebhookQueue, type WebhookQueueOptions } from "../src/index.js";

export const SECRET = "bullmq-test-secret-0123456789";

export interface UserCreated {
  id: string;
  type: "user.created";
  data: { name: string };
}

/** Accepts any `user.created` body, and (a transform, as zod's would) adds `seenBySchema`. */
const userCreated: StandardSchemaV1<unknown, UserCreated & { seenBySchema: true }> = {
  "~standard": {
    version: 1,
    vendor: "test",
    validate: (value) => ({ value: { ...(value as UserCreated), seenBySchema: true } }),
  },
};
export type Events = { "user.created": UserCreated & { seenBySchema: true } };
export const events: { "user.created": StandardSchemaV1<unknown, Events["user.created"]> } = {
  "user.created": userCreated,
};

const scheme = hmac({ secret: SECRET, header: "x-webhook-signature", prefix: "sha256=" });

export function userEvent(id = `evt_${randomUUID()}`): UserCreated {
  return { id, type: "user.created", data: { name: `user ${id}` } };
}

/** The delivery of `event`, as the generic sender signs it. */
export async function delivery(
  event: UserCreated,
): Promise<{ headers: Record<string, string>; body: string }> {
  const body = JSON.stringify(event);
  return { headers: await scheme.sign({ body }), body };
}

/** A client that fails fast while Redis is down, as the @hookproof/redis README sets it up. */
export function fastClient(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 500),
  });
  client.on("error", () => {});
  return client;
}

export interface Harness {
  hooks: Webhooks<Events>;
  queue: WebhookQueue;
  name: string;
  close(): Promise<void>;
}

/** A receiver router handing off to a fresh queue (its own name), with `handler` for `user.created`. */
export async function harness(
  url: string,
  handler: EventHandler<Events["user.created"], "user.created">,
  options: Partial<WebhookQueueOptions> & { lockMs?: number; timeoutMs?: number } = {},
): Promise<Harness> {
  const { lockMs, timeoutMs, ...queueOptions } = options;
  const name = `q-${randomUUID()}`;
  const client = fastClient(url);
  await new Promise((resolve) => client.once("ready", resolve));
  const queue = createQueue({ connection: url, name, ...queueOptions });
  await queue.queue.waitUntilReady();
  const hooks = createWebhooks({
    scheme,
    events,
    dedupe: redisStore({ client }),
    replayBound: "retention",
    handoff: queue.handoff,
    ...(lockMs === undefined ? {} : { lockMs }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  }).on("user.created", handler);
  return {
    hooks,
    queue,
    name,
    async close() {
      await queue.close();
      client.disconnect();
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 20 ms until it is true, or throws after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await sleep(20);
  }
}
