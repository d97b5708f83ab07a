import { fileURLToPath } from "node:url";
import { stackAuth } from "@hookproof/providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, post, secrets, serverEnv } from "../../e2e/deliveries.js";
import { type Receiver, startReceiver } from "../../e2e/receiver.js";
import { describeWebhookRoute, handledLog } from "../../e2e/webhook-route.js";

const options = {
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  args: () => ["src/server.js"],
  env: serverEnv,
};
const start = () => startReceiver(options);

describe("the Fastify example, run as `pnpm start` runs it", () => {
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

  describe("the app's JSON parser, which Express would run first, never sees a webhook route's body", () => {
    it("still parses the app's other routes", async () => {
      const answer = await post(`${receiver.url}/api/echo`, { headers: {}, body: '{"note":"kept"}' });
      expect(answer).toEqual({ status: 200, json: { received: { note: "kept" } } });
    });

    // Fastify's JSON parser refuses a `__proto__` key (prototype poisoning) with 400. The same signed bytes are
    // verified and handled at the webhook route: the parser did not run there, before hookproof or after it.
    it("verifies a signed body the app's parser would refuse, byte for byte", async () => {
      const id = `msg_${crypto.randomUUID()}`;
      const body = fixture("stack-auth", "user.created").replace("{", '{"__proto__":{"polluted":true},');
      const scheme = stackAuth({ secret: secrets.stackAuth }).scheme;
      const delivery = { headers: await scheme.sign({ body, id }), body };
      const parsed = await post(`${receiver.url}/api/echo`, delivery);
      expect(parsed.status).toBe(400);
      expect(await post(`${receiver.url}/webhooks/stack-auth`, delivery)).toEqual({
        status: 200,
        json: { ok: true },
      });
      expect((await handledLog(receiver)).filter((entry) => entry.id === id)).toHaveLength(1);
    });
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
