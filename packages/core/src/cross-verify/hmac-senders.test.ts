/**
 * The timestamp-template and URL-bound `hmac` layouts against each sender's own SDK, both ways (Slack's is
 * checked on its preset, in @hookproof/providers): the SDK's
 * (or its hand-written twin's, where the SDK cannot sign) signature passes hookproof, and hookproof's
 * `sign` passes the SDK's verifier.
 */

import { createHmac } from "node:crypto";
import { Signature } from "@hubspot/api-client";
import { Paddle } from "@paddle/paddle-node-sdk";
import { WorkOS } from "@workos-inc/node";
import { WebhooksHelper } from "square";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/helpers.js";
import { hubspotHmac, paddleHmac, squareHmac, workosHmac } from "../../test/hmac-presets.js";
import { readHeaders, type WebhookScheme } from "../index.js";

const now = () => Math.floor(Date.now() / 1000);
const verifyWith = (scheme: WebhookScheme, headers: Record<string, string>, body: string, extra = {}) =>
  outcome(() => scheme.verify({ header: readHeaders(headers), body: utf8(body), ...extra }));
const BODY = '{"type":"customer.created","data":{"name":"Zoë Ångström","city":"東京"}}';

describe("Paddle: @paddle/paddle-node-sdk 3.10.0 `webhooks.isSignatureValid` / `unmarshal`", () => {
  const secret = "pdl_ntfset_01jcd7kq5z2pbx0zy7a6m3w9ng_Qm9vZ0hvb2tQcm9vZkZpeHR1cmVTZWNyZXQx";
  const scheme = paddleHmac({ secret });
  const paddle = new Paddle("pdl_test_api_key_unused");
  const body =
    '{"event_id":"evt_01jcd7kq5z2pbx0zy7a6m3w9ng","event_type":"customer.created","occurred_at":"2026-08-20T14:04:00.000000Z","notification_id":"ntf_01jcd7kq5z2pbx0zy7a6m3w9nh","data":{"id":"ctm_01","email":"zoe@example.com"}}';

  it("hookproof's header passes the SDK, and unmarshal reads the event", async () => {
    const headers = await scheme.sign({ body, timestamp: now() });
    expect(await paddle.webhooks.isSignatureValid(body, secret, headers["paddle-signature"] as string)).toBe(
      true,
    );
    const event = await paddle.webhooks.unmarshal(body, secret, headers["paddle-signature"] as string);
    expect(event.eventId).toBe("evt_01jcd7kq5z2pbx0zy7a6m3w9ng");
    expect(
      await paddle.webhooks.isSignatureValid(`${body} `, secret, headers["paddle-signature"] as string),
    ).toBe(false);
  });

  it("a header the SDK accepts passes hookproof", async () => {
    const ts = now();
    const value = `ts=${ts};h1=${createHmac("sha256", secret).update(`${ts}:${body}`).digest("hex")}`;
    expect(await paddle.webhooks.isSignatureValid(body, secret, value)).toBe(true);
    expect(await verifyWith(scheme, { "paddle-signature": value }, body)).toBe("ok");
  });
});

describe("WorkOS: @workos-inc/node 8.13.0 `webhooks.constructEvent` / `computeSignature`", () => {
  const secret = "Zt8Qv3mXk1pL7wR2nY5cH0aJ9eB4sD6f";
  const scheme = workosHmac({ secret });
  const workos = new WorkOS("sk_test_unused");
  // 8.x (the release npm picks on Node 20) signs `JSON.stringify` of a parsed payload, so a compact body.
  const body =
    '{"id":"event_01JCD7KQ5Z2PBX0ZY7A6M3W9NG","event":"user.created","data":{"object":"user","id":"user_01","email":"zoe@example.com"},"created_at":"2026-08-20T14:04:00.000Z"}';

  it("hookproof's header passes constructEvent", async () => {
    const headers = await scheme.sign({ body, timestamp: now() });
    const event = await workos.webhooks.constructEvent({
      payload: JSON.parse(body),
      sigHeader: headers["workos-signature"] as string,
      secret,
    });
    expect(event.id).toBe("event_01JCD7KQ5Z2PBX0ZY7A6M3W9NG");
    await expect(
      workos.webhooks.constructEvent({
        payload: { ...JSON.parse(body), event: "user.deleted" },
        sigHeader: headers["workos-signature"] as string,
        secret,
      }),
    ).rejects.toThrow();
  });

  it("the SDK's computeSignature passes hookproof", async () => {
    const t = Date.now();
    const mac = await workos.webhooks.computeSignature(t, JSON.parse(body), secret);
    expect(await verifyWith(scheme, { "workos-signature": `t=${t}, v1=${mac}` }, body)).toBe("ok");
    expect(await verifyWith(scheme, { "workos-signature": `t=${t + 1}, v1=${mac}` }, body)).toBe(
      "invalid_signature",
    );
  });
});

describe("HubSpot: @hubspot/api-client 13.5.0 `Signature` v3", () => {
  const secret = "c0ffee00-1234-4abc-9def-0123456789ab";
  const url = "https://hooks.example.com/hubspot?portal=62515";
  const scheme = hubspotHmac({ secret });
  const body =
    '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';

  it("the SDK's getSignature passes hookproof, at that URL and method only", async () => {
    const timestamp = Date.now();
    const signature = Signature.getSignature("POST", "v3", {
      // Required by the options type, unused when signing.
      signature: "",
      clientSecret: secret,
      requestBody: body,
      url,
      timestamp,
    });
    const headers = { "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": String(timestamp) };
    expect(await verifyWith(scheme, headers, body, { method: "POST", url })).toBe("ok");
    expect(await verifyWith(scheme, headers, body, { method: "POST", url: url.replace("62515", "1") })).toBe(
      "invalid_signature",
    );
    expect(await verifyWith(scheme, headers, body, { method: "GET", url })).toBe("invalid_signature");
  });

  it("hookproof's headers pass Signature.isValid", async () => {
    const headers = await scheme.sign({ body, timestamp: now(), url, method: "POST" });
    const check = (requestBody: string) =>
      Signature.isValid({
        signatureVersion: "v3",
        signature: headers["x-hubspot-signature-v3"] as string,
        clientSecret: secret,
        requestBody,
        url,
        method: "POST",
        timestamp: Number(headers["x-hubspot-request-timestamp"]),
      });
    expect(check(body)).toBe(true);
    expect(check(`${body} `)).toBe(false);
  });
});

describe("Square: square 46.0.0 `WebhooksHelper.verifySignature`", () => {
  const key = "q9V2xK7mB3nR8tY1wZ4aEw";
  const url = "https://hooks.example.com/square";
  const scheme = squareHmac({ secret: key });

  it("hookproof's header passes the SDK, at that URL only", async () => {
    const headers = await scheme.sign({ body: BODY, url });
    const verify = (notificationUrl: string, requestBody = BODY) =>
      WebhooksHelper.verifySignature({
        requestBody,
        signatureHeader: headers["x-square-hmacsha256-signature"] as string,
        signatureKey: key,
        notificationUrl,
      });
    expect(await verify(url)).toBe(true);
    expect(await verify(`${url}/`)).toBe(false);
    expect(await verify(url, `${BODY} `)).toBe(false);
  });

  it("a signature the SDK accepts passes hookproof; the SDK's own vector too", async () => {
    const signature = createHmac("sha256", key)
      .update(url + BODY)
      .digest("base64");
    expect(
      await WebhooksHelper.verifySignature({
        requestBody: BODY,
        signatureHeader: signature,
        signatureKey: key,
        notificationUrl: url,
      }),
    ).toBe(true);
    expect(await verifyWith(scheme, { "x-square-hmacsha256-signature": signature }, BODY, { url })).toBe(
      "ok",
    );
    // tests/integration/webhooks.test.ts
    const vector = squareHmac({ secret: "Ibxx_5AKakO-3qeNVR61Dw" });
    const sdkBody =
      '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}';
    expect(
      await verifyWith(
        vector,
        { "x-square-hmacsha256-signature": "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=" },
        sdkBody,
        {
          url: "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9",
        },
      ),
    ).toBe("ok");
  });
});
