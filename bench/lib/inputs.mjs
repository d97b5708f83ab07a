/**
 * Signed requests for each scheme, built with node:crypto directly (not with the code under test),
 * and the raw-crypto bounds every contender is measured against.
 * @module
 */
import { createHash, createHmac, generateKeyPairSync, sign, timingSafeEqual, verify } from "node:crypto";

// Fixed test secrets: a Standard Webhooks `whsec_` (32 bytes of base64), GitHub's text secret, Stripe's `whsec_`.
export const SW_KEY = Buffer.alloc(32, 0).map((_, i) => (i * 37 + 11) & 0xff);
export const SW_SECRET = `whsec_${SW_KEY.toString("base64")}`;
export const GITHUB_SECRET = "It's a Secret to Everybody";
export const STRIPE_SECRET = "whsec_bench5t4E9mHOVkDyb2uWqs4aO1dJp";

const SW_ID = "msg_2mG7xQpNbHkV9wRzTq3sLc1YdEf";

// A Standard Webhooks `v1a` (Ed25519) key pair, made fresh each run by node:crypto; the verifier gets only
// the public half, as `whpk_<base64>`.
const ED25519 = generateKeyPairSync("ed25519");
export const SW_PUBLIC_KEY = `whpk_${Buffer.from(ED25519.publicKey.export({ format: "jwk" }).x, "base64url").toString("base64")}`;

/** A Standard Webhooks request: `webhook-*` headers, `v1,<base64>` over `${id}.${ts}.${body}`. */
export function signStandardWebhooks(body, timestamp, id = SW_ID) {
  const mac = createHmac("sha256", SW_KEY).update(`${id}.${timestamp}.`).update(body).digest("base64");
  return {
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": `v1,${mac}`,
    },
    body,
  };
}

/** A Standard Webhooks request signed once, `v1a,<base64 Ed25519>` over `${id}.${ts}.${body}`. */
export function signStandardWebhooksV1a(body, timestamp, id = SW_ID) {
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
  return {
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": `v1a,${sign(null, signed, ED25519.privateKey).toString("base64")}`,
    },
    body,
  };
}

/** The forged entries of the security review's flood: 170 well-formed `v1a,<64 bytes>` (16 KB), none genuine. */
export const V1A_FLOOD = Array.from(
  { length: 170 },
  (_, i) => `v1a,${createHash("sha512").update(`forged ${i}`).digest("base64")}`,
);

/** `request` with its signature header replaced by the 170-entry flood. */
export function withV1aFlood(request) {
  return { ...request, headers: { ...request.headers, "webhook-signature": V1A_FLOOD.join(" ") } };
}

/**
 * What that header cost before signature lists were capped: one node:crypto Ed25519 verify per entry,
 * over the signed content. For scale, not a bound.
 */
export function verifyEveryEntry({ headers, body }) {
  const signed = Buffer.concat([
    Buffer.from(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.`),
    body,
  ]);
  let matched = false;
  for (const entry of headers["webhook-signature"].split(" ")) {
    matched = verify(null, signed, ED25519.publicKey, Buffer.from(entry.slice(4), "base64")) || matched;
  }
  return !matched;
}

/** A GitHub request: `x-hub-signature-256: sha256=<hex>` over the body. */
export function signGithub(body) {
  const mac = createHmac("sha256", GITHUB_SECRET).update(body).digest("hex");
  return {
    headers: {
      "content-type": "application/json",
      "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
      "x-github-event": "x",
      "x-hub-signature-256": `sha256=${mac}`,
    },
    body,
    text: body.toString("utf8"),
  };
}

/** A Stripe request: `stripe-signature: t=<ts>,v1=<hex>` over `${ts}.${body}`. */
export function signStripe(body, timestamp) {
  const mac = createHmac("sha256", STRIPE_SECRET).update(`${timestamp}.`).update(body).digest("hex");
  return { headers: { "stripe-signature": `t=${timestamp},v1=${mac}` }, body };
}

/**
 * The bound for Standard Webhooks: one HMAC over `${id}.${ts}.` + body, compared with `timingSafeEqual`
 * against the decoded signature. No header normalisation, no rotation, no replay window: the least work
 * any correct verifier must do.
 */
export function boundStandardWebhooks({ headers, body }) {
  const mac = createHmac("sha256", SW_KEY)
    .update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.`)
    .update(body)
    .digest();
  const expected = Buffer.from(headers["webhook-signature"].slice(3), "base64");
  if (expected.length !== mac.length || !timingSafeEqual(mac, expected)) throw new Error("bad signature");
  return true;
}

/** The bound for a body HMAC (GitHub): HMAC of the body, hex-decoded signature, `timingSafeEqual`. */
export function boundGithub({ headers, body }) {
  const mac = createHmac("sha256", GITHUB_SECRET).update(body).digest();
  const expected = Buffer.from(headers["x-hub-signature-256"].slice(7), "hex");
  if (expected.length !== mac.length || !timingSafeEqual(mac, expected)) throw new Error("bad signature");
  return true;
}

/** The bound for Stripe: HMAC over `${t}.` + body, hex-decoded `v1`, `timingSafeEqual`. */
export function boundStripe({ headers, body }) {
  const header = headers["stripe-signature"];
  const comma = header.indexOf(",");
  const mac = createHmac("sha256", STRIPE_SECRET)
    .update(`${header.slice(2, comma)}.`)
    .update(body)
    .digest();
  const expected = Buffer.from(header.slice(comma + 4), "hex");
  if (expected.length !== mac.length || !timingSafeEqual(mac, expected)) throw new Error("bad signature");
  return true;
}

/** A bound plus the cheapest correct parse: `JSON.parse` of the body decoded by Buffer's UTF-8 decoder. */
export function withParse(bound) {
  return (request) => {
    bound(request);
    return JSON.parse(request.body.toString("utf8"));
  };
}
