/**
 * A worker process over the shared router. Env besides hooks.mjs's: CONCURRENCY, LOCK_DURATION and
 * STALLED_INTERVAL (how soon a dead worker's job is taken over). Prints `{"ready":true}` once connected.
 */
import { createWorker } from "../dist/index.js";
import { close, hooks } from "./hooks.mjs";

const env = process.env;
const worker = createWorker(hooks, {
  connection: env.REDIS_URL,
  name: env.QUEUE,
  concurrency: Number(env.CONCURRENCY ?? 1),
  settings: {
    lockDuration: Number(env.LOCK_DURATION ?? 30_000),
    stalledInterval: Number(env.STALLED_INTERVAL ?? 30_000),
  },
});
process.once("SIGTERM", async () => {
  await worker.close({ graceMs: 2000 });
  await close();
  process.exit(0);
});
await worker.worker.waitUntilReady();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
