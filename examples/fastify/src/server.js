/**
 * The Fastify server: the webhook routes on the raw body, an ordinary JSON route beside them, a health check
 * and the handled log.
 * @module
 */
import { handleWebhooks } from "@hookproof/fastify";
import Fastify from "fastify";
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
// Fastify's `requestTimeout` defaults to no limit: bound how long a slow upload may hold a connection.
const app = Fastify({ requestTimeout: 30_000, http: { headersTimeout: 10_000 } });

// Route options, not plugins: each route reads its raw body in a `preParsing` hook, before any parser runs.
app.post("/webhooks/stack-auth", handleWebhooks(webhooks.stackAuth));
app.post("/webhooks/generic", handleWebhooks(webhooks.generic));

// Every other route keeps Fastify's JSON parser.
app.post("/api/echo", async (request) => ({ received: request.body }));
app.get("/health", async () => ({ ok: true }));
app.get("/handled", async () => webhooks.handled());

app.listen({ port: config.port, host: config.host }).then(
  (address) => console.log(`listening on ${address}`),
  (/** @type {Error} */ error) => {
    console.error(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
    process.exit(1);
  },
);

/** @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  console.log(`${signal}: letting running webhook handlers finish`);
  // New events are answered 503 `shutting_down` from here on, so their senders retry elsewhere.
  await webhooks.close();
  await app.close();
  console.log("closed");
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
