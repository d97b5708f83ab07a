import { createWebhooks } from "@hookproof/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { answer, clock, fixtureSuite, fixtureText, NOW_S, post } from "../../test/test-support.js";
import { tesseral } from "./index.js";

// PROVIDERS.md §1: a vector computed for Tesseral's body shape.
const VECTOR = {
  secret: "whsec_s9HdJgEeMygYBibt4rIFLZnKRUVi6rfp",
  id: "msg_2pLqRsTuVwXyZaBcDeFgHiJkLmN",
  timestamp: 1732291200,
  signature: "v1,pV9bac/nznWqr1MkHubyzG4nuRj/0snyNqZNUbG5IFA=",
};

const provider = () => tesseral({ secret: VECTOR.secret });

fixtureSuite({
  title: "tesseral fixtures",
  fixtures: "tesseral",
  provider,
  sign: (body) => provider().scheme.sign({ body, id: "msg_31FqWbZkR2nVx8cJ0dLm4pT6yHs", timestamp: NOW_S }),
  mutations: {
    "sync.user": { path: ["userId"] },
    "sync.organization": { path: ["organizationId"], set: 42 },
  },
});

describe("tesseral", () => {
  it("signs the fixture exactly as PROVIDERS.md's vector, in svix-* headers", async () => {
    const body = fixtureText("tesseral", "sync.user");
    expect(body).toBe('{"type":"sync.user","userId":"user_4x1c2k9d0m7qz3bvn8r5tw6ye"}');
    const headers = await provider().scheme.sign({ body, id: VECTOR.id, timestamp: VECTOR.timestamp });
    expect(headers).toEqual({
      "svix-id": VECTOR.id,
      "svix-timestamp": String(VECTOR.timestamp),
      "svix-signature": VECTOR.signature,
    });
  });

  it("accepts the vector's request and dedupes its retries by svix-id", async () => {
    const body = fixtureText("tesseral", "sync.user");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: () => VECTOR.timestamp * 1000 }).on(
      "sync.user",
      (event, context) => {
        expectTypeOf(event.userId).toEqualTypeOf<string>();
        ids.push(context.id);
      },
    );
    const headers = {
      "svix-id": VECTOR.id,
      "svix-timestamp": String(VECTOR.timestamp),
      "svix-signature": VECTOR.signature,
    };
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    // Svix re-signs each attempt with a new timestamp; the id stays.
    const retry = await provider().scheme.sign({ body, id: VECTOR.id, timestamp: VECTOR.timestamp + 5 });
    expect(await answer(hooks, post(retry, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual([VECTOR.id]);
  });

  it("refuses a body signed with another endpoint's secret", async () => {
    const body = fixtureText("tesseral", "sync.organization");
    const other = tesseral({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
    const headers = await other.scheme.sign({ body, id: VECTOR.id, timestamp: NOW_S });
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const result = await answer(hooks, post(headers, body));
    expect(result.status).toBe(401);
    expect(result.body.error?.code).toBe("invalid_signature");
  });
});
