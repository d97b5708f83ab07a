/**
 * Rejections by the hmac, Stripe-style, bearer, headerToken and Ed25519 schemes.
 * @module
 */
import { bearer, headerToken, hmac, standardWebhooks } from "../../src/index.js";
import { ed25519Pair } from "../helpers.js";
import { stripeHmac } from "../hmac-presets.js";
import { b64, body, expected, group, hex, id, keyForms, type RejectionCase, T, textForms } from "./kit.js";

export async function hmacCases(): Promise<RejectionCase[]> {
  const secret = "generic-sender-secret";
  const generic = hmac({ secret, header: "x-webhook-signature", prefix: "sha256=" });
  const header = "x-webhook-signature";
  const form = "`sha256=<hex HMAC-SHA256>`";
  const secrets = [
    ...textForms(secret),
    ...(await expected(generic, body)),
    ...(await expected(generic, "{}")),
  ];
  const stripeSecret = "whsec_stripeStyleSecret123";
  const stripe = stripeHmac({ secret: stripeSecret });
  const stripeHeader = (await stripe.sign({ body, timestamp: T }))["stripe-signature"] ?? "";
  const stripeSecrets = [
    ...textForms(stripeSecret),
    ...(await expected(stripe, body)),
    ...(await expected(stripe, body, T + 1)),
  ];
  return [
    ...group(generic, secrets, [
      {
        name: "hmac: no signature header",
        code: "missing_header",
        status: 400,
        header,
        says: form,
        input: { headers: {}, body },
      },
      {
        name: "hmac: wrong prefix",
        code: "malformed_header",
        status: 400,
        header,
        says: form,
        input: { headers: { [header]: `sha1=${"0".repeat(40)}` }, body },
      },
      {
        name: "hmac: only the prefix",
        code: "malformed_header",
        status: 400,
        header,
        says: "no signature",
        input: { headers: { [header]: "sha256=" }, body },
      },
      {
        name: "hmac: other body",
        code: "invalid_signature",
        status: 401,
        header,
        says: "Check the secret",
        input: { headers: await generic.sign({ body }), body: "{}" },
      },
    ]),
    ...group(stripe, stripeSecrets, [
      {
        name: "stripe: timestamp moved",
        code: "invalid_signature",
        status: 401,
        header: "stripe-signature",
        says: "raw body",
        input: { headers: { "stripe-signature": stripeHeader.replace(`t=${T}`, `t=${T + 1}`) }, body },
      },
    ]),
  ];
}

export async function tokenAndEd25519Cases(): Promise<RejectionCase[]> {
  const token = "uf_live_8Jq2vX0pLm4nR7sT";
  const secrets = [token, b64(token), hex(token)];
  const fix = "Copy the token";
  const pair = ed25519Pair();
  const ed = standardWebhooks({ secret: pair.whsk });
  const edSecrets = [...keyForms(pair.whsk), ...(await expected(ed, `${body} `))];
  return [
    ...group(bearer({ token }), secrets, [
      {
        name: "bearer: no header",
        code: "missing_header",
        status: 400,
        header: "authorization",
        says: "Bearer <token>",
        input: { headers: {}, body },
      },
      {
        name: "bearer: Basic",
        code: "malformed_header",
        status: 400,
        header: "authorization",
        says: "Bearer <token>",
        input: { headers: { authorization: `Basic ${b64("a:b")}` }, body },
      },
      {
        name: "bearer: wrong token",
        code: "invalid_token",
        status: 401,
        header: "authorization",
        says: fix,
        input: { headers: { authorization: `Bearer ${token.slice(0, -1)}X` }, body },
      },
    ]),
    ...group(headerToken({ header: "x-hook-token", token }), secrets, [
      {
        name: "headerToken: missing",
        code: "missing_header",
        status: 400,
        header: "x-hook-token",
        says: "shared token",
        input: { headers: {}, body },
      },
      {
        name: "headerToken: wrong",
        code: "invalid_token",
        status: 401,
        header: "x-hook-token",
        says: fix,
        input: { headers: { "x-hook-token": "nope" }, body },
      },
    ]),
    ...group(standardWebhooks({ secret: [pair.whpk, pair.whsk] }), edSecrets, [
      {
        name: "v1a: tampered body",
        code: "invalid_signature",
        status: 401,
        header: "webhook-signature",
        says: "configured secret",
        input: { headers: await ed.sign({ body, id, timestamp: T }), body: `${body} ` },
      },
    ]),
  ];
}
