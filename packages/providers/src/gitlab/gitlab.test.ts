import { createHash } from "node:crypto";
import { createWebhooks } from "@hookproof/core";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { answer, clock, fixtureSuite, fixtureText, NOW_S, post } from "../../test/test-support.js";
import { gitlab } from "./index.js";

const TOKEN = "glwt-7f3a9c2e51b84d06a1c2";
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const provider = () => gitlab({ token: TOKEN });

/** What GitLab sends with a body and the token: the event header and its unsigned ids. */
const delivery = (_body: string, kind: string, uuid = "13792a34-cac6-4fda-95a8-c58e00a3954e") => ({
  "x-gitlab-token": TOKEN,
  "x-gitlab-event": `${kind === "merge_request" ? "Merge Request" : kind[0]?.toUpperCase() + kind.slice(1)} Hook`,
  "x-gitlab-event-uuid": uuid,
  "idempotency-key": uuid,
});

fixtureSuite({
  title: "gitlab fixtures (GitLab's webhook_events.md examples)",
  fixtures: "gitlab",
  provider,
  sign: delivery,
  mutations: {
    push: { path: ["commits"], set: {} },
    merge_request: { path: ["object_attributes", "iid"] },
    issue: { path: ["project", "id"], set: "15" },
    pipeline: { path: ["object_attributes", "status"] },
  },
});

describe("gitlab", () => {
  it("routes by the body's `object_kind` and dedupes by its SHA-256 under fresh unsigned ids", async () => {
    const body = fixtureText("gitlab", "push");
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("push", (event, context) => {
      seen.push(`${context.type} ${event.ref} ${context.id}`);
    });
    expect(await answer(hooks, post(delivery(body, "push", "u-1"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(delivery(body, "push", "u-2"), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(seen).toEqual([
      `push refs/heads/master sha256:${createHash("sha256").update(body).digest("hex")}`,
    ]);
    expect(provider().replayBound).toBe("retention");
  });

  it("refuses a wrong token, and one missing", async () => {
    const body = fixtureText("gitlab", "issue");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const wrong = await answer(
      hooks,
      post({ ...delivery(body, "issue"), "x-gitlab-token": "not-the-token-at-all" }, body),
    );
    expect(wrong.body.error?.code).toBe("invalid_token");
    const { "x-gitlab-token": _, ...none } = delivery(body, "issue");
    expect((await answer(hooks, post(none, body))).body.error?.code).toBe("missing_header");
  });

  it("with a signing token: a request GitLab signs (as svix signs) passes, deduped by `webhook-id`, bounded ±300 s", async () => {
    const signed = gitlab({ secret: SECRET });
    expect(signed.replayBound).toBeUndefined();
    const body = fixtureText("gitlab", "pipeline");
    const headers = (id: string, at: number) => ({
      "webhook-id": id,
      "webhook-timestamp": String(at),
      "webhook-signature": new Webhook(SECRET).sign(id, new Date(at * 1000), body),
      "x-gitlab-event": "Pipeline Hook",
    });
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: signed, now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(headers("a0e2c3f4", NOW_S - 10), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(headers("a0e2c3f4", NOW_S - 5), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect((await answer(hooks, post(headers("b1", NOW_S - 301), body))).body.error?.code).toBe(
      "timestamp_expired",
    );
    expect(ids).toEqual(["a0e2c3f4"]);
  });

  it("while moving to signing: a signed request is checked by its signature, an unsigned one by the token", async () => {
    const both = gitlab({ token: TOKEN, secret: SECRET });
    expect(both.replayBound).toBe("retention");
    const body = fixtureText("gitlab", "issue");
    const hooks = createWebhooks({ provider: both, now: clock }).onAny(() => {});
    expect(await answer(hooks, post(delivery(body, "issue"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const forged = {
      ...delivery(body, "issue"),
      "webhook-id": "x",
      "webhook-timestamp": String(NOW_S),
      "webhook-signature": "v1,AAAA",
    };
    expect((await answer(hooks, post(forged, body))).body.error?.code).toBe("invalid_signature");
    expect(() => gitlab({})).toThrow(/needs `token`/);
  });
});
