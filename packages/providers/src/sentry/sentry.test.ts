import { createHash } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { crossCheck, documentedHmac } from "../../test/cross-check.js";
import { answer, clock, fixtureSuite, fixtureText, post } from "../../test/test-support.js";
import { sentry } from "./index.js";

const SECRET = "sentry_client_secret_0123456789abcdef";
const provider = () => sentry({ secret: SECRET });

/** What Sentry sends with a body: the signature, the resource, and the unsigned request id and time. */
async function delivery(body: string, type: string, requestId = "3f5a1c0b2d6e4f8a9b0c1d2e3f4a5b6c") {
  return {
    ...(await provider().scheme.sign({ body, id: requestId })),
    "sentry-hook-resource": type.split(".")[0] ?? type,
    "sentry-hook-timestamp": "1787234391",
  };
}

fixtureSuite({
  title: "sentry fixtures (Sentry's docs payloads)",
  fixtures: "sentry",
  provider,
  sign: delivery,
  mutations: {
    "installation.created": { path: ["data", "installation", "uuid"] },
    "installation.deleted": { path: ["actor", "name"] },
    "issue.created": { path: ["data", "issue", "id"], set: 1170820242 },
    "issue.resolved": { path: ["installation"] },
  },
});

describe("sentry", () => {
  it("routes by `Sentry-Hook-Resource` and the signed `action`", async () => {
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "issue.resolved",
      (event, context) => {
        seen.push(`${context.type} ${event.data.issue.id}`);
      },
    );
    const body = fixtureText("sentry", "issue.resolved");
    expect(await answer(hooks, post(await delivery(body, "issue.resolved"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(seen).toEqual(["issue.resolved 1170820242"]);
  });

  it("refuses an issue body relabelled as another resource: its schema needs that resource's data", async () => {
    const body = fixtureText("sentry", "issue.created");
    const headers = await delivery(body, "installation.created");
    const result = await answer(createWebhooks({ provider: provider(), now: clock }), post(headers, body));
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toContain("`data.installation`");
  });

  it("dedupes a retry, which carries a new `Request-ID` and time, by the body's SHA-256", async () => {
    const body = fixtureText("sentry", "issue.created");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(body, "issue.created", "r-1"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const retry = {
      ...(await delivery(body, "issue.created", "r-2")),
      "sentry-hook-timestamp": "1787234691",
    };
    expect(await answer(hooks, post(retry, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual([`sha256:${createHash("sha256").update(body).digest("hex")}`]);
    expect(provider().replayBound).toBe("retention");
  });

  it("verifies the research vector over Sentry's ASCII-escaped bytes, not a re-serialised body", async () => {
    const body =
      '{"action":"created","installation":{"uuid":"7a485448-a9e2-4c85-8a3c-4f44175783c9"},"data":{"issue":{"id":"1170820242","title":"Caf\\u00e9 error"}},"actor":{"type":"application","id":"sentry","name":"Sentry"}}';
    const value = "f2cbed052ef1fa0e7367d17b86495d76de9e684a7516349f1a8b51571934d3a5";
    const verify = (bytes: string) =>
      outcome(() =>
        provider().scheme.verify({
          header: readHeaders({ "sentry-hook-signature": value }),
          body: utf8(bytes),
        }),
      );
    expect(await verify(body)).toBe("ok");
    expect(await verify(JSON.stringify(JSON.parse(body)))).toBe("invalid_signature");
  });
});

crossCheck({
  scheme: () => provider().scheme,
  wrong: () => sentry({ secret: "another_client_secret_fedcba9876543210" }).scheme,
  header: "sentry-hook-signature",
  // No Sentry package verifies: `SentryApp.build_signature` is `hmac.new(secret, body, sha256).hexdigest()`.
  sdk: documentedHmac("Sentry's build_signature", { secret: SECRET, algorithm: "sha256", encoding: "hex" }),
});
