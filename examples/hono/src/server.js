/**
 * The Hono app on Node: the webhook routes answered by hookproof, a health check, and the handled log.
 * @module
 */
import { serve } from "@hono/node-server";
import { handleWebhooks } from "@hookproof/hono";
import { Hono } from "hono";
import { readConfig } from "./config.js";
import { createWebhookRouters } from "./webhooks.js";

/** @type {import("./config.js").Config} */
let config;
try {
  config = readConfig(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const webhooks = createWebhookRouters(config);
const app = new Hono();

// `handleWebhooks()` reads the raw request itself: no middleware on these routes may read the body first.
app.post("/webhooks/stack-auth", handleWebhooks(webhooks.stackAuth));
app.post("/webhooks/generic", handleWebhooks(webhooks.generic));

app.get("/health", (c) => c.json({ ok: true }));
app.get("/handled", (c) => c.json(webhooks.handled()));

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`listening on http://${config.host}:${info.port}`);
});
server.once("error", (error) => {
  console.error(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

/** @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  console.log(`${signal}: letting running webhook handlers finish`);
  // New events are answered 503 `shutting_down` from here on, so their senders retry elsewhere.
  await webhooks.close();
  server.close(() => console.log("closed"));
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
