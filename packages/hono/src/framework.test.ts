import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, describe } from "vitest";
import { frameworkSuite, verdictJson } from "../../core/test/framework-e2e.js";
import { presetHandshakeSuite } from "../../providers/test/handshakes-e2e.js";
import { handleWebhooks, verifyWebhook } from "./index.js";

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function listen(app: Hono): Promise<string> {
  const server = await new Promise<{ close(): void; address(): unknown }>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
}

describe("Hono: method, URL, handshakes, batches, observe mode", () => {
  frameworkSuite({
    full: (hooks) => listen(new Hono().all("/webhooks", handleWebhooks(hooks))),
    verifyOnly: (hooks) =>
      listen(
        new Hono().all("/webhooks", verifyWebhook(hooks), (c) =>
          c.json(verdictJson(c.get("webhookVerdict") as Parameters<typeof verdictJson>[0]) as object),
        ),
      ),
  });
});

describe("Hono: real presets' handshakes (Slack, Discord, Okta)", () => {
  presetHandshakeSuite({ full: (hooks) => listen(new Hono().all("/webhooks", handleWebhooks(hooks))) });
});
