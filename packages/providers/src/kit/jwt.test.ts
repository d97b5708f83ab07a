import { createHash, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readHeaders } from "@hookproof/core";
import { exportJWK, generateKeyPair, type JWK, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection as refusal } from "../../../core/test/helpers.js";
import { jwtScheme } from "./jwt.js";

const BODY = '{"id":"5b78192ac9659217dbf7c9aa","state":"ready","updated_at":"2026-08-20T14:04:00.000Z"}';
const SECRET = "netlify-jws-secret-0123456789abcdef";
const NOW = Date.UTC(2026, 7, 20, 14, 5);
const now = () => NOW;
const enc = new TextEncoder();
const hex = (body: string) => createHash("sha256").update(body).digest("hex");
const b64 = (body: string) => createHash("sha256").update(body).digest("base64");

const request = (headers: Record<string, string>, body = BODY) => ({
  header: readHeaders(headers),
  body: enc.encode(body),
});

const netlify = (extra: Partial<Parameters<typeof jwtScheme>[0]> = {}) =>
  jwtScheme({
    token: { header: "x-webhook-signature" },
    algorithms: ["HS256"],
    secret: SECRET,
    issuer: "netlify",
    bodyHash: { claim: "sha256", encoding: "hex" },
    claims: { iss: "netlify" },
    now,
    ...extra,
  });

/** A JWKS served on a free loopback port; `fail` makes it answer 500. */
let server: Server;
let jwksUrl: string;
let jwks: { keys: JWK[] } = { keys: [] };
let fail = false;
let rsa: { privateKey: CryptoKey; publicJwk: JWK };

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  rsa = {
    privateKey: pair.privateKey,
    publicJwk: { ...(await exportJWK(pair.publicKey)), kid: "2a:e0:4f", alg: "RS256", use: "sig" },
  };
  jwks = { keys: [rsa.publicJwk] };
  server = createServer((_, response) => {
    if (fail) return response.writeHead(500).end();
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("jwtScheme in a header with a body hash (Netlify's layout)", () => {
  it("verifies a token jose signs as Netlify does, naming the secret that matched", async () => {
    const token = await new SignJWT({ sha256: hex(BODY) })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("netlify")
      .sign(enc.encode(SECRET));
    const scheme = netlify({ secret: ["an-older-secret-of-this-endpoint", SECRET] });
    expect(await scheme.verify(request({ "x-webhook-signature": token }))).toEqual({ keyIndex: 1 });
  });

  it("signs a token jose verifies, with the issuer and the body's hash", async () => {
    const headers = await netlify().sign({ body: BODY });
    const { jwtVerify } = await import("jose");
    const { payload } = await jwtVerify(headers["x-webhook-signature"] as string, enc.encode(SECRET), {
      algorithms: ["HS256"],
      issuer: "netlify",
    });
    expect(payload.sha256).toBe(hex(BODY));
  });

  it("refuses a tampered body (hash mismatch), another secret, and another issuer", async () => {
    const headers = await netlify().sign({ body: BODY });
    expect((await refusal(() => netlify().verify(request(headers, `${BODY} `)))).message).toMatch(
      /`sha256` claim/,
    );
    const other = netlify({ secret: "a-different-secret-0123456789" });
    expect((await refusal(() => other.verify(request(headers)))).code).toBe("invalid_signature");
    const foreign = await netlify({ claims: { iss: "someone-else" } }).sign({ body: BODY });
    const error = await refusal(() => netlify().verify(request(foreign)));
    expect(error.code).toBe("invalid_signature");
    expect(error.message).toMatch(/`iss`/);
  });

  it("refuses `alg: none` and an algorithm it does not pin, before trying any key", async () => {
    const unsecured = new UnsecuredJWT({ sha256: hex(BODY), iss: "netlify" }).encode();
    const none = await refusal(() => netlify().verify(request({ "x-webhook-signature": unsecured })));
    expect(none.code).toBe("invalid_signature");
    expect(none.message).toMatch(/algorithm/);
    const hs512 = await new SignJWT({ sha256: hex(BODY) })
      .setProtectedHeader({ alg: "HS512" })
      .setIssuer("netlify")
      .sign(enc.encode(SECRET));
    expect((await refusal(() => netlify().verify(request({ "x-webhook-signature": hs512 })))).code).toBe(
      "invalid_signature",
    );
  });

  it("refuses an expired token, and one issued too long ago or in the future", async () => {
    const at = Math.floor(NOW / 1000);
    const expired = await new SignJWT({ sha256: hex(BODY) })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("netlify")
      .setExpirationTime(at - 301)
      .sign(enc.encode(SECRET));
    expect((await refusal(() => netlify().verify(request({ "x-webhook-signature": expired })))).code).toBe(
      "timestamp_expired",
    );
    const aged = netlify({ maxTokenAge: 600 });
    const old = await new SignJWT({ sha256: hex(BODY) })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("netlify")
      .setIssuedAt(at - 1000)
      .sign(enc.encode(SECRET));
    expect((await refusal(() => aged.verify(request({ "x-webhook-signature": old })))).code).toBe(
      "timestamp_expired",
    );
    const ahead = await new SignJWT({ sha256: hex(BODY) })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("netlify")
      .setIssuedAt(at + 1000)
      .sign(enc.encode(SECRET));
    expect((await refusal(() => aged.verify(request({ "x-webhook-signature": ahead })))).code).toBe(
      "timestamp_in_future",
    );
    const fresh = await new SignJWT({ sha256: hex(BODY) })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("netlify")
      .setIssuedAt(at - 10)
      .setExpirationTime(at + 60)
      .sign(enc.encode(SECRET));
    expect(await aged.verify(request({ "x-webhook-signature": fresh }))).toEqual({ keyIndex: 0 });
  });

  it("refuses a missing, oversized or malformed header, never echoing it", async () => {
    expect((await refusal(() => netlify().verify(request({})))).code).toBe("missing_header");
    expect(() => netlify().checkHeaders?.(readHeaders({}))).toThrow(/x-webhook-signature/);
    expect(
      (await refusal(() => netlify().verify(request({ "x-webhook-signature": "a".repeat(9000) })))).code,
    ).toBe("malformed_header");
    const garbage = await refusal(() =>
      netlify().verify(request({ "x-webhook-signature": "secret-looking.value" })),
    );
    expect(garbage.code).toBe("malformed_header");
    expect(garbage.message).not.toContain("secret-looking");
  });

  it("refuses at creation: no algorithms, `none`, no secret, a short secret unless allowed", () => {
    const base = { token: { header: "x-webhook-signature" } } as const;
    expect(() => jwtScheme({ ...base, algorithms: [], secret: SECRET })).toThrow(
      /\[@hookproof\/core\].*algorithms/,
    );
    expect(() => jwtScheme({ ...base, algorithms: ["none" as "HS256"], secret: SECRET })).toThrow(
      /never none/,
    );
    expect(() => jwtScheme({ ...base, algorithms: ["HS256"] })).toThrow(/`secret` is required/);
    expect(() => jwtScheme({ ...base, algorithms: ["HS256"], secret: "short" })).toThrow(/under 16 bytes/);
    expect(jwtScheme({ ...base, algorithms: ["HS256"], secret: "short", allowShortSecret: true }).name).toBe(
      "jwt",
    );
    expect(() => jwtScheme({ ...base, algorithms: ["RS256"] })).toThrow(/`publicKey` or `jwksUrl`/);
  });
});

describe("jwtScheme with HMAC secrets and public keys (FusionAuth's layout)", () => {
  const fusion = (extra: Partial<Parameters<typeof jwtScheme>[0]> = {}) =>
    jwtScheme({
      token: { header: "x-fusionauth-signature-jwt" },
      algorithms: ["HS256", "RS256", "ES256"],
      secret: SECRET,
      jwksUrl,
      bodyHash: { claim: "request_body_sha256", encoding: "base64" },
      now,
      ...extra,
    });

  it("verifies RS256 by `kid` from the JWKS, and HS256 with the secret", async () => {
    const rs = await new SignJWT({ request_body_sha256: b64(BODY) })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: "2a:e0:4f" })
      .sign(rsa.privateKey);
    expect(await fusion().verify(request({ "x-fusionauth-signature-jwt": rs }))).toEqual({ keyIndex: 0 });
    const hs = await new SignJWT({ request_body_sha256: b64(BODY) })
      .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: "hmac-key" })
      .sign(enc.encode(SECRET));
    expect(await fusion().verify(request({ "x-fusionauth-signature-jwt": hs }))).toEqual({ keyIndex: 0 });
  });

  it("refuses algorithm confusion: HS256 signed with the RSA public key's bytes as the secret", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ format: "pem", type: "spki" }).toString();
    const jwk = { ...(publicKey.export({ format: "jwk" }) as JWK), kid: "rsa-1" };
    const forged = await new SignJWT({ request_body_sha256: b64(BODY) })
      .setProtectedHeader({ alg: "HS256", kid: "rsa-1" })
      .sign(enc.encode(pem));
    // The public key configured directly, and as the only key: HMAC tokens never meet it.
    const scheme = fusion({
      secret: undefined,
      jwksUrl: undefined,
      publicKey: [pem, jwk],
      algorithms: ["HS256", "RS256"],
    });
    expect((await refusal(() => scheme.verify(request({ "x-fusionauth-signature-jwt": forged })))).code).toBe(
      "invalid_signature",
    );
    const rsOnly = fusion({ secret: undefined, jwksUrl: undefined, publicKey: pem, algorithms: ["RS256"] });
    expect(
      (await refusal(() => rsOnly.verify(request({ "x-fusionauth-signature-jwt": forged })))).message,
    ).toMatch(/algorithm/);
  });

  it("refuses a `kid` the JWKS lacks, fetching the set again at most once per cooldown", async () => {
    let clock = NOW;
    const fetched: string[] = [];
    const scheme = fusion({
      now: () => clock,
      fetch: (url, init) => {
        fetched.push(url);
        return fetch(url, init);
      },
    });
    const unknown = await new SignJWT({ request_body_sha256: b64(BODY) })
      .setProtectedHeader({ alg: "RS256", kid: "not-there" })
      .sign(rsa.privateKey);
    for (let i = 0; i < 5; i++) {
      const error = await refusal(() => scheme.verify(request({ "x-fusionauth-signature-jwt": unknown })));
      expect(error.code).toBe("invalid_signature");
      expect(error.message).toMatch(/`kid`/);
    }
    expect(fetched).toHaveLength(1);
    clock += 61_000;
    await refusal(() => scheme.verify(request({ "x-fusionauth-signature-jwt": unknown })));
    expect(fetched).toHaveLength(2);
  });

  it("picks up a rotated key on an unknown `kid` once the cooldown allows", async () => {
    let clock = NOW;
    const scheme = fusion({ now: () => clock });
    const first = await new SignJWT({ request_body_sha256: b64(BODY) })
      .setProtectedHeader({ alg: "RS256", kid: "2a:e0:4f" })
      .sign(rsa.privateKey);
    await scheme.verify(request({ "x-fusionauth-signature-jwt": first }));
    const next = await generateKeyPair("ES256", { extractable: true });
    const nextJwk = { ...(await exportJWK(next.publicKey)), kid: "ec-2", alg: "ES256" };
    jwks = { keys: [rsa.publicJwk, nextJwk] };
    try {
      const rotated = await new SignJWT({ request_body_sha256: b64(BODY) })
        .setProtectedHeader({ alg: "ES256", kid: "ec-2" })
        .sign(next.privateKey);
      clock += 61_000;
      expect(await scheme.verify(request({ "x-fusionauth-signature-jwt": rotated }))).toEqual({
        keyIndex: 0,
      });
    } finally {
      jwks = { keys: [rsa.publicJwk] };
    }
  });

  it("answers 503 key_unavailable when the JWKS cannot be fetched, naming no key material", async () => {
    const token = await new SignJWT({ request_body_sha256: b64(BODY) })
      .setProtectedHeader({ alg: "RS256", kid: "2a:e0:4f" })
      .sign(rsa.privateKey);
    fail = true;
    try {
      const error = await refusal(() => fusion().verify(request({ "x-fusionauth-signature-jwt": token })));
      expect({ code: error.code, status: error.status }).toEqual({ code: "key_unavailable", status: 503 });
      expect(error.message).toMatch(/HTTP 500/);
    } finally {
      fail = false;
    }
    const closed = fusion({ jwksUrl: "http://127.0.0.1:1/jwks.json" });
    expect((await refusal(() => closed.verify(request({ "x-fusionauth-signature-jwt": token })))).code).toBe(
      "key_unavailable",
    );
  });

  it("refuses a JWKS URL that is not https (except localhost)", () => {
    expect(() => fusion({ jwksUrl: "http://example.com/jwks.json" })).toThrow(/must be https/);
  });
});

describe("jwtScheme with the body as the token (Kinde's layout)", () => {
  const kinde = () => jwtScheme({ token: "body", algorithms: ["RS256"], jwksUrl, now });
  const claims = {
    event_id: "event_0123456789",
    type: "user.created",
    source: "admin",
    timestamp: "2026-08-20T14:04:00.000Z",
    data: { user: { id: "kp_1" } },
  };

  it("verifies an RS256 body token and hands back its claims as the payload", async () => {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "2a:e0:4f" })
      .sign(rsa.privateKey);
    const result = await kinde().verify(request({ "content-type": "application/jwt" }, `${token}\n`));
    expect(result).toEqual({ keyIndex: 0, payload: claims });
  });

  it("signs a body through `signBody` with a private JWK, which verifies", async () => {
    const privateJwk = { ...(await exportJWK(rsa.privateKey)), kid: "2a:e0:4f", alg: "RS256" };
    const signer = jwtScheme({ token: "body", algorithms: ["RS256"], jwksUrl, now, signingKey: privateJwk });
    const signed = await signer.signBody?.({ body: JSON.stringify(claims) });
    expect(signed?.headers["content-type"]).toBe("application/jwt");
    expect(await kinde().verify(request(signed?.headers ?? {}, String(signed?.body)))).toMatchObject({
      payload: claims,
    });
  });

  it("refuses a tampered token, `alg: none`, HS256 confusion and a non-token body", async () => {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "2a:e0:4f" })
      .sign(rsa.privateKey);
    const [h, p, s] = token.split(".");
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, type: "user.deleted" })).toString("base64url")}.${s}`;
    expect((await refusal(() => kinde().verify(request({}, tampered)))).code).toBe("invalid_signature");
    expect(p).toBeTruthy();
    const none = new UnsecuredJWT(claims).encode();
    expect((await refusal(() => kinde().verify(request({}, none)))).code).toBe("invalid_signature");
    const pem = JSON.stringify(rsa.publicJwk);
    const confused = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", kid: "2a:e0:4f" })
      .sign(enc.encode(pem));
    expect((await refusal(() => kinde().verify(request({}, confused)))).code).toBe("invalid_signature");
    expect((await refusal(() => kinde().verify(request({}, '{"type":"user.created"}')))).code).toBe(
      "invalid_signature",
    );
  });
});
