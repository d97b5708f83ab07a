import { describe, expect, it } from "vitest";
import { checkHeadersContract, thrown } from "../../test/check-headers-contract.js";
import {
  genericHmac,
  githubHmac,
  hubspotHmac,
  paddleHmac,
  stripeHmac,
  twitchHmac,
} from "../../test/hmac-presets.js";
import { readHeaders } from "../verify/read-headers.js";
import { basicAuth } from "./basic-auth.js";
import { formHmac } from "./form-hmac.js";
import { hmac } from "./hmac.js";
import { standardWebhooks } from "./standard-webhooks.js";
import { bearer, headerToken } from "./tokens.js";
import type { WebhookScheme } from "./types.js";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const TEXT_SECRET = "a text secret of some length 0123";
const TOKEN = "a-static-token-0123456789abcdef";
const schemes: [string, WebhookScheme][] = [
  ["standardWebhooks (webhook-*)", standardWebhooks({ secret: SECRET })],
  ["standardWebhooks (svix-*)", standardWebhooks({ secret: SECRET, signHeaders: "svix" })],
  ["genericHmac", genericHmac({ secret: TEXT_SECRET })],
  ["githubHmac", githubHmac({ secret: TEXT_SECRET })],
  ["stripeHmac", stripeHmac({ secret: SECRET })],
  [
    "hmac with a timestamp header",
    hmac({ secret: TEXT_SECRET, header: "x-sig", timestamp: { header: "x-sig-timestamp" } }),
  ],
  ["hmac, Twitch layout (signed id header, RFC 3339 timestamp)", twitchHmac({ secret: TEXT_SECRET })],
  ["hmac, HubSpot v3 layout (URL-bound, ms timestamp)", hubspotHmac({ secret: TEXT_SECRET })],
  ["hmac, Paddle layout (`ts=…;h1=…`)", paddleHmac({ secret: TEXT_SECRET })],
  ["formHmac", formHmac({ secret: TEXT_SECRET, header: "x-twilio-signature" })],
  ["basicAuth", basicAuth({ username: "hooks", password: TOKEN })],
  ["bearer", bearer({ token: TOKEN })],
  ["headerToken", headerToken({ header: "x-token", token: TOKEN })],
];

checkHeadersContract(schemes);

describe("checkHeaders names what is missing", () => {
  it("standardWebhooks: each of id, timestamp and signature, in the family the sender uses", async () => {
    const scheme = standardWebhooks({ secret: SECRET });
    const check = (headers: Record<string, string>) =>
      thrown(() => scheme.checkHeaders?.(readHeaders(headers)));
    expect(await check({})).toMatchObject({ code: "missing_header", header: "svix-signature" });
    expect(await check({ "webhook-id": "msg_1" })).toMatchObject({ header: "webhook-signature" });
    expect(await check({ "webhook-signature": "v1,x" })).toMatchObject({ header: "webhook-id" });
    expect(await check({ "svix-signature": "v1,x", "svix-id": "m" })).toMatchObject({
      header: "svix-timestamp",
    });
    expect(await check({ "svix-signature": "v1,x", "svix-id": "m", "svix-timestamp": "soon" })).toMatchObject(
      {
        code: "malformed_header",
        header: "svix-timestamp",
      },
    );
    expect(await check({ "svix-signature": "v1,x", "svix-id": "m", "svix-timestamp": "1" })).toBeUndefined();
  });

  it("hmac: the signature header, then a timestamp header when the scheme has one", async () => {
    const scheme = hmac({ secret: TEXT_SECRET, header: "X-Sig", timestamp: { header: "X-Sig-Timestamp" } });
    const check = (headers: Record<string, string>) =>
      thrown(() => scheme.checkHeaders?.(readHeaders(headers)));
    expect(await check({ "x-sig-timestamp": "1" })).toMatchObject({
      code: "missing_header",
      header: "x-sig",
    });
    expect(await check({ "x-sig": "ab" })).toMatchObject({
      code: "missing_header",
      header: "x-sig-timestamp",
    });
    expect(await check({ "x-sig": "ab", "x-sig-timestamp": "1" })).toBeUndefined();
    expect(await thrown(() => stripeHmac({ secret: SECRET }).checkHeaders?.(readHeaders({})))).toMatchObject({
      header: "stripe-signature",
    });
  });

  it("tokens: `authorization` for bearer, the configured header for headerToken", async () => {
    expect(
      await thrown(() => bearer({ token: TOKEN }).checkHeaders?.(readHeaders({ "x-a": "1" }))),
    ).toMatchObject({ code: "missing_header", header: "authorization" });
    const scheme = headerToken({ header: "X-Token", token: TOKEN });
    expect(await thrown(() => scheme.checkHeaders?.(readHeaders({ "x-a": "1" })))).toMatchObject({
      header: "x-token",
    });
    // Present is enough here: whether the token matches is verify's question, asked with the body.
    expect(await thrown(() => scheme.checkHeaders?.(readHeaders({ "x-token": "wrong" })))).toBeUndefined();
  });
});
