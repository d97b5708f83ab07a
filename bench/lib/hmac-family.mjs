/**
 * Micro suites for the HMAC family beyond the body HMAC: a timestamp template (Slack's layout), the
 * URL and sorted form parameters (Twilio's), HTTP Basic auth, and a signature inside the body (Mailgun's).
 * Each row is compared with its own bound: the least work a correct verifier of that layout does.
 * @module
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { basicAuth, bodySignature, createVerifier, formHmac, hmac } from "@hookproof/core";
import { do_not_optimize } from "mitata";
import { jsonBody } from "./bodies.mjs";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const URL_ = "https://hooks.example.com/twilio/sms?account=1";
const USER = "postmark";
const PASSWORD = "pm-basic-password-0123456789abcdef";
const nowSeconds = () => Math.floor(Date.now() / 1000);

function same(a, b) {
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new Error("bad signature");
  return true;
}

/** A form body of exactly `bytes` bytes, as Twilio posts an SMS: a few fields and a long `Body`. */
function formBody(bytes) {
  const head = "AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199&Body=";
  return Buffer.from(head + "x".repeat(Math.max(0, bytes - head.length)));
}

/** A Mailgun delivery: the signature object, then an `event-data` of `bytes` bytes. */
function mailgunBody(bytes, timestamp) {
  const token = "a8ce0edb2dd8301dccd6b4ed5d4f9f2bd5e0bb0c1c8d07ca0c";
  const signature = createHmac("sha256", SECRET).update(`${timestamp}${token}`).digest("hex");
  const data = JSON.parse(jsonBody(bytes).toString());
  return Buffer.from(
    JSON.stringify({ signature: { token, timestamp: String(timestamp), signature }, "event-data": data }),
  );
}

/** The suites, in `micro.mjs`'s shape. */
export function hmacFamilySuites() {
  const slack = createVerifier({
    scheme: hmac({
      secret: SECRET,
      header: "x-slack-signature",
      prefix: "v0=",
      template: "v0:{timestamp}:{body}",
      timestamp: { header: "x-slack-request-timestamp" },
    }),
  });
  const twilio = createVerifier({
    scheme: formHmac({ secret: SECRET, header: "x-twilio-signature", urlVariants: true }),
  });
  const basic = createVerifier({ scheme: basicAuth({ username: USER, password: PASSWORD }) });
  const mailgun = createVerifier({ scheme: bodySignature({ secret: SECRET }), maxBodyBytes: 2 ** 21 });
  const authorization = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}`;

  return [
    {
      id: "template-hmac",
      title: "Timestamp template (`v0:{timestamp}:{body}`, Slack) — verify, no parse",
      setup(bytes) {
        const body = jsonBody(bytes);
        const ts = String(nowSeconds());
        const mac = createHmac("sha256", SECRET).update(`v0:${ts}:`).update(body).digest("hex");
        const request = {
          headers: { "x-slack-signature": `v0=${mac}`, "x-slack-request-timestamp": ts },
          body,
        };
        return [
          {
            key: "bound",
            role: "bound",
            label: "bound: node:crypto HMAC over `v0:{ts}:` + body + timingSafeEqual",
            fn: () => {
              const { headers } = request;
              const expected = createHmac("sha256", SECRET)
                .update(`v0:${headers["x-slack-request-timestamp"]}:`)
                .update(body)
                .digest();
              return same(expected, Buffer.from(headers["x-slack-signature"].slice(3), "hex"));
            },
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "bound",
            label: "hookproof `hmac({ template })` `authenticate`",
            fn: () => do_not_optimize(slack.authenticate(request)),
          },
        ];
      },
    },
    {
      id: "form-hmac",
      title: "URL + sorted form parameters (Twilio, HMAC-SHA1) — verify, no parse",
      setup(bytes) {
        const body = formBody(bytes);
        const params = [...new URLSearchParams(body.toString())].sort(([a], [b]) =>
          a < b ? -1 : a > b ? 1 : 0,
        );
        const signature = createHmac("sha1", SECRET)
          .update(params.reduce((text, [name, value]) => text + name + value, URL_))
          .digest("base64");
        const request = { headers: { "x-twilio-signature": signature }, body, url: URL_, method: "POST" };
        return [
          {
            key: "bound",
            role: "bound",
            label: "bound: URLSearchParams, sort, node:crypto HMAC-SHA1 + timingSafeEqual",
            fn: () => {
              const sorted = [...new URLSearchParams(body.toString())].sort(([a], [b]) =>
                a < b ? -1 : a > b ? 1 : 0,
              );
              const text = sorted.reduce((acc, [name, value]) => acc + name + value, URL_);
              const expected = createHmac("sha1", SECRET).update(text).digest();
              return same(expected, Buffer.from(request.headers["x-twilio-signature"], "base64"));
            },
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "bound",
            label: "hookproof `formHmac` `authenticate` (URL variants on; the first one matches)",
            fn: () => do_not_optimize(twilio.authenticate(request)),
          },
        ];
      },
    },
    {
      id: "basic-auth",
      title: "HTTP Basic auth (Postmark) — authenticate",
      sizes: ["256 B"],
      setup(bytes) {
        const request = { headers: { authorization }, body: jsonBody(bytes) };
        const user = Buffer.from(USER);
        const pass = Buffer.from(PASSWORD);
        return [
          {
            key: "bound",
            role: "bound",
            label: "bound: base64 decode, split, two timingSafeEqual",
            fn: () => {
              const text = Buffer.from(request.headers.authorization.slice(6), "base64");
              const colon = text.indexOf(58);
              return same(text.subarray(0, colon), user) && same(text.subarray(colon + 1), pass);
            },
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "bound",
            label: "hookproof `basicAuth` `authenticate`",
            fn: () => do_not_optimize(basic.authenticate(request)),
          },
        ];
      },
    },
    {
      id: "body-signature",
      title:
        "Signature inside the body (Mailgun; `event-data` of the size shown) — verify, the scheme parses",
      setup(bytes) {
        const body = mailgunBody(bytes, nowSeconds());
        const request = { headers: {}, body };
        return [
          {
            key: "bound",
            role: "bound",
            label: "bound: JSON.parse + node:crypto HMAC of timestamp + token + timingSafeEqual",
            fn: () => {
              const { signature } = JSON.parse(body.toString("utf8"));
              const expected = createHmac("sha256", SECRET)
                .update(signature.timestamp + signature.token)
                .digest();
              return same(expected, Buffer.from(signature.signature, "hex"));
            },
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "bound",
            label: "hookproof `bodySignature` `authenticate` (strict UTF-8 + JSON.parse)",
            fn: () => do_not_optimize(mailgun.authenticate(request)),
          },
        ];
      },
    },
  ];
}
