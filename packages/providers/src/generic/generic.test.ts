import { createHmac } from "node:crypto";
import { createWebhooks } from "@hookproof/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { answer, clock, fixtureSuite, fixtureText, NOW_S, post } from "../../test/test-support.js";
import { generic } from "./index.js";

const SECRET = "whsk-generic-7f3a9c2e51b84d06";
const provider = () => generic({ secret: SECRET });

/** What the generic sender adds besides the signature: subscription id, unsigned event name, agent. */
async function senderHeaders(body: string): Promise<Record<string, string>> {
  return {
    ...(await provider().scheme.sign({ body })),
    "x-webhook-id": "wh_123456",
    "x-webhook-event": JSON.parse(body).type,
    "user-agent": "ExampleAPI-Webhooks/1.0",
  };
}

fixtureSuite({
  title: "generic fixtures",
  fixtures: "generic",
  provider,
  sign: senderHeaders,
  mutations: {
    "user.created": { path: ["data", "id"] },
    "user.updated": { path: ["data", "email"], set: 42 },
    "user.deleted": { path: ["id"] },
    "project.created": { path: ["created_at"], set: "last tuesday" },
    "project.updated": { path: ["data", "name"], set: 5 },
    "project.deleted": { path: ["data", "id"] },
    "team.member.added": { path: ["data", "user_id"] },
    "team.member.removed": { path: ["data", "team_id"] },
    "team.member.role_changed": { path: ["data", "role"], set: null },
  },
});

/** A fixture re-dated `secondsAgo` before the clock. */
function aged(type: string, secondsAgo: number): string {
  const body = JSON.parse(fixtureText("generic", type));
  return JSON.stringify({ ...body, created_at: new Date((NOW_S - secondsAgo) * 1000).toISOString() });
}

describe("generic", () => {
  it("accepts `sha256=<hex>` computed independently over the raw body, and dedupes by the body's id", async () => {
    const body = fixtureText("generic", "user.created");
    const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "user.created",
      (event, context) => {
        expectTypeOf(event.data.email).toEqualTypeOf<string | null | undefined>();
        ids.push(context.id);
      },
    );
    const headers = { "x-webhook-signature": signature };
    expect((await answer(hooks, post(headers, body))).status).toBe(200);
    expect((await answer(hooks, post(headers, body))).body).toEqual({ ok: true, duplicate: true });
    expect(ids).toEqual([JSON.parse(body).id]);
  });

  it("refuses an event created more than 24 h ago as a replay, and accepts one just younger", async () => {
    let runs = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("team.member.added", () => {
      runs++;
    });
    const old = aged("team.member.added", 86_401);
    const refused = await answer(hooks, post(await senderHeaders(old), old));
    expect([refused.status, refused.body.error?.code]).toEqual([401, "timestamp_expired"]);
    const young = aged("team.member.added", 86_399);
    expect((await answer(hooks, post(await senderHeaders(young), young))).status).toBe(200);
    expect(runs).toBe(1);
  });

  it("routes by the signed body's type, not the unsigned X-Webhook-Event header", async () => {
    const body = fixtureText("generic", "project.created");
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("project.created", (event) => void seen.push(event.type))
      .on("project.deleted", (event) => void seen.push(event.type));
    const headers = { ...(await senderHeaders(body)), "x-webhook-event": "project.deleted" };
    expect((await answer(hooks, post(headers, body))).status).toBe(200);
    expect(seen).toEqual(["project.created"]);
  });

  it("cannot be set up with a dedupe retention shorter than its 24 h maxAge", () => {
    expect(() => createWebhooks({ provider: provider(), retainMs: 12 * 3_600_000 })).toThrow(/`maxAge`/);
    expect(() => createWebhooks({ provider: provider(), retainMs: 24 * 3_600_000 })).not.toThrow();
  });
});
