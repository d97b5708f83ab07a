/**
 * The public-key scheme families (issue 16): raw Ed25519 (Discord's layout) and ECDSA P-256 (SendGrid's),
 * each against its own raw-crypto bound: one node:crypto verify over the same bytes.
 * @module
 */
import {
  createHash,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  sign,
  timingSafeEqual,
  verify,
  webcrypto,
} from "node:crypto";
import { createVerifier, ecdsaP256, ed25519 } from "@hookproof/core";
import { do_not_optimize } from "mitata";

const subtle = webcrypto.subtle;

const ED = generateKeyPairSync("ed25519");
const ED_PUBLIC_HEX = Buffer.from(ED.publicKey.export({ format: "jwk" }).x, "base64url").toString("hex");
const EC = generateKeyPairSync("ec", { namedCurve: "P-256" });
const EC_PUBLIC_B64 = EC.publicKey.export({ format: "der", type: "spki" }).toString("base64");

const DISCORD = { signatureHeader: "x-signature-ed25519", timestampHeader: "x-signature-timestamp" };
const SENDGRID = {
  signatureHeader: "x-twilio-email-event-webhook-signature",
  timestampHeader: "x-twilio-email-event-webhook-timestamp",
};

function must(condition, what) {
  if (!condition) throw new Error(`sanity check failed: ${what}`);
}

function signed(body, timestamp, family) {
  const message = Buffer.concat([Buffer.from(String(timestamp)), body]);
  const signature =
    family === DISCORD
      ? sign(null, message, ED.privateKey).toString("hex")
      : sign("sha256", message, { key: EC.privateKey, dsaEncoding: "der" }).toString("base64");
  return {
    headers: {
      "content-type": "application/json",
      [family.signatureHeader]: signature,
      [family.timestampHeader]: String(timestamp),
    },
    body,
  };
}

/** The suites, in `micro.mjs`'s shape; `web` is the built WebCrypto entry of the core. */
export function asymmetricSuites(web, nowSeconds) {
  const edVerifier = createVerifier({ scheme: ed25519({ ...DISCORD, publicKey: ED_PUBLIC_HEX }) });
  const edWeb = web.createVerifier({ scheme: web.ed25519({ ...DISCORD, publicKey: ED_PUBLIC_HEX }) });
  const ecVerifier = createVerifier({ scheme: ecdsaP256({ ...SENDGRID, publicKey: EC_PUBLIC_B64 }) });
  const ecWeb = web.createVerifier({ scheme: web.ecdsaP256({ ...SENDGRID, publicKey: EC_PUBLIC_B64 }) });
  // The bounds hold their keys ready, as the schemes do after creation.
  const edKey = createPublicKey(ED.publicKey.export({ format: "pem", type: "spki" }));
  const ecKey = {
    key: createPublicKey(EC.publicKey.export({ format: "pem", type: "spki" })),
    dsaEncoding: "der",
  };

  const suite = (id, title, family, bound, node, webVerifier) => ({
    id,
    title,
    sizes: ["256 B", "64 KiB"],
    setup(bytes) {
      const request = signed(Buffer.from(JSON.stringify({ pad: "x".repeat(bytes) })), nowSeconds(), family);
      const { headers, body } = request;
      return [
        {
          key: "bound",
          role: "bound",
          label: "bound: node:crypto `verify` over timestamp ‖ body",
          fn: () => must(bound(headers, body), id),
        },
        {
          key: "hookproof",
          role: "hookproof",
          vs: "bound",
          label: "hookproof `authenticate` (headers, size, scheme, replay window)",
          fn: () => do_not_optimize(node.authenticate(request)),
        },
        {
          key: "web",
          role: "hookproof",
          vs: "bound",
          label: "hookproof web build `authenticate` (WebCrypto, for scale)",
          fn: () => webVerifier.authenticate(request),
        },
      ];
    },
  });

  const message = (headers, body, family) =>
    Buffer.concat([Buffer.from(headers[family.timestampHeader]), body]);
  return [
    suite(
      "ed25519",
      "Raw Ed25519 (Discord layout, hex signature over `{timestamp}{body}`) — verify, no parse",
      DISCORD,
      (headers, body) =>
        verify(
          null,
          message(headers, body, DISCORD),
          edKey,
          Buffer.from(headers[DISCORD.signatureHeader], "hex"),
        ),
      edVerifier,
      edWeb,
    ),
    suite(
      "ecdsa-p256",
      "ECDSA P-256 (SendGrid layout, base64 DER over `{timestamp}{body}`) — verify, no parse",
      SENDGRID,
      (headers, body) =>
        verify(
          "sha256",
          message(headers, body, SENDGRID),
          ecKey,
          Buffer.from(headers[SENDGRID.signatureHeader], "base64"),
        ),
      ecVerifier,
      ecWeb,
    ),
  ];
}

const NETLIFY_SECRET = "netlify-jws-secret-0123456789abcdef";

/**
 * The JWT family (Netlify's layout): jose's HS256 JWS verify plus the `sha256` claim against the body, against
 * its bound: node:crypto HMAC over the token's signing input, and SHA-256 of the body, each compared.
 */
export function jwtSuite(netlifyJwt, nowSeconds) {
  const verifier = createVerifier({ scheme: netlifyJwt({ secret: NETLIFY_SECRET }) });
  const hmacKey = subtle.importKey(
    "raw",
    Buffer.from(NETLIFY_SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return {
    id: "jwt",
    title: "JWT (Netlify layout: HS256 token in a header, `sha256` claim = body hash) — verify, no parse",
    sizes: ["256 B", "64 KiB"],
    // jose verifies through WebCrypto: single calls are bimodal (see the webcrypto suite), so the same median.
    minCpuTimeMs: 200,
    slices: 4,
    unbatched: true,
    aggregate: "median",
    setup(bytes) {
      const body = Buffer.from(JSON.stringify({ pad: "x".repeat(bytes), at: nowSeconds() }));
      const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");
      const claims = Buffer.from(
        JSON.stringify({ sha256: createHash("sha256").update(body).digest("hex"), iss: "netlify" }),
      ).toString("base64url");
      const mac = createHmac("sha256", NETLIFY_SECRET).update(`${header}.${claims}`).digest("base64url");
      const token = `${header}.${claims}.${mac}`;
      const request = { headers: { "x-webhook-signature": token }, body };
      return [
        {
          key: "bound",
          role: "bound",
          label: "bound: node:crypto HMAC of the signing input + SHA-256 of the body, parse the claims",
          fn: () => {
            const [h, c, s] = token.split(".");
            const expected = createHmac("sha256", NETLIFY_SECRET).update(`${h}.${c}`).digest();
            must(timingSafeEqual(expected, Buffer.from(s, "base64url")), "jwt mac");
            const { sha256 } = JSON.parse(Buffer.from(c, "base64url").toString());
            must(sha256 === createHash("sha256").update(body).digest("hex"), "jwt body");
          },
        },
        {
          key: "hookproof",
          role: "hookproof",
          vs: "bound",
          label:
            "hookproof `netlifyJwt` `authenticate` (jose `jwtVerify` on WebCrypto + body hash on node:crypto)",
          fn: () => verifier.authenticate(request),
        },
        {
          key: "subtle",
          role: "bound",
          label: "for scale: the bound with `crypto.subtle.verify` (HMAC key ready), as jose must verify",
          fn: async () => {
            const [h, c, s] = token.split(".");
            const key = await hmacKey;
            const ok = await subtle.verify(
              "HMAC",
              key,
              Buffer.from(s, "base64url"),
              Buffer.from(`${h}.${c}`),
            );
            must(ok, "jwt subtle mac");
            const { sha256 } = JSON.parse(Buffer.from(c, "base64url").toString());
            must(sha256 === createHash("sha256").update(body).digest("hex"), "jwt subtle body");
          },
        },
      ];
    },
  };
}
