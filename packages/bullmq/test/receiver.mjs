/**
 * A receiver process: node:http → `hooks.handle` (handoff to the queue). Prints `{"port":…}` once it listens.
 */
import { serveWebhooks } from "../../redis/test/serve.mjs";
import { close, hooks } from "./hooks.mjs";

const server = serveWebhooks(hooks);
process.once("SIGTERM", async () => {
  await hooks.close({ graceMs: 1000 });
  server.close(async () => {
    await close();
    process.exit(0);
  });
});
