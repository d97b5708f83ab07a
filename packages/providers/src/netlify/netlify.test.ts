import { createHash } from "node:crypto";
import { createWebhooks } from "@hookproof/core";
import { jwtVerify, SignJWT } from "jose";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { netlify, netlifyJwt } from "./index.js";

const SECRET = "jws-secret-example-0123456789abcdef";
const provider = () => netlify({ secret: SECRET });
const enc = new TextEncoder();

/** Signs like Netlify, with jose alone: `{ sha256: hex(body) }`, `iss: netlify`, HS256. */
async function netlifySigns(body: string, type: string, secret = SECRET): Promise<Record<string, string>> {
  const token = await new SignJWT({ sha256: createHash("sha256").update(body).digest("hex") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("netlify")
    .sign(enc.encode(secret));
  return { "x-webhook-signature": token, "x-netlify-event": type };
}

fixtureSuite({
  title: "netlify fixtures",
  fixtures: "netlify",
  provider,
  sign: async (body, type) => ({ ...(await provider().scheme.sign({ body })), "x-netlify-event": type }),
  mutations: {
    deploy_building: { path: ["state"], set: 7 },
    deploy_created: { path: ["updated_at"], set: 1 },
    deploy_failed: { path: ["error_message"], set: false },
    deploy_locked: { path: ["locked"], set: "yes" },
    deploy_unlocked: { path: ["id"], set: 5 },
    deploy_request_pending: { path: ["context"], set: [] },
    deploy_request_accepted: { path: ["deploy_time"], set: "5" },
    deploy_request_rejected: { path: ["review_id"], set: "none" },
  },
});

const DEPLOY = "netlify/open-api `go/models/deploy.go` (every field `omitempty`)";

allowedSuite({
  title: "netlify: what Netlify's own model allows",
  fixtures: "netlify",
  provider,
  sign: (body, type) => netlifySigns(body, type),
  allowed: [
    { type: "deploy_created", path: ["id"], source: DEPLOY },
    { type: "deploy_created", path: ["state"], source: DEPLOY },
    { type: "deploy_created", path: ["branch"], set: null, source: "zulip fixture: nullable strings" },
    { type: "deploy_failed", path: ["commit_ref"], set: null, source: "zulip fixture: nullable strings" },
    { type: "deploy_building", path: ["context"], set: "branch-deploy", source: `${DEPLOY}: open string` },
  ],
});

describe("netlify", () => {
  it("accepts a delivery signed by jose as Netlify signs it, typed by its event", async () => {
    const body = fixtureText("netlify", "deploy_failed");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "deploy_failed",
      (deploy, context) => {
        expectTypeOf(deploy.error_message).toEqualTypeOf<string | null | undefined>();
        seen.push([deploy.error_message, context.id]);
      },
    );
    expect(await answer(hooks, post(await netlifySigns(body, "deploy_failed"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const hash = createHash("sha256").update(body).digest("hex");
    expect(seen).toEqual([["Build script returned non-zero exit code: 2", `sha256:${hash}`]]);
  });

  it("signs tokens jose verifies as Netlify's: HS256, `iss: netlify`, `sha256` of the exact body", async () => {
    const body = fixtureText("netlify", "deploy_created");
    const headers = await netlifyJwt({ secret: SECRET }).sign({ body });
    const { payload, protectedHeader } = await jwtVerify(
      headers["x-webhook-signature"] as string,
      enc.encode(SECRET),
      {
        algorithms: ["HS256"],
        issuer: "netlify",
      },
    );
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload.sha256).toBe(createHash("sha256").update(body).digest("hex"));
  });

  it("dedupes a retry, and a replay relabelled with another unsigned event name", async () => {
    const body = fixtureText("netlify", "deploy_building");
    let handled = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("deploy_building", () => void handled++)
      .on("deploy_created", () => void handled++);
    const headers = await netlifySigns(body, "deploy_building");
    expect((await answer(hooks, post(headers, body))).body).toEqual({ ok: true });
    expect((await answer(hooks, post(headers, body))).body).toEqual({ ok: true, duplicate: true });
    const relabelled = { ...headers, "x-netlify-event": "deploy_created" };
    expect((await answer(hooks, post(relabelled, body))).body).toEqual({ ok: true, duplicate: true });
    expect(handled).toBe(1);
  });

  it("refuses a body changed under a valid token, a token for another secret, and no token", async () => {
    const body = fixtureText("netlify", "deploy_created");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const headers = await netlifySigns(body, "deploy_created");
    const altered = body.replace('"ready"', '"error"');
    const tampered = await answer(hooks, post(headers, altered));
    expect([tampered.status, tampered.body.error?.code]).toEqual([401, "invalid_signature"]);
    const other = await answer(
      hooks,
      post(await netlifySigns(body, "deploy_created", "another-secret-0123456789abcdef"), body),
    );
    expect([other.status, other.body.error?.code]).toEqual([401, "invalid_signature"]);
    const missing = await answer(hooks, post({ "x-netlify-event": "deploy_created" }, body));
    expect([missing.status, missing.body.error?.code]).toEqual([400, "missing_header"]);
  });

  it("refuses a deploy whose `updated_at` is older than 24 h", async () => {
    const old = JSON.stringify({
      ...JSON.parse(fixtureText("netlify", "deploy_created")),
      updated_at: new Date((NOW_S - 86_400 - 60) * 1000).toISOString(),
    });
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const refused = await answer(hooks, post(await netlifySigns(old, "deploy_created"), old));
    expect([refused.status, refused.body.error?.code]).toEqual([401, "timestamp_expired"]);
  });

  it("refuses a secret under 16 bytes unless allowed, as Netlify lets users type one", () => {
    expect(() => netlify({ secret: "short" })).toThrow(/under 16 bytes/);
    expect(netlify({ secret: "short", allowShortSecret: true }).name).toBe("netlify");
  });
});
