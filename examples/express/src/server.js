/**
 * The Express server: the webhook routes first, on the raw body; `express.json()` for every route after them.
 * @module
 */
import { handleWebhooks } from "@hookproof/express";
import express from "express";
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
const app = express();

// Before any body parser: the signature covers the exact bytes sent, so the middleware reads the stream itself.
app.post("/webhooks/stack-auth", handleWebhooks(webhooks.stackAuth));
app.post("/webhooks/generic", handleWebhooks(webhooks.generic));

app.use(express.json());
app.get("/health", (_req, res) => {
  res.json({ ok: true });
});
app.get("/handled", (_req, res) => {
  res.json(webhooks.handled());
});

// Deliberately wrong, to show the mistake: behind `express.json()` the raw bytes are gone, so hookproof
// answers 500 `body_already_parsed` with the fix instead of checking a re-serialised object.
app.post("/webhooks/misconfigured", handleWebhooks(webhooks.stackAuth));

const server = app.listen(config.port, config.host, (error) => {
  if (error) {
    console.error(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
    process.exit(1);
  }
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  console.log(`listening on http://${config.host}:${address.port}`);
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
