import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe } from "vitest";
import { frameworkSuite, verdictJson } from "../../core/test/framework-e2e.js";
import { presetHandshakeSuite } from "../../providers/test/handshakes-e2e.js";
import { handleWebhooks, verifyWebhook } from "./index.js";

const servers: { close(): void; closeAllConnections(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(app: ReturnType<typeof express>): Promise<string> {
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
}

describe("Express: method, URL, handshakes, batches, observe mode", () => {
  frameworkSuite({
    full: (hooks) => listen(express().all("/webhooks", handleWebhooks(hooks))),
    verifyOnly: (hooks) =>
      listen(
        express().all("/webhooks", verifyWebhook(hooks), (req, res) => {
          res.json(verdictJson(req.webhookVerdict as Parameters<typeof verdictJson>[0]));
        }),
      ),
  });
});

describe("Express: real presets' handshakes (Slack, Discord, Okta)", () => {
  presetHandshakeSuite({ full: (hooks) => listen(express().all("/webhooks", handleWebhooks(hooks))) });
});
