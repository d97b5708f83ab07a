/**
 * The router every test process shares (as an app's receiver and worker share one module), on the BUILT
 * packages. Its handler logs `<pid> start <id>` and `<pid> done <id>` to LOG_FILE, and makes its one side
 * effect idempotent by `context.id`: a file named after the id, created only if it is not there yet.
 * Env: REDIS_URL, QUEUE, SECRET, LOG_FILE, EFFECTS_DIR, HANDLER_MS, and optionally LOCK_MS with TIMEOUT_MS.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createWebhooks, hmac } from "@hookproof/core";
import { redisStore } from "@hookproof/redis";
import { Redis } from "ioredis";
import { createQueue } from "../dist/index.js";

const env = process.env;
const client = new Redis(env.REDIS_URL, {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: 1000,
  commandTimeout: 2000,
  retryStrategy: (attempt) => Math.min(attempt * 100, 500),
});
client.on("error", () => {});
await new Promise((resolve) => client.once("ready", resolve));

export const queue = createQueue({ connection: env.REDIS_URL, name: env.QUEUE, backoff: 100 });
const anything = { "~standard": { version: 1, vendor: "test", validate: (value) => ({ value }) } };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const hooks = createWebhooks({
  scheme: hmac({ secret: env.SECRET, header: "x-webhook-signature", prefix: "sha256=" }),
  events: { "user.created": anything },
  dedupe: redisStore({ client }),
  replayBound: "retention",
  handoff: queue.handoff,
  ...(env.LOCK_MS ? { lockMs: Number(env.LOCK_MS), timeoutMs: Number(env.TIMEOUT_MS) } : {}),
}).on("user.created", async (_event, context) => {
  appendFileSync(env.LOG_FILE, `${process.pid} start ${context.id}\n`);
  try {
    writeFileSync(join(env.EFFECTS_DIR, context.id), String(process.pid), { flag: "wx" });
  } catch (error) {
    if (error.code !== "EEXIST") throw error; // done before, by a run that died after it: not again
  }
  await sleep(Number(env.HANDLER_MS ?? 0));
  appendFileSync(env.LOG_FILE, `${process.pid} done ${context.id}\n`);
});

export async function close() {
  await queue.close();
  client.disconnect();
}
