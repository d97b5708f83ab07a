import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, post, serverEnv } from "../../e2e/deliveries.js";
import { type Receiver, startReceiver } from "../../e2e/receiver.js";
import { describeWebhookRoute, handledLog } from "../../e2e/webhook-route.js";

const dir = fileURLToPath(new URL("..", import.meta.url));
const next = fileURLToPath(new URL("../node_modules/next/dist/bin/next", import.meta.url));

const start = (env: Record<string, string> = {}) => {
  // `next start` serves the last build; the root `npm test` builds first (turbo `build`).
  if (!existsSync(`${dir}.next/BUILD_ID`)) {
    throw new Error("examples/next has no build: run `pnpm build` at the repository root first.");
  }
  return startReceiver({
    cwd: dir,
    args: (port) => [next, "start", "-p", String(port), "-H", "127.0.0.1"],
    env: { ...serverEnv, ...env },
    readyTimeoutMs: 60_000,
  });
};

const stackAuthTypes = ["user.created", "user.updated", "team.created", "team_membership.created"];
const genericTypes = ["user.created", "project.created", "team.member.added"];

describe("the Next.js example, run by `next start`", () => {
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
    handledTypes: stackAuthTypes,
    unhandledType: "user.deleted",
  });

  describeWebhookRoute(() => receiver, {
    provider: "generic",
    path: "/webhooks/generic",
    handledTypes: genericTypes,
    unhandledType: "project.deleted",
  });

  describeWebhookRoute(() => receiver, {
    provider: "generic",
    path: "/api/webhooks/generic",
    handledTypes: genericTypes,
    unhandledType: "project.deleted",
  });

  describeWebhookRoute(() => receiver, {
    provider: "stack-auth",
    path: "/webhooks/edge/stack-auth",
    handledPath: "/webhooks/edge/stack-auth",
    handledTypes: stackAuthTypes,
    unhandledType: "user.deleted",
  });

  it("shares one generic router between the App and Pages Router routes: a redelivery is caught at either", async () => {
    const delivery = await deliver("generic", "user.created");
    expect((await post(`${receiver.url}/webhooks/generic`, delivery)).status).toBe(200);
    const again = await post(`${receiver.url}/api/webhooks/generic`, delivery);
    expect(again).toEqual({ status: 200, json: { ok: true, duplicate: true } });
    expect((await handledLog(receiver)).filter((entry) => entry.id === delivery.id)).toHaveLength(1);
  });

  it("keeps the Edge route's log apart from the Node routes' /handled", async () => {
    const delivery = await deliver("stack-auth", "user.created");
    expect((await post(`${receiver.url}/webhooks/edge/stack-auth`, delivery)).status).toBe(200);
    const edge = await handledLog(receiver, "/webhooks/edge/stack-auth");
    expect(edge.map((entry) => entry.id)).toContain(delivery.id);
    expect((await handledLog(receiver)).map((entry) => entry.id)).not.toContain(delivery.id);
  });
});

describe("start and shutdown", () => {
  it("refuses to start without STACK_WEBHOOK_SECRET, naming it", async () => {
    await expect(start({ STACK_WEBHOOK_SECRET: "" })).rejects.toThrow(/STACK_WEBHOOK_SECRET is not set/);
  });

  it("on SIGTERM closes the routers while Next closes the server, then exits", async () => {
    const receiver = await start();
    const exit = await receiver.stop();
    // Next exits 128 + 15 after a SIGTERM it handled.
    expect(exit).toEqual({ code: 143, signal: null });
    expect(receiver.output()).toMatch(
      /SIGTERM: letting running webhook handlers finish\nwebhook routers closed\n/,
    );
  });
});
