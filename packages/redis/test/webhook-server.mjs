/**
 * One app instance for the multi-process tests: an HTTP server over `hooks.handle`, using the BUILT
 * packages, its dedupe in a shared Redis. Each handler run appends `<pid> <event id>` to LOG_FILE.
 * Env: CLIENT (a kind from clients.mjs), REDIS_URL, SECRET, LOG_FILE, HANDLER_MS (how long each handler
 * runs), and optionally LOCK_MS with TIMEOUT_MS, and GRACE_MS (SIGTERM: `hooks.close()` grace).
 * Prints `{"port":…}` once it listens.
 */
import { appendFileSync } from "node:fs";
import { createWebhooks, hmac } from "@hookproof/core";
import { redisStore } from "../dist/index.js";
import { connect } from "./clients.mjs";
import { serveWebhooks } from "./serve.mjs";

const env = process.env;
const { client } = await connect(env.CLIENT, env.REDIS_URL);
const anything = { "~standard": { version: 1, vendor: "test", validate: (value) => ({ value }) } };

const hooks = createWebhooks({
  scheme: hmac({ secret: env.SECRET, header: "x-webhook-signature", prefix: "sha256=" }), // the generic sender's
  events: { "user.created": anything },
  dedupe: redisStore({ client }),
  replayBound: "retention", // the generic sender signs no time: replays are stopped by the dedupe store
  ...(env.LOCK_MS ? { lockMs: Number(env.LOCK_MS), timeoutMs: Number(env.TIMEOUT_MS) } : {}),
}).on("user.created", async (_event, context) => {
  appendFileSync(env.LOG_FILE, `${process.pid} ${context.id}\n`);
  // Keeps the event in flight, so concurrent deliveries meet the claim.
  await new Promise((resolve) => setTimeout(resolve, Number(env.HANDLER_MS ?? 0)));
});

const server = serveWebhooks(hooks);
// Graceful shutdown, as an app should do it: release what is in flight, then stop listening.
process.once("SIGTERM", async () => {
  await hooks.close({ graceMs: Number(env.GRACE_MS ?? 10_000) });
  server.close(() => process.exit(0));
});
