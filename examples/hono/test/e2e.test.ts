import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "../../e2e/deliveries.js";
import { type Receiver, startReceiver } from "../../e2e/receiver.js";
import { describeWebhookRoute } from "../../e2e/webhook-route.js";

const options = {
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  args: () => ["src/server.js"],
  env: serverEnv,
};
const start = () => startReceiver(options);

describe("the Hono example, run as `pnpm start` runs it", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await start();
  });
  afterAll(() => receiver?.stop());

  it("answers GET /health", async () => {
    const response = await fetch(`${receiver.url}/health`);
    expect(await response.json()).toEqual({ ok: true });
  });

  describeWebhookRoute(() => receiver, {
    provider: "stack-auth",
    path: "/webhooks/stack-auth",
    handledTypes: ["user.created", "user.updated", "team.created", "team_membership.created"],
    unhandledType: "user.deleted",
  });

  describeWebhookRoute(() => receiver, {
    provider: "generic",
    path: "/webhooks/generic",
    handledTypes: ["user.created", "project.created", "team.member.added"],
    unhandledType: "project.deleted",
  });
});

describe("start and shutdown", () => {
  it("refuses to start without STACK_WEBHOOK_SECRET, naming it", async () => {
    const failed = startReceiver({ ...options, env: { ...serverEnv, STACK_WEBHOOK_SECRET: "" } });
    await expect(failed).rejects.toThrow(/STACK_WEBHOOK_SECRET is not set/);
  });

  it("on SIGTERM closes the routers, then the server, and exits 0", async () => {
    const receiver = await start();
    expect(await receiver.stop()).toEqual({ code: 0, signal: null });
    expect(receiver.output()).toMatch(/SIGTERM: letting running webhook handlers finish\nclosed\n/);
  });
});
