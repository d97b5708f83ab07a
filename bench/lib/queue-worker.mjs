/**
 * The handoff benchmark's worker process: `createWorker` over the shared router, CONCURRENCY jobs at once.
 * Env: as queue-hooks.mjs, and CONCURRENCY. Prints `{"ready":true}` once connected.
 * @module
 */
import { createWorker } from "@hookproof/bullmq";
import { queueHooks } from "./queue-hooks.mjs";
import { SIGNED_AT } from "./server.mjs";

const worker = createWorker(await queueHooks(SIGNED_AT), {
  connection: process.env.REDIS_URL,
  name: process.env.QUEUE,
  concurrency: Number(process.env.CONCURRENCY),
});
await worker.worker.waitUntilReady();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
