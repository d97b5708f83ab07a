import { createHmac } from "node:crypto";
import { createVerifier, createWebhooks, readHeaders } from "@hookproof/core";
import { LinearWebhookClient } from "@linear/sdk/webhooks";
import { describe, expect, expectTypeOf, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  fixtureTypes,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { linear, linearHmac } from "./index.js";

const SECRET = "lin_wh_0123456789abcdefghijklmnopqrstuvwxyzABCD";
const provider = () => linear({ secret: SECRET });
const sign = (body: string) => provider().scheme.sign({ body });
/** Linear's signature, as `LinearWebhookClient.verify` computes it: the hex HMAC-SHA256 of the raw body. */
const linearSign = (body: string, key = SECRET) => createHmac("sha256", key).update(body).digest("hex");
/** A fixture as Linear re-sends it: the same payload, `webhookTimestamp` re-stamped at `ms`. */
const stamped = (type: string, ms: number) => {
  const body = JSON.parse(fixtureText("linear", type));
  body.webhookTimestamp = ms;
  return JSON.stringify(body);
};

fixtureSuite({
  title: "linear fixtures",
  fixtures: "linear",
  provider,
  sign,
  mutations: {
    "Issue.create": { path: ["data", "identifier"] },
    "Issue.update": { path: ["data", "state", "type"] },
    "Issue.remove": { path: ["data", "labels", 0, "name"], set: null },
    "Comment.create": { path: ["data", "body"] },
    "Comment.update": { path: ["data", "issue", "team", "key"] },
    "Comment.remove": { path: ["data", "createdAt"], set: "last week" },
    "IssueLabel.create": { path: ["data", "isGroup"] },
    "IssueLabel.update": { path: ["updatedFrom"], set: "color" },
    "IssueLabel.remove": { path: ["organizationId"] },
    "Project.create": { path: ["data", "slugId"] },
    "Project.update": { path: ["data", "teamIds"], set: "ENG" },
    "Project.remove": { path: ["webhookTimestamp"], set: "1787234695000" },
  },
});

const SDK = "@linear/sdk 98.0.0 dist/index.d.mts";
allowedSuite({
  title: "linear: never stricter than @linear/sdk's types",
  fixtures: "linear",
  provider,
  sign,
  allowed: [
    { type: "Issue.create", path: ["url"], source: `${SDK} (EntityWebhookPayload \`url?\`)` },
    { type: "Issue.update", path: ["updatedFrom"], set: null, source: `${SDK} (EntityWebhookPayload)` },
    { type: "Issue.create", path: ["data", "assignee"], set: null, source: `${SDK} (IssueWebhookPayload)` },
    { type: "Issue.create", path: ["data", "team"], source: `${SDK} (IssueWebhookPayload \`team?\`)` },
    { type: "Issue.create", path: ["data", "estimate"], source: `${SDK} (IssueWebhookPayload)` },
    {
      type: "Issue.create",
      path: ["data", "subscriberIds"],
      source: "older deliveries (looser than the SDK)",
    },
    { type: "Comment.create", path: ["data", "issue"], set: null, source: `${SDK} (CommentWebhookPayload)` },
    { type: "Comment.create", path: ["data", "userId"], source: `${SDK} (CommentWebhookPayload)` },
    {
      type: "IssueLabel.create",
      path: ["data", "teamId"],
      set: null,
      source: `${SDK} (IssueLabelWebhookPayload)`,
    },
    { type: "Project.create", path: ["data", "lead"], set: null, source: `${SDK} (ProjectWebhookPayload)` },
    { type: "Project.create", path: ["data", "targetDate"], source: `${SDK} (ProjectWebhookPayload)` },
  ],
});

describe("linear", () => {
  it("routes by `type.action` and types its data", async () => {
    const body = fixtureText("linear", "Issue.create");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "Issue.create",
      (event, context) => {
        expectTypeOf(event.data.assignee).toEqualTypeOf<
          | { id: string; name: string; email: string; url: string; avatarUrl?: string | null }
          | null
          | undefined
        >();
        expectTypeOf(event.action).toEqualTypeOf<"create">();
        seen.push([context.type, event.type, event.data.identifier]);
      },
    );
    expect(await answer(hooks, post(await sign(body), body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([["Issue.create", "Issue", "ENG-142"]]);
  });

  it("dedupes a retry, re-stamped and re-signed, by its signed webhook, event, entity and createdAt", async () => {
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    const first = stamped("Issue.update", NOW_S * 1000 - 50_000);
    const retry = stamped("Issue.update", NOW_S * 1000 - 1_000);
    const delivery = { "linear-delivery": "9a7c9c0e-1b8f-4c47-8f8a-1d8d2c3b4a01" };
    expect(await answer(hooks, post({ ...(await sign(first)), ...delivery }, first))).toEqual({
      status: 200,
      body: { ok: true },
    });
    // Another unsigned `Linear-Delivery` does not make it new.
    const again = { "linear-delivery": "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" };
    expect(await answer(hooks, post({ ...(await sign(retry)), ...again }, retry))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    const comment = fixtureText("linear", "Comment.create");
    expect((await answer(hooks, post(await sign(comment), comment))).body).toEqual({ ok: true });
    expect(ids).toEqual([
      "0b6bd6fa-7d0f-4d5e-9a4f-1d6ea3c3b8a1 Issue.update 2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9 2026-08-20T14:04:52.200Z",
      "0b6bd6fa-7d0f-4d5e-9a4f-1d6ea3c3b8a1 Comment.create c0a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a7b 2026-08-20T14:04:52.400Z",
    ]);
  });

  it("refuses a delivery whose signed `webhookTimestamp` is more than 60 s old, as Linear's SDK does", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const fresh = stamped("Comment.update", NOW_S * 1000 - 59_000);
    expect((await answer(hooks, post(await sign(fresh), fresh))).status).toBe(200);
    const old = stamped("Comment.remove", NOW_S * 1000 - 61_000);
    expect((await answer(hooks, post(await sign(old), old))).body.error?.code).toBe("timestamp_expired");
    // Seconds rather than milliseconds read as 1970.
    const seconds = stamped("Project.update", NOW_S);
    expect((await answer(hooks, post(await sign(seconds), seconds))).body.error?.code).toBe(
      "timestamp_expired",
    );
  });

  it("refuses an event without a `webhookTimestamp` before its handler runs", async () => {
    const body = JSON.parse(fixtureText("linear", "Issue.remove"));
    delete body.webhookTimestamp;
    const text = JSON.stringify(body);
    let ran = false;
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny(() => {
      ran = true;
    });
    const result = await answer(hooks, post(await sign(text), text));
    expect(result.status).toBe(400);
    expect(ran).toBe(false);
  });

  it("verifies a fixed vector", async () => {
    const body =
      '{"action":"create","type":"Issue","createdAt":"2026-11-30T05:00:00.000Z","organizationId":"5c6a7b8c-0000-4000-8000-000000000001","webhookId":"0b6bd6fa-7d0f-4d5e-9a4f-1d6ea3c3b8a1","webhookTimestamp":1764480000000,"url":"https://linear.app/acme/issue/ENG-1","data":{"id":"2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9","title":"t"}}';
    const value = "0c896075e3f408e786ac8c847dcb0af4ad8d1119d18a3f46cf6dc4585c1c9171";
    expect(
      await outcome(() =>
        provider().scheme.verify({ header: readHeaders({ "linear-signature": value }), body: utf8(body) }),
      ),
    ).toBe("ok");
  });

  it("tries each secret while rotating", async () => {
    const body = fixtureText("linear", "Project.create");
    const old = "lin_wh_oldoldoldoldoldoldoldoldoldoldoldoldoldol";
    const verifier = createVerifier({ scheme: linear({ secret: [SECRET, old] }).scheme });
    const result = await verifier.verify({ headers: { "linear-signature": linearSign(body, old) }, body });
    expect(result.keyIndex).toBe(1);
  });
});

describe("@linear/sdk 98.0.0 LinearWebhookClient ↔ hookproof", () => {
  const client = new LinearWebhookClient(SECRET);

  it.each(fixtureTypes("linear"))(
    "%s: Linear's signature passes the preset, the preset's passes the SDK",
    async (type) => {
      const body = stamped(type, Date.now());
      const ours = (await sign(body))["linear-signature"] ?? "";
      expect(ours).toBe(linearSign(body));
      expect(client.verify(Buffer.from(body), ours)).toBe(true);
      expect(() => client.verify(Buffer.from(`${body} `), ours)).toThrow(/signature/);
      const hooks = createWebhooks({ provider: provider() }).onAny(() => undefined);
      expect(await answer(hooks, post({ "linear-signature": linearSign(body) }, body))).toEqual({
        status: 200,
        body: { ok: true },
      });
      const wrong = createVerifier({ scheme: linearHmac({ secret: `${SECRET}x` }) });
      expect(
        await outcome(() => wrong.verify({ headers: { "linear-signature": linearSign(body) }, body })),
      ).toBe("invalid_signature");
    },
  );

  it("the SDK's own handler runs its `Issue` listener on a request the preset signed", async () => {
    const body = stamped("Issue.create", Date.now());
    const seen: string[] = [];
    const handler = client.createHandler();
    handler.on("Issue", (payload) => {
      seen.push(`${payload.type}.${payload.action}`);
    });
    const response = await handler(
      new Request("https://hooks.example.com/linear", { method: "POST", headers: await sign(body), body }),
    );
    expect(response.status).toBe(200);
    expect(seen).toEqual(["Issue.create"]);
  });

  it("both refuse the same delivery once `webhookTimestamp` is over 60 s old", async () => {
    const body = stamped("Issue.create", Date.now() - 61_000);
    const signature = linearSign(body);
    expect(() => client.verify(Buffer.from(body), signature)).toThrow(/timestamp/);
    const hooks = createWebhooks({ provider: provider() });
    const result = await answer(hooks, post({ "linear-signature": signature }, body));
    expect(result.body.error?.code).toBe("timestamp_expired");
  });
});
