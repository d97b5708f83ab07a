import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe } from "vitest";
import { frameworkSuite, verdictJson } from "../../core/test/framework-e2e.js";
import { presetHandshakeSuite } from "../../providers/test/handshakes-e2e.js";
import { handleWebhooks, verifyWebhook } from "./index.js";

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function listen(register: (app: FastifyInstance) => void): Promise<string> {
  const app = Fastify();
  register(app);
  apps.push(app);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return `${address}/webhooks`;
}

describe("Fastify: method, URL, handshakes, batches, observe mode", () => {
  frameworkSuite({
    full: (hooks) =>
      listen((app) => app.route({ method: ["GET", "POST"], url: "/webhooks", ...handleWebhooks(hooks) })),
    verifyOnly: (hooks) =>
      listen((app) =>
        app.route({
          method: ["GET", "POST"],
          url: "/webhooks",
          ...verifyWebhook(hooks),
          handler: async (request) =>
            verdictJson(request.webhookVerdict as Parameters<typeof verdictJson>[0]),
        }),
      ),
  });
});

describe("Fastify: real presets' handshakes (Slack, Discord, Okta)", () => {
  presetHandshakeSuite({
    full: (hooks) =>
      listen((app) => app.route({ method: ["GET", "POST"], url: "/webhooks", ...handleWebhooks(hooks) })),
  });
});
