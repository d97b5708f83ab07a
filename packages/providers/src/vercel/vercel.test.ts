import { createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { crossCheck, documentedHmac } from "../../test/cross-check.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { vercel } from "./index.js";

const SECRET = "vercel_webhook_secret_0123456789";
const provider = () => vercel({ secret: SECRET });
const DOCS = "vercel.com/docs/webhooks/webhooks-api";

const delivery = (body: string) => provider().scheme.sign({ body });

fixtureSuite({
  title: "vercel fixtures (Vercel's docs payloads)",
  fixtures: "vercel",
  provider,
  sign: delivery,
  mutations: {
    "deployment.created": { path: ["payload", "deployment", "url"] },
    "deployment.succeeded": { path: ["createdAt"], set: "2026-08-20T13:59:49Z" },
    "deployment.error": { path: ["payload", "project", "id"], set: 1 },
    "project.created": { path: ["id"] },
  },
});

allowedSuite({
  title: "vercel: never stricter than its docs",
  fixtures: "vercel",
  provider,
  sign: delivery,
  allowed: [
    {
      type: "deployment.created",
      path: ["payload", "team"],
      set: null,
      source: `${DOCS} (a personal account has no team)`,
    },
    {
      type: "deployment.succeeded",
      path: ["region"],
      set: null,
      source: `${DOCS} "Payload" (\`region\` may be null)`,
    },
  ],
});

describe("vercel", () => {
  it("dedupes by the body's signed `id`", async () => {
    const body = fixtureText("vercel", "deployment.succeeded");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(body), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(await delivery(body), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual(["Kq8xkzbNAB9Zq0q0LrTDrnJh"]);
  });

  it("reads `createdAt` as milliseconds: 23 h old passes, 24 h and a second is refused", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny(() => {});
    const at = (ms: number) =>
      JSON.stringify({ ...JSON.parse(fixtureText("vercel", "project.created")), createdAt: ms });
    const recent = at((NOW_S - 82_800) * 1000);
    expect(await answer(hooks, post(await delivery(recent), recent))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const old = at((NOW_S - 86_401) * 1000);
    expect((await answer(hooks, post(await delivery(old), old))).body.error?.code).toBe("timestamp_expired");
  });

  it("verifies the research vector, an HMAC-SHA1, and refuses the SHA-256 of the same body", async () => {
    const body =
      '{"id":"uev_2pLqRsTuVwXyZaBc","type":"deployment.created","createdAt":1764480000000,"region":"iad1","payload":{"deployment":{"id":"dpl_123"}}}';
    const verify = (value: string) =>
      outcome(() =>
        provider().scheme.verify({ header: readHeaders({ "x-vercel-signature": value }), body: utf8(body) }),
      );
    expect(await verify("2026b68da23c5da4c6ede80249220ba6e46cfb4a")).toBe("ok");
    expect(await verify(createHmac("sha256", SECRET).update(body).digest("hex"))).toBe("invalid_signature");
  });
});

crossCheck({
  scheme: () => provider().scheme,
  wrong: () => vercel({ secret: "another_vercel_secret_987654" }).scheme,
  header: "x-vercel-signature",
  // No SDK signs or verifies: Vercel's docs inline `createHmac("sha1", secret).update(rawBody).digest("hex")`.
  sdk: documentedHmac("Vercel's docs snippet", { secret: SECRET, algorithm: "sha1", encoding: "hex" }),
});
