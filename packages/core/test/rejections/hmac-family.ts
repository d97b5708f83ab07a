/**
 * Rejections by the template and URL-bound HMACs, Basic auth and the in-body signature.
 * @module
 */

import { createHmac } from "node:crypto";
import { basicAuth, bodySignature, createVerifier, formHmac } from "../../src/index.js";
import { at } from "../helpers.js";
import { paddleHmac } from "../hmac-presets.js";
import { b64, body, expected, group, type RejectionCase, T, textForms } from "./kit.js";

export async function hmacFamilyCases(): Promise<RejectionCase[]> {
  const secret = "pdl_ntfset_01jcd7kq5z2pbx0zy7a6m3w9ng_secret";
  const paddle = paddleHmac({ secret });
  const paddleSigned = (await paddle.sign({ body, timestamp: T }))["paddle-signature"] as string;
  const paddleSecrets = [...textForms(secret), ...(await expected(paddle, body)), paddleSigned.slice(-64)];
  const flood = `ts=${T};${Array.from({ length: 9 }, (_, i) => `h1=${i}${"0".repeat(63)}`).join(";")}`;

  const token = "9f3c2b1a0e8d7c6b5a4f3e2d1c0b9a8f";
  const twilio = formHmac({ secret: token, header: "x-twilio-signature" });
  const url = "https://hooks.example.com/twilio";
  const form = "From=%2B14155550100&Body=hi";
  const twilioSignature = (await twilio.sign({ body: form, url }))["x-twilio-signature"] as string;
  const twilioSecrets = [...textForms(token), twilioSignature];

  const password = "pm-basic-password-0123456789";
  const basic = basicAuth({ username: "postmark", password });

  const key = "mailgun-signing-key-0123456789ab";
  const mailgun = bodySignature({ secret: key });
  const wrongKey = createHmac("sha256", "another-key-0123456789abcdef").update(`${T}tok`).digest("hex");
  const rightMac = createHmac("sha256", key).update(`${T}tok`).digest("hex");
  const mailgunVerifier = createVerifier({ scheme: mailgun, now: at(T) });

  return [
    ...group(paddle, paddleSecrets, [
      {
        name: "hmac `ts=…;h1=…`: tampered body",
        code: "invalid_signature",
        status: 401,
        header: "paddle-signature",
        says: "raw body",
        input: { headers: { "paddle-signature": paddleSigned }, body: `${body} ` },
      },
      {
        name: "hmac `ts=…;h1=…`: over 8 signatures",
        code: "malformed_header",
        status: 400,
        header: "paddle-signature",
        says: "over 8 signatures",
        input: { headers: { "paddle-signature": flood }, body },
      },
    ]),
    {
      name: "formHmac: wrong URL",
      code: "invalid_signature",
      status: 401,
      header: "x-twilio-signature",
      says: "public one the sender was given",
      secrets: twilioSecrets,
      run: () =>
        createVerifier({ scheme: twilio }).verify({
          headers: { "x-twilio-signature": twilioSignature },
          body: form,
          url: `${url}/other`,
        }),
    },
    ...group(
      basic,
      [password, b64(password), b64(`postmark:${password}`)],
      [
        {
          name: "basicAuth: wrong password",
          code: "invalid_token",
          status: 401,
          header: "authorization",
          says: "username and password",
          input: { headers: { authorization: `Basic ${b64(`postmark:${password}x`)}` }, body },
        },
      ],
    ),
    {
      name: "bodySignature: wrong key",
      code: "invalid_signature",
      status: 401,
      says: "signing key",
      secrets: [...textForms(key), rightMac],
      run: () =>
        mailgunVerifier.verify({
          headers: {},
          body: JSON.stringify({ signature: { timestamp: String(T), token: "tok", signature: wrongKey } }),
        }),
    },
  ];
}
