import { createHash, createHmac } from "node:crypto";
import { createVerifier, createWebhooks, readHeaders, type WebhookProvider } from "@hookproof/core";
import type { webhooks } from "@octokit/openapi-webhooks-types";
import { sign, verify } from "@octokit/webhooks-methods";
import { describe, expect, expectTypeOf, it } from "vitest";
import { INVALID_UTF8, outcome, TEXT_BODIES, utf8 } from "../../test/bodies.js";
import { answer, clock, fixtureSuite, fixtureText, post } from "../../test/test-support.js";
import { type GitHubEnvelopeEvents, github, githubHmac } from "./index.js";

const SECRET = "gh-secret-7Qm2vX9pL4sT";
const provider = () => github({ secret: SECRET });

/** What GitHub sends with a body: the signature, the event name (the type before its action) and a delivery id. */
async function delivery(body: string, type: string, id = "72d3162e-cc78-11e3-81ab-4c9367dc0958") {
  return {
    ...(await githubHmac({ secret: SECRET }).sign({ body, id })),
    "x-github-event": type.split(".")[0] ?? type,
    "x-github-hook-id": "292430182",
    "user-agent": "GitHub-Hookshot/044aadd",
  };
}

fixtureSuite({
  title: "github fixtures (@octokit/webhooks-examples)",
  fixtures: "github",
  // The runtime catalogue's four types, as it validates them: their envelope.
  provider: provider as unknown as () => WebhookProvider<GitHubEnvelopeEvents>,
  sign: (body, type) => delivery(body, type),
  mutations: {
    ping: { path: ["repository"], set: "Codertocat/Hello-World" },
    push: { path: ["sender"], set: "Codertocat" },
    "issues.opened": { path: ["repository"], set: 1296269 },
    "pull_request.opened": { path: ["sender"], set: null },
  },
});

describe("github", () => {
  it("routes by `X-GitHub-Event` and the body's `action`: `pull_request.opened`, and `push` without one", async () => {
    const seen: [string, string][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("push", (event, context) => {
        // GitHub's own types, from `@octokit/openapi-webhooks-types` (an optional peer, installed here).
        expectTypeOf(event).toEqualTypeOf<
          webhooks["push"]["post"]["requestBody"]["content"]["application/json"]
        >();
        seen.push([context.type, String(event.repository?.full_name)]);
      })
      .on("pull_request.opened", (event, context) => {
        expectTypeOf(event.action).toEqualTypeOf<"opened">();
        expectTypeOf(event.pull_request.number).toEqualTypeOf<number>();
        seen.push([context.type, String(event.action)]);
      });
    for (const type of ["push", "pull_request.opened"]) {
      const body = fixtureText("github", type);
      expect(await answer(hooks, post(await delivery(body, type), body))).toEqual({
        status: 200,
        body: { ok: true },
      });
    }
    expect(seen).toEqual([
      ["push", "Codertocat/Hello-World"],
      ["pull_request.opened", "opened"],
    ]);
  });

  it("dedupes by the body's SHA-256: a replay with another delivery id or event header is a duplicate", async () => {
    const body = fixtureText("github", "issues.opened");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    const first = await delivery(body, "issues.opened", "d-1");
    expect(await answer(hooks, post(first, body))).toEqual({ status: 200, body: { ok: true } });
    const redelivered = await delivery(body, "issues.opened", "d-2");
    const relabelled = {
      ...(await delivery(body, "issues.opened", "d-3")),
      "x-github-event": "pull_request",
    };
    for (const replay of [redelivered, relabelled]) {
      expect(await answer(hooks, post(replay, body))).toEqual({
        status: 200,
        body: { ok: true, duplicate: true },
      });
    }
    expect(ids).toEqual([`sha256:${createHash("sha256").update(body).digest("hex")}`]);
  });

  it("refuses a delivery without `X-GitHub-Event`: the body alone does not say its type", async () => {
    const body = fixtureText("github", "push");
    const { "x-github-event": _, ...headers } = await delivery(body, "push");
    const result = await answer(createWebhooks({ provider: provider(), now: clock }), post(headers, body));
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe("invalid_payload");
  });

  it("lets an event type it does not list through unvalidated, to its handler", async () => {
    const body = JSON.stringify({
      action: "completed",
      workflow_run: { id: 30433642 },
      sender: { login: "octocat" },
    });
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "workflow_run.completed",
      (event) => {
        seen.push(event);
      },
    );
    expect(await answer(hooks, post(await delivery(body, "workflow_run.completed"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(seen).toEqual([JSON.parse(body)]);
  });

  it("needs no replayBound option: the preset declares that the dedupe retention is its only bound", () => {
    expect(provider().replayBound).toBe("retention");
    expect(provider().scheme.signsTimestamp).toBe(false);
  });
});

/** A scheme request: headers read, body as bytes. */
const request = (headers: Record<string, string>, body: string | Uint8Array) => ({
  header: readHeaders(headers),
  body: typeof body === "string" ? utf8(body) : body,
});

describe("githubHmac: GitHub's docs example", () => {
  const secret = "It's a Secret to Everybody";
  const payload = "Hello, World!";
  const expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  it("signs the documented value with the delivery id, and verifies it without taking that unsigned id", async () => {
    const scheme = githubHmac({ secret });
    expect(await scheme.sign({ body: payload, id: "d-1" })).toEqual({
      "x-hub-signature-256": expected,
      "x-github-delivery": "d-1",
    });
    const result = await scheme.verify(
      request({ "X-Hub-Signature-256": expected, "X-GitHub-Delivery": "d-1" }, payload),
    );
    expect(result).toEqual({ keyIndex: 0 });
    expect(scheme.signsTimestamp).toBe(false);
  });

  it("accepts upper-case hex, and rejects the payload with one more byte", async () => {
    const scheme = githubHmac({ secret });
    const upper = `sha256=${expected.slice(7).toUpperCase()}`;
    expect(await outcome(() => scheme.verify(request({ "x-hub-signature-256": upper }, payload)))).toBe("ok");
    expect(
      await outcome(() => scheme.verify(request({ "x-hub-signature-256": expected }, `${payload}\n`))),
    ).toBe("invalid_signature");
  });
});

const secret = "It's a Secret to Everybody";
// @octokit/webhooks-methods refuses an empty payload (TypeError), so the empty body is checked below against node:crypto.
const bodies = TEXT_BODIES.filter((b) => b.text !== "");

describe("@octokit/webhooks-methods → hookproof githubHmac", () => {
  it.each(bodies.map((b) => [b.name, b] as const))("%s", async (_, { text }) => {
    const signature = await sign(secret, text);
    const headers = { "x-hub-signature-256": signature, "x-github-delivery": "d-42" };
    const verified = await createVerifier({ scheme: githubHmac({ secret }) }).verify({
      headers,
      body: Buffer.from(text),
    });
    // The delivery id header is unsigned, so the event id is the signed body's hash.
    const hash = createHash("sha256").update(text).digest("hex");
    expect(verified).toMatchObject({ id: `sha256:${hash}`, keyIndex: 0, payload: JSON.parse(text) });
    const scheme = githubHmac({ secret: "not the secret at all" });
    expect(await outcome(() => scheme.verify({ header: readHeaders(headers), body: utf8(text) }))).toBe(
      "invalid_signature",
    );
  });
});

describe("hookproof githubHmac → @octokit/webhooks-methods", () => {
  it.each(bodies.map((b) => [b.name, b] as const))("%s", async (_, { text }) => {
    const headers = await githubHmac({ secret }).sign({ body: text, id: "d-42" });
    const signature = headers["x-hub-signature-256"] ?? "";
    expect(signature).toBe(await sign(secret, text));
    expect(await verify(secret, text, signature)).toBe(true);
    expect(await verify(secret, `${text} `, signature)).toBe(false);
  });

  it("the GitHub docs example", async () => {
    const headers = await githubHmac({ secret }).sign({ body: "Hello, World!" });
    expect(await verify(secret, "Hello, World!", headers["x-hub-signature-256"] ?? "")).toBe(true);
  });
});

describe("bodies @octokit/webhooks-methods cannot carry", () => {
  it.each([
    ["0 B", new Uint8Array(0)],
    ["bytes that are not UTF-8", INVALID_UTF8],
  ])("%s: hookproof matches node:crypto's HMAC over the raw bytes", async (_, body) => {
    const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const scheme = githubHmac({ secret });
    expect((await scheme.sign({ body }))["x-hub-signature-256"]).toBe(expected);
    expect(
      await outcome(() => scheme.verify({ header: readHeaders({ "x-hub-signature-256": expected }), body })),
    ).toBe("ok");
  });
});
