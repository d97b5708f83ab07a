/**
 * The receiver: verifies, dedupes and queues each webhook, and answers once the job is in Redis.
 * Start it with `pnpm start:receiver`.
 * @module
 */
import { handleWebhooks } from "@hookproof/express";
import express from "express";
import { disconnect, hooks } from "./hooks.js";

const app = express();
app.post("/webhooks/stack-auth", handleWebhooks(hooks));
app.get("/health", (_req, res) => {
  res.json({ ok: true });
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, process.env.HOST ?? "127.0.0.1", () => {
  console.log(`receiver listening on http://127.0.0.1:${port}/webhooks/stack-auth`);
});

process.once("SIGTERM", async () => {
  console.log("SIGTERM: taking no new webhooks");
  await hooks.close();
  server.close(async () => {
    await disconnect();
    process.exit(0);
  });
});
