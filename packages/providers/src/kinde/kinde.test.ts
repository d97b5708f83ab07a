import { createWebhooks } from "@hookproof/core";
import { decodeWebhook } from "@kinde/webhooks";
import { generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type JwksServer, startJwksServer } from "../../test/jwks-server.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { kinde, kindeJwt } from "./index.js";

/** A colon-separated fingerprint, as Kinde's `kid`s are. */
const KID = "2a:e0:4f:9c:31:d8:6b:07:a5:e2";
const enc = new TextEncoder();

/** The sender's JWKS on a free loopback port (test/jwks-server.ts); `jwks.down` makes it answer 500. */
let jwks: JwksServer;
let domain: string;
let rsa: JwksServer["rsa"];

beforeAll(async () => {
  jwks = await startJwksServer(KID);
  domain = jwks.origin;
  rsa = jwks.rsa;
});

afterAll(() => jwks.close());

const provider = () => kinde({ domain });

/** Signs like Kinde: the claims as an RS256 JWT under the domain key's `kid`, the token as the body. */
async function kindeSends(
  claims: string,
  key: { alg: string; kid?: string; key: CryptoKey | Uint8Array } = {
    alg: "RS256",
    kid: KID,
    key: rsa.privateKey,
  },
): Promise<{ headers: Record<string, string>; body: string }> {
  const token = await new SignJWT(JSON.parse(claims))
    .setProtectedHeader({ alg: key.alg, ...(key.kid ? { kid: key.kid } : {}) })
    .sign(key.key);
  return {
    headers: { "content-type": "application/jwt", "webhook-id": "01J9Z0W4Q8R7M5T3K1H6F2D0BA" },
    body: token,
  };
}

fixtureSuite({
  title: "kinde fixtures",
  fixtures: "kinde",
  provider,
  wire: (claims) => kindeSends(claims),
  mutations: {
    "user.created": { path: ["data", "user", "id"] },
    "user.updated": { path: ["data", "user", "organizations", 0, "code"], set: 5 },
    "user.deleted": { path: ["data", "user", "id"], set: null },
    "user.authenticated": { path: ["event_id"] },
    "user.authentication_failed": { path: ["data", "user"] },
    "organization.created": { path: ["data", "organization", "code"] },
    "organization.updated": { path: ["data", "organization", "is_allow_registrations"], set: "yes" },
    "organization.deleted": { path: ["data", "organization", "code"], set: 7 },
    "role.created": { path: ["data", "role", "is_default_role"], set: "no" },
    "role.updated": { path: ["data", "role", "key"], set: [] },
    "role.deleted": { path: ["data", "role", "id"] },
    "permission.created": { path: ["data", "permission", "name"], set: 3 },
    "permission.updated": { path: ["timestamp"], set: "yesterday" },
    "permission.deleted": { path: ["timestamp"] },
    "subscriber.created": { path: ["data", "subscriber", "email"], set: false },
    "access_request.created": { path: ["data", "access_request", "user_id"], set: 12 },
  },
});

const TYPES = "@kinde/webhooks 1.0.0 `dist/types.d.ts`";
const NEXTJS = "kinde-oss/documentation `webhooks-nextjs.mdx` (a real user.created)";

allowedSuite({
  title: "kinde: what Kinde's own types and output allow",
  fixtures: "kinde",
  provider,
  wire: (claims) => kindeSends(claims),
  allowed: [
    { type: "user.created", path: ["data", "user", "email"], set: null, source: NEXTJS },
    { type: "user.created", path: ["data", "user", "username"], set: null, source: NEXTJS },
    {
      type: "user.created",
      path: ["data", "user", "phone"],
      set: null,
      source: `${TYPES}: \`string | null\``,
    },
    {
      type: "user.updated",
      path: ["data", "user", "organizations", 0, "roles"],
      set: ["billing-admin"],
      source: `${TYPES}: roles as \`string[]\` (1.3.2: \`{ id, key }[]\`)`,
    },
    { type: "user.created", path: ["data", "user", "organizations", 0, "roles"], set: null, source: TYPES },
    {
      type: "organization.created",
      path: ["data", "organization", "external_id"],
      source: `${TYPES}: \`external_id?: string | null\``,
    },
    {
      type: "role.created",
      path: ["event_timestamp"],
      source: `${TYPES}: \`WebhookBase\` has no \`event_timestamp\``,
    },
    {
      type: "role.created",
      path: ["source"],
      set: "system",
      source: `${TYPES}: \`WebhookSource\` (kept open)`,
    },
  ],
});

describe("kinde", () => {
  it("hands the verified claims to the handler, typed by event, deduped by `event_id`", async () => {
    const claims = fixtureText("kinde", "user.updated");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "user.updated",
      ({ data }, context) => {
        expectTypeOf(data.user.email).toEqualTypeOf<string | null | undefined>();
        seen.push([data.user.id, context.id]);
      },
    );
    const sent = await kindeSends(claims);
    expect(await answer(hooks, post(sent.headers, sent.body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([["kp_4b7c1e2d9a3f4e6081b2c3d4e5f60718", "event_0191f4d2c3b84e7a9f02"]]);
  });

  it("signs bodies Kinde's own decodeWebhook accepts, and accepts what it decodes", async () => {
    const claims = fixtureText("kinde", "organization.created");
    const signed = await kindeJwt({ domain, privateKey: rsa.privateJwk }).signBody?.({ body: claims });
    expect(signed?.headers["content-type"]).toBe("application/jwt");
    expect(await decodeWebhook(String(signed?.body), domain)).toEqual(JSON.parse(claims));
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("organization.created", () => {});
    expect(await answer(hooks, post(signed?.headers ?? {}, String(signed?.body)))).toEqual({
      status: 200,
      body: { ok: true },
    });
    // And Kinde's decoder refuses what the preset refuses: a token of another key under the same `kid`.
    const other = await generateKeyPair("RS256");
    const forged = await kindeSends(claims, { alg: "RS256", kid: KID, key: other.privateKey });
    expect(await decodeWebhook(forged.body, domain)).toBeNull();
  });

  it("dedupes a retry, and a replay under a fresh unsigned `webhook-id`", async () => {
    const claims = fixtureText("kinde", "user.created");
    let handled = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "user.created",
      () => void handled++,
    );
    const sent = await kindeSends(claims);
    expect((await answer(hooks, post(sent.headers, sent.body))).body).toEqual({ ok: true });
    expect((await answer(hooks, post(sent.headers, sent.body))).body).toEqual({ ok: true, duplicate: true });
    const replay = { ...sent.headers, "webhook-id": "01J9Z0W4Q8R7M5T3K1H6F2D0ZZ" };
    expect((await answer(hooks, post(replay, sent.body))).body).toEqual({ ok: true, duplicate: true });
    expect(handled).toBe(1);
  });

  it("refuses an event whose `timestamp` is older than 37 h, and accepts one within Kinde's 36 h of retries", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const at = (hours: number) =>
      JSON.stringify({
        ...JSON.parse(fixtureText("kinde", "role.created")),
        timestamp: new Date((NOW_S - hours * 3600) * 1000).toISOString(),
      });
    const old = await kindeSends(at(37.1));
    const refused = await answer(hooks, post(old.headers, old.body));
    expect([refused.status, refused.body.error?.code]).toEqual([401, "timestamp_expired"]);
    const retried = await kindeSends(at(35.9));
    expect((await answer(hooks, post(retried.headers, retried.body))).status).toBe(200);
  });

  it("refuses a tampered token, another key, an expired token, and a JSON body", async () => {
    const claims = fixtureText("kinde", "user.deleted");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const sent = await kindeSends(claims);
    const [header, , signature] = sent.body.split(".");
    const altered = Buffer.from(claims.replace("user.deleted", "user.created")).toString("base64url");
    const tampered = await answer(hooks, post(sent.headers, `${header}.${altered}.${signature}`));
    expect([tampered.status, tampered.body.error?.code]).toEqual([401, "invalid_signature"]);
    const other = await generateKeyPair("RS256");
    const wrongKey = await kindeSends(claims, { alg: "RS256", kid: KID, key: other.privateKey });
    const wrong = await answer(hooks, post(wrongKey.headers, wrongKey.body));
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, "invalid_signature"]);
    const expiredToken = await new SignJWT(JSON.parse(claims))
      .setProtectedHeader({ alg: "RS256", kid: KID })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(rsa.privateKey);
    const expired = await answer(hooks, post(sent.headers, expiredToken));
    expect([expired.status, expired.body.error?.code]).toEqual([401, "timestamp_expired"]);
    const plain = await answer(hooks, post({}, claims));
    expect([plain.status, plain.body.error?.code]).toEqual([401, "invalid_signature"]);
    expect(JSON.stringify(plain.body)).not.toContain("kp_");
  });

  it("refuses `alg: none` and HS256 signed with the domain's public key (algorithm confusion)", async () => {
    const claims = fixtureText("kinde", "user.authenticated");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const none = await answer(hooks, post({}, new UnsecuredJWT(JSON.parse(claims)).encode()));
    expect([none.status, none.body.error?.code]).toEqual([401, "invalid_signature"]);
    const publicText = enc.encode(JSON.stringify(rsa.publicJwk));
    const confused = await kindeSends(claims, { alg: "HS256", kid: KID, key: publicText });
    const forged = await answer(hooks, post(confused.headers, confused.body));
    expect([forged.status, forged.body.error?.code]).toEqual([401, "invalid_signature"]);
    expect(forged.body.error?.message).toMatch(/algorithm/);
  });

  it("refuses an unknown `kid`, and answers 503 key_unavailable while the JWKS is down", async () => {
    const claims = fixtureText("kinde", "user.authentication_failed");
    const unknown = await kindeSends(claims, { alg: "RS256", kid: "ff:ff:ff", key: rsa.privateKey });
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const refused = await answer(hooks, post(unknown.headers, unknown.body));
    expect([refused.status, refused.body.error?.code]).toEqual([401, "invalid_signature"]);
    expect(refused.body.error?.message).toMatch(/`kid`/);
    jwks.down = true;
    try {
      const fresh = createWebhooks({ provider: provider(), now: clock });
      const sent = await kindeSends(claims);
      const unavailable = await answer(fresh, post(sent.headers, sent.body));
      expect([unavailable.status, unavailable.body.error?.code]).toEqual([503, "key_unavailable"]);
    } finally {
      jwks.down = false;
    }
  });

  it("fetches the JWKS at the domain's /.well-known/jwks.json through the injected fetch, once while cached", async () => {
    const fetched: string[] = [];
    const scheme = kindeJwt({
      domain: "acme.kinde.com/",
      fetch: (url, init) => {
        fetched.push(url);
        return fetch(`${domain}/.well-known/jwks.json`, init);
      },
    });
    const sent = await kindeSends(fixtureText("kinde", "role.deleted"));
    for (let i = 0; i < 3; i++) {
      const result = await scheme.verify({ header: () => undefined, body: enc.encode(sent.body) });
      expect(result.payload).toEqual(JSON.parse(fixtureText("kinde", "role.deleted")));
    }
    expect(fetched).toEqual(["https://acme.kinde.com/.well-known/jwks.json"]);
  });

  it("refuses at creation without a domain", () => {
    expect(() => kinde({})).toThrow(/\[@hookproof\/core\].*`domain`/);
    expect(() => kinde({ domain: "http://acme.kinde.com" })).toThrow(/must be https/);
    expect(kinde({ publicKey: rsa.publicJwk }).name).toBe("kinde");
  });
});
