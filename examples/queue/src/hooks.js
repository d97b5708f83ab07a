/**
 * The one module the receiver and the worker share: the Stack Auth router, its Redis dedupe store, and the
 * queue it hands verified events to. The handler runs on the worker; it records each event in HANDLED_LOG
 * (in a real app: your database, written idempotently by `context.id`).
 * @module
 */
import { appendFileSync } from "node:fs";
import { createQueue } from "@hookproof/bullmq";
import { createWebhooks } from "@hookproof/core";
import { stackAuth } from "@hookproof/providers";
import { redisStore } from "@hookproof/redis";
import { Redis } from "ioredis";

const {
  STACK_WEBHOOK_SECRET,
  REDIS_URL = "redis://127.0.0.1:6379",
  HANDLED_LOG = "handled.log",
} = process.env;
if (!STACK_WEBHOOK_SECRET) throw new Error("STACK_WEBHOOK_SECRET is not set (copy .env.example to .env).");

// Fails fast while Redis is down, so the receiver answers 503 and the sender retries.
const client = new Redis(REDIS_URL, {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 2000,
});
client.on("error", (error) => console.warn(`redis: ${error.message}`));
await new Promise((resolve) => client.once("ready", resolve));

export const queue = createQueue({ connection: REDIS_URL });

export const hooks = createWebhooks({
  provider: stackAuth({ secret: STACK_WEBHOOK_SECRET }),
  dedupe: redisStore({ client }),
  handoff: queue.handoff,
  timeoutMs: 60_000, // handlers run on the worker: give them a minute
  lockMs: 90_000,
})
  .on("user.created", (event, context) => record(context, `user ${event.data.id}`))
  .on("team.created", (event, context) => record(context, `team ${event.data.id}`));

/**
 * @param {import("@hookproof/core").WebhookContext} context
 * @param {string} subject
 */
function record(context, subject) {
  appendFileSync(
    HANDLED_LOG,
    `${JSON.stringify({ id: context.id, type: context.type, subject, pid: process.pid })}\n`,
  );
}

/** Closes the connections, after the router or worker closed. */
export async function disconnect() {
  await queue.close();
  client.disconnect();
}
