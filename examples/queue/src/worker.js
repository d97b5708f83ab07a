/**
 * The worker: runs the router's handlers on the queued events, each once, with retries and dead letters.
 * Start it with `pnpm start:worker` (as many as you like, on as many machines).
 * @module
 */
import { createWorker } from "@hookproof/bullmq";
import { disconnect, hooks } from "./hooks.js";

const worker = createWorker(hooks, {
  connection: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  concurrency: Number(process.env.CONCURRENCY ?? 10),
});

process.once("SIGTERM", async () => {
  console.log("SIGTERM: letting running jobs finish");
  await worker.close({ graceMs: 10_000 });
  await disconnect();
  process.exit(0);
});
await worker.worker.waitUntilReady();
console.log("worker ready");
