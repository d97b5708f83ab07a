import { createHash, timingSafeEqual } from "node:crypto";
import { createWebhooks } from "@hookproof/core";
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  UnsecuredJWT,
} from "jose";
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
import { fusionAuth, fusionAuthJwt } from "./index.js";

const SECRET = "fusionauth-hmac-key-0123456789abcdef";
const HEADER = "x-fusionauth-signature-jwt";
const KID = "4c7b0a5e-5ea1-4c2e-9f3f-7c1a2d0e9b11";
const enc = new TextEncoder();
const b64 = (body: string) => createHash("sha256").update(body).digest("base64");

/** The sender's JWKS on a free loopback port (test/jwks-server.ts); `jwks.down` makes it answer 500. */
let jwks: JwksServer;
let jwksUrl: string;
let rsa: JwksServer["rsa"];

beforeAll(async () => {
  jwks = await startJwksServer(KID);
  jwksUrl = jwks.url;
  rsa = jwks.rsa;
});

afterAll(() => jwks.close());

const hmacProvider = () => fusionAuth({ secret: SECRET });
const jwksProvider = () => fusionAuth({ jwksUrl });

/** Signs like FusionAuth (signing.mdx): `{ request_body_sha256: base64(sha256(body)) }`, `typ: JWT`, the key's `kid`. */
async function fusionAuthSigns(
  body: string,
  key: { alg: string; kid: string; key: CryptoKey | Uint8Array } = {
    alg: "HS256",
    kid: "hmac-key",
    key: enc.encode(SECRET),
  },
): Promise<Record<string, string>> {
  const token = await new SignJWT({ request_body_sha256: b64(body) })
    .setProtectedHeader({ alg: key.alg, typ: "JWT", kid: key.kid })
    .sign(key.key);
  return { [HEADER]: token, "content-type": "application/json" };
}

const rsaSigns = (body: string) => fusionAuthSigns(body, { alg: "RS256", kid: KID, key: rsa.privateKey });

fixtureSuite({
  title: "fusion-auth fixtures",
  fixtures: "fusion-auth",
  provider: hmacProvider,
  sign: (body) => hmacProvider().scheme.sign({ body }),
  mutations: {
    "user.create": { path: ["event", "user", "email"], set: 7 },
    "user.create.complete": { path: ["event", "id"] },
    "user.update": { path: ["event", "original", "active"], set: "yes" },
    "user.update.complete": { path: ["event", "createInstant"] },
    "user.delete": { path: ["event", "user", "registrations"], set: {} },
    "user.delete.complete": { path: ["event", "user", "id"], set: 1 },
    "user.deactivate": { path: ["event", "user", "active"], set: "false" },
    "user.reactivate": { path: ["event", "tenantId"], set: 5 },
    "user.email.update": { path: ["event", "previousEmail"], set: false },
    "user.email.verified": { path: ["event", "user", "verified"], set: "true" },
    "user.login.success": { path: ["event", "applicationId"], set: [] },
    "user.login.failed": { path: ["event", "reason", "code"], set: 403 },
    "user.password.update": { path: ["event", "info", "ipAddress"], set: 42 },
    "user.registration.create": { path: ["event", "registration", "roles"], set: "user" },
    "user.registration.create.complete": { path: ["event", "registration", "roles", 0], set: 1 },
    "user.registration.update": { path: ["event", "original", "applicationId"], set: null },
    "user.registration.update.complete": { path: ["event", "registration", "insertInstant"], set: "now" },
    "user.registration.delete": { path: ["event", "user", "registrations", 0, "id"], set: 9 },
    "user.registration.delete.complete": { path: ["event", "user", "email"], set: null },
    "user.registration.verified": { path: ["event", "registration", "verified"], set: 1 },
    "group.member.add": { path: ["event", "members"], set: {} },
    "group.member.add.complete": { path: ["event", "members", 0, "userId"], set: 3 },
    "group.member.remove": { path: ["event", "group", "name"], set: ["Employees"] },
    "group.member.remove.complete": { path: ["event", "group", "roles"], set: "admin" },
    "group.member.update": { path: ["event", "members", 0, "data"], set: "x" },
    "group.member.update.complete": { path: ["event", "createInstant"], set: "1787234640000" },
  },
});

const CLIENT = "@fusionauth/typescript-client `FusionAuthClient.ts` (every field optional)";

allowedSuite({
  title: "fusion-auth: what FusionAuth's own types allow",
  fixtures: "fusion-auth",
  provider: hmacProvider,
  sign: (body) => fusionAuthSigns(body),
  allowed: [
    { type: "user.create", path: ["event", "user"], source: `${CLIENT}: \`BaseUserEvent.user\`` },
    { type: "user.create", path: ["event", "tenantId"], source: `${CLIENT}: \`BaseEvent.tenantId\`` },
    { type: "user.login.success", path: ["event", "info"], source: `${CLIENT}: \`BaseEvent.info\`` },
    { type: "user.login.failed", path: ["event", "reason"], source: `${CLIENT}: \`UserLoginFailedEvent\`` },
    { type: "user.update", path: ["event", "original"], source: `${CLIENT}: \`UserUpdateEvent\`` },
    { type: "user.registration.verified", path: ["event", "registration", "roles"], source: CLIENT },
    { type: "group.member.add", path: ["event", "group"], source: `${CLIENT}: \`BaseGroupEvent\`` },
    { type: "group.member.remove", path: ["event", "members", 0, "id"], source: CLIENT },
    {
      type: "user.registration.create",
      path: ["event", "user", "usernameStatus"],
      set: "UNKNOWN_STATUS",
      source: `${CLIENT}: \`ContentStatus\` (open)`,
    },
  ],
});

describe("fusionAuth", () => {
  it("accepts an RS256 delivery signed as FusionAuth signs it, its key fetched by `kid`, typed by its event", async () => {
    const body = fixtureText("fusion-auth", "user.registration.create");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: jwksProvider(), now: clock }).on(
      "user.registration.create",
      ({ event }, context) => {
        expectTypeOf(event.registration?.roles).toEqualTypeOf<string[] | undefined>();
        seen.push([event.registration?.roles, context.id]);
      },
    );
    expect(await answer(hooks, post(await rsaSigns(body), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(seen).toEqual([[["user"], "e502168a-b469-45d9-a079-000000000014"]]);
  });

  it("accepts HS256, HS384 and HS512 tokens made with the secret's UTF-8 bytes", async () => {
    const body = fixtureText("fusion-auth", "user.create");
    for (const alg of ["HS256", "HS384", "HS512"]) {
      const headers = await fusionAuthSigns(body, { alg, kid: "hmac", key: enc.encode(SECRET) });
      expect(
        await fusionAuthJwt({ secret: SECRET }).verify({ header: (n) => headers[n], body: enc.encode(body) }),
      ).toEqual({ keyIndex: 0 });
    }
  });

  it("signs tokens FusionAuth's example verifier accepts (jose + the JWKS, base64 digest compared)", async () => {
    const body = fixtureText("fusion-auth", "user.delete");
    const signer = fusionAuthJwt({ jwksUrl, privateKey: rsa.privateJwk });
    const token = (await signer.sign({ body }))[HEADER] as string;
    // fusionauth-example-javascript-webhooks `signature-verify/app.js`: jwtVerify against the remote JWKS.
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(jwksUrl)));
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "RS256", kid: KID, typ: "JWT" });
    expect(payload.request_body_sha256).toBe(b64(body));
    const hmacToken = (await fusionAuthJwt({ secret: SECRET }).sign({ body }))[HEADER] as string;
    const hmac = await jwtVerify(hmacToken, enc.encode(SECRET), { algorithms: ["HS256"] });
    const digest = createHash("sha256").update(body).digest();
    expect(timingSafeEqual(Buffer.from(String(hmac.payload.request_body_sha256), "base64"), digest)).toBe(
      true,
    );
  });

  it("dedupes a retry, and a replay sent with other unsigned headers", async () => {
    const body = fixtureText("fusion-auth", "user.create.complete");
    let handled = 0;
    const hooks = createWebhooks({ provider: hmacProvider(), now: clock }).on(
      "user.create.complete",
      () => void handled++,
    );
    const headers = await fusionAuthSigns(body);
    expect((await answer(hooks, post(headers, body))).body).toEqual({ ok: true });
    expect((await answer(hooks, post(headers, body))).body).toEqual({ ok: true, duplicate: true });
    const resigned = { ...(await fusionAuthSigns(body)), authorization: "another-api-key" };
    expect((await answer(hooks, post(resigned, body))).body).toEqual({ ok: true, duplicate: true });
    expect(handled).toBe(1);
  });

  it("refuses an event whose `createInstant` is older than 24 h", async () => {
    const old = JSON.parse(fixtureText("fusion-auth", "user.create")) as { event: { createInstant: number } };
    old.event.createInstant = (NOW_S - 86_400 - 60) * 1000;
    const body = JSON.stringify(old);
    const hooks = createWebhooks({ provider: hmacProvider(), now: clock });
    const refused = await answer(hooks, post(await fusionAuthSigns(body), body));
    expect([refused.status, refused.body.error?.code]).toEqual([401, "timestamp_expired"]);
  });

  it("refuses a tampered body, a token of another key, an expired token and no token", async () => {
    const body = fixtureText("fusion-auth", "user.update");
    const hooks = createWebhooks({ provider: jwksProvider(), now: clock });
    const headers = await rsaSigns(body);
    const tampered = await answer(hooks, post(headers, body.replace('"Janet"', '"Mallory"')));
    expect([tampered.status, tampered.body.error?.code]).toEqual([401, "invalid_signature"]);
    expect(tampered.body.error?.message).toMatch(/request_body_sha256/);
    const other = await generateKeyPair("RS256");
    const wrong = await answer(
      hooks,
      post(await fusionAuthSigns(body, { alg: "RS256", kid: KID, key: other.privateKey }), body),
    );
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, "invalid_signature"]);
    const expiredToken = await new SignJWT({ request_body_sha256: b64(body) })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: KID })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(rsa.privateKey);
    const expired = await answer(hooks, post({ [HEADER]: expiredToken }, body));
    expect([expired.status, expired.body.error?.code]).toEqual([401, "timestamp_expired"]);
    const missing = await answer(hooks, post({ "content-type": "application/json" }, body));
    expect([missing.status, missing.body.error?.code]).toEqual([400, "missing_header"]);
  });

  it("refuses `alg: none` and HS256 signed with the RSA public key (algorithm confusion)", async () => {
    const body = fixtureText("fusion-auth", "user.login.success");
    const none = new UnsecuredJWT({ request_body_sha256: b64(body) }).encode();
    const pem = JSON.stringify(rsa.publicJwk);
    const confused = await fusionAuthSigns(body, { alg: "HS256", kid: KID, key: enc.encode(pem) });
    for (const provider of [jwksProvider(), fusionAuth({ jwksUrl, secret: SECRET })]) {
      const hooks = createWebhooks({ provider, now: clock });
      const unsigned = await answer(hooks, post({ [HEADER]: none }, body));
      expect([unsigned.status, unsigned.body.error?.code]).toEqual([401, "invalid_signature"]);
      const forged = await answer(hooks, post(confused, body));
      expect([forged.status, forged.body.error?.code]).toEqual([401, "invalid_signature"]);
    }
  });

  it("refuses a `kid` the JWKS lacks, and answers 503 key_unavailable while the JWKS is down", async () => {
    const body = fixtureText("fusion-auth", "user.login.failed");
    const unknown = await fusionAuthSigns(body, { alg: "RS256", kid: "not-in-the-set", key: rsa.privateKey });
    const hooks = createWebhooks({ provider: jwksProvider(), now: clock });
    const refused = await answer(hooks, post(unknown, body));
    expect([refused.status, refused.body.error?.code]).toEqual([401, "invalid_signature"]);
    expect(refused.body.error?.message).toMatch(/`kid`/);
    jwks.down = true;
    try {
      const fresh = createWebhooks({ provider: jwksProvider(), now: clock });
      const unavailable = await answer(fresh, post(await rsaSigns(body), body));
      expect([unavailable.status, unavailable.body.error?.code]).toEqual([503, "key_unavailable"]);
    } finally {
      jwks.down = false;
    }
  });

  it("accepts a pinned public key, and refuses at creation without any key", () => {
    expect(fusionAuth({ publicKey: { kty: "RSA", n: "AQAB", e: "AQAB" } }).name).toBe("fusion-auth");
    expect(() => fusionAuth({})).toThrow(/\[@hookproof\/core\].*`secret`.*`publicKey`.*`jwksUrl`/);
    expect(() => fusionAuth({ secret: "short" })).toThrow(/under 16 bytes/);
    expect(fusionAuth({ secret: "short", allowShortSecret: true }).name).toBe("fusion-auth");
  });
});
