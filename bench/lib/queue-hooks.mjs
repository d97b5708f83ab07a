/**
 * The router of the handoff benchmark, shared by its receivers (`server.mjs` routes `queue-handoff` and
 * `queue-inline`) and its worker (`queue-worker.mjs`), as an app's receiver and worker share one module:
 * Standard Webhooks, dedupe in Redis, one handler that takes HANDLER_MS. Env: REDIS_URL, QUEUE, HANDLER_MS.
 * @module
 */
import { createWebhooks, standardWebhooks } from "@hookproof/core";
import { redisStore } from "@hookproof/redis";
import { Redis } from "ioredis";
import { SW_SECRET } from "./inputs.mjs";

const anything = { "~standard": { version: 1, vendor: "bench", validate: (value) => ({ value }) } };

/**
 * The router, its clock pinned to `signedAt` (seconds; the bench signs every request with that time),
 * handing each event off to `handoff` when given one, else handling it inline.
 */
export async function queueHooks(signedAt, handoff) {
  const env = process.env;
  // Fail fast while Redis is down, as the @hookproof/redis README sets the client up.
  const client = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  client.on("error", () => {});
  await new Promise((resolve) => client.once("ready", resolve));
  const handlerMs = Number(env.HANDLER_MS);
  return createWebhooks({
    scheme: standardWebhooks({ secret: SW_SECRET }),
    events: { x: anything },
    dedupe: redisStore({ client }),
    now: () => signedAt * 1000,
    ...(handoff ? { handoff } : {}),
  }).on("x", () => new Promise((resolve) => setTimeout(resolve, handlerMs)));
}
