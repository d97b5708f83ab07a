import { createHash, createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { crossCheck, documentedHmac } from "../../test/cross-check.js";
import { answer, clock, fixtureSuite, fixtureText, post } from "../../test/test-support.js";
import { bitbucket } from "./index.js";

const SECRET = "bb-webhook-secret-0123456789abcdef";
const provider = () => bitbucket({ secret: SECRET });

/** What Bitbucket sends with a body: the signature, the event key, and unsigned delivery headers. */
async function delivery(
  body: string,
  key: string,
  request = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  attempt = "1",
) {
  return {
    ...(await provider().scheme.sign({ body, id: request })),
    "x-event-key": key,
    "x-hook-uuid": "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
    "x-attempt-number": attempt,
  };
}

fixtureSuite({
  title: "bitbucket fixtures (Atlassian's event payloads)",
  fixtures: "bitbucket",
  provider,
  sign: delivery,
  mutations: {
    "repo:push": { path: ["push", "changes"], set: {} },
    "pullrequest:created": { path: ["pullrequest", "id"], set: "42" },
    "pullrequest:fulfilled": { path: ["repository", "full_name"] },
  },
});

describe("bitbucket", () => {
  it("routes by `X-Event-Key`, and dedupes a resend (a new request id and attempt) or a relabelled replay", async () => {
    const body = fixtureText("bitbucket", "pullrequest:created");
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      seen.push(`${context.type} ${context.id}`);
    });
    expect(await answer(hooks, post(await delivery(body, "pullrequest:created", "r-1"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    for (const replay of [
      await delivery(body, "pullrequest:created", "r-2", "2"),
      await delivery(body, "pullrequest:updated", "r-3"),
    ]) {
      expect(await answer(hooks, post(replay, body))).toEqual({
        status: 200,
        body: { ok: true, duplicate: true },
      });
    }
    expect(seen).toEqual([`pullrequest:created sha256:${createHash("sha256").update(body).digest("hex")}`]);
    expect(provider().replayBound).toBe("retention");
  });

  it("verifies the research vector, refuses GitHub's `sha1=` form, and a webhook without a secret", async () => {
    const body =
      '{"push":{"changes":[]},"repository":{"type":"repository","full_name":"team/repo","uuid":"{b2a4e1c0-1111-2222-3333-444455556666}"},"actor":{"type":"user","uuid":"{aaaa}"}}';
    const verify = (headers: Record<string, string>) =>
      outcome(() => provider().scheme.verify({ header: readHeaders(headers), body: utf8(body) }));
    const value = "sha256=7a91078204fe6106a577cb44835a1b2809835584b196a88bfa2b7a989da18419";
    expect(await verify({ "x-hub-signature": value })).toBe("ok");
    expect(
      await verify({ "x-hub-signature": `sha1=${createHmac("sha1", SECRET).update(body).digest("hex")}` }),
    ).toBe("malformed_header");
    expect(await verify({})).toBe("missing_header");
  });
});

crossCheck({
  scheme: () => provider().scheme,
  wrong: () => bitbucket({ secret: "bb-webhook-secret-fedcba9876543210" }).scheme,
  header: "x-hub-signature",
  // No Atlassian package verifies: the documented `sha256=` + hex HMAC-SHA256 of the body.
  sdk: documentedHmac("Atlassian's documented signature", {
    secret: SECRET,
    algorithm: "sha256",
    encoding: "hex",
    prefix: "sha256=",
  }),
});
