import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { creationError, outcome, rejection, thrown, utf8 } from "../../test/helpers.js";
import {
  hubspotHmac,
  paddleHmac,
  slackHmac,
  squareHmac,
  twitchHmac,
  workosHmac,
  zoomHmac,
} from "../../test/hmac-presets.js";
import { createVerifier, hmac, readHeaders, type SchemeRequest } from "../index.js";

const request = (headers: Record<string, string>, body: string, extra: Partial<SchemeRequest> = {}) => ({
  header: readHeaders(headers),
  body: utf8(body),
  ...extra,
});

const slack = (secret: string) => slackHmac({ secret });

describe("hmac template `v0:{timestamp}:{body}`: Slack's published vector", () => {
  // api.slack.com/authentication/verifying-requests-from-slack, repeated in bolt-js test/unit/receivers/ExpressReceiver.spec.ts.
  const secret = "8f742231b10e8888abcd99yyyzzz85a5";
  const timestamp = 1531420618;
  const body =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  const signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
  const headers = { "x-slack-signature": signature, "x-slack-request-timestamp": String(timestamp) };

  it("verifies the vector and signs it back", async () => {
    const scheme = slack(secret);
    expect(await scheme.verify(request(headers, body))).toEqual({ timestamp, keyIndex: 0 });
    expect(await scheme.sign({ body, timestamp })).toEqual(headers);
  });

  it("refuses the vector with a tampered body, or a moved timestamp", async () => {
    const scheme = slack(secret);
    expect(await outcome(() => scheme.verify(request(headers, `${body}&x=1`)))).toBe("invalid_signature");
    const moved = { ...headers, "x-slack-request-timestamp": String(timestamp + 1) };
    expect(await outcome(() => scheme.verify(request(moved, body)))).toBe("invalid_signature");
  });

  it("refuses a signature over `{timestamp}.{body}` (the default layout, not Slack's)", async () => {
    const wrong = `v0=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
    expect(
      await outcome(() => slack(secret).verify(request({ ...headers, "x-slack-signature": wrong }, body))),
    ).toBe("invalid_signature");
  });
});

describe("hmac template for Zoom (`x-zm-signature`, same layout as Slack)", () => {
  // No vector with a secret is published; this one was computed with Python's hmac and accepted by @zoom/rivet 0.4.0.
  it("verifies an independently computed vector", async () => {
    const secret = "uTj4W2kRq9sXb7nLc3vPzA";
    const body = '{"event":"meeting.started","event_ts":1796000000000,"payload":{"account_id":"AAAAAA"}}';
    const timestamp = 1796000000;
    const scheme = zoomHmac({ secret, allowShortSecret: true });
    const expected = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
    const headers = { "x-zm-signature": `v0=${expected}`, "x-zm-request-timestamp": String(timestamp) };
    expect(await scheme.verify(request(headers, body))).toEqual({ timestamp, keyIndex: 0 });
    expect(await scheme.sign({ body, timestamp })).toEqual(headers);
  });
});

describe("hmac key-value lists with other separators", () => {
  it("Paddle `ts=…;h1=…` over `{ts}:{body}`: the SDK's own vector (paddle-node-sdk webhooks-validator.node.test.ts)", async () => {
    const scheme = paddleHmac({ secret: "VALID_SECRET", allowShortSecret: true });
    const value = "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9";
    const body = '{"data": ["1", "2"]}';
    expect(await scheme.verify(request({ "paddle-signature": value }, body))).toEqual({
      timestamp: 1698796800,
      keyIndex: 0,
    });
    expect(await scheme.sign({ body, timestamp: 1698796800 })).toEqual({ "paddle-signature": value });
    // Several `h1` while a secret rotates: any one may match, in any position.
    const rotated = `ts=1698796800;h1=${"0".repeat(64)};h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9`;
    expect(await outcome(() => scheme.verify(request({ "paddle-signature": rotated }, body)))).toBe("ok");
    expect(await outcome(() => scheme.verify(request({ "paddle-signature": value }, `${body} `)))).toBe(
      "invalid_signature",
    );
  });

  it("WorkOS `t=<ms>, v1=…` (comma and space), the timestamp in milliseconds", async () => {
    const secret = "Zt8Qv3mXk1pL7wR2nY5cH0aJ9eB4sD6f";
    const scheme = workosHmac({ secret });
    const body = '{"id":"event_01","event":"user.created","data":{"object":"user"}}';
    const mac = createHmac("sha256", secret).update(`1796000000123.${body}`).digest("hex");
    const value = `t=1796000000123, v1=${mac}`;
    // Seconds for the replay window, rounded down; the MAC covers the milliseconds as sent.
    expect(await scheme.verify(request({ "workos-signature": value }, body))).toEqual({
      timestamp: 1796000000,
      keyIndex: 0,
    });
    expect(await scheme.sign({ body, timestamp: 1796000000 })).toEqual({
      "workos-signature": `t=1796000000000, v1=${createHmac("sha256", secret).update(`1796000000000.${body}`).digest("hex")}`,
    });
    const seconds = `t=1796000000, v1=${mac}`;
    expect(await outcome(() => scheme.verify(request({ "workos-signature": seconds }, body)))).toBe(
      "invalid_signature",
    );
  });

  it("`assign` reads pairs written with another key/value separator", async () => {
    const secret = "assign-separator-secret-0123";
    const scheme = hmac({ secret, header: "x-sig", timestamp: { key: "t" }, signatureKey: "s", assign: ":" });
    const headers = await scheme.sign({ body: "{}", timestamp: 1796000000 });
    expect(headers["x-sig"]).toMatch(/^t:1796000000,s:[0-9a-f]{64}$/);
    expect(await outcome(() => scheme.verify(request(headers, "{}")))).toBe("ok");
  });
});

describe("hmac template `{id}{timestamp}{body}`: Twitch EventSub", () => {
  const secret = "s3cre7-hookproof-twitch";
  const scheme = twitchHmac({ secret });
  const id = "befa7b53-d79d-478f-86b9-120f112b044e";
  const time = "2026-11-30T06:00:00.634234626Z";
  const body = '{"subscription":{"type":"channel.follow","version":"2"},"event":{"user_id":"1337"}}';
  // As twitch-cli's signer (internal/events/trigger/forward_event.go) computes it: sha256=%x over id + timestamp + body.
  const signature = `sha256=${createHmac("sha256", secret)
    .update(id + time + body)
    .digest("hex")}`;
  const headers = {
    "twitch-eventsub-message-id": id,
    "twitch-eventsub-message-timestamp": time,
    "twitch-eventsub-message-signature": signature,
  };

  it("verifies over the header texts, returns the signed message id and the time in seconds", async () => {
    expect(await scheme.verify(request(headers, body))).toEqual({
      id,
      timestamp: Date.UTC(2026, 10, 30, 6, 0, 0) / 1000,
      keyIndex: 0,
    });
  });

  it("refuses a changed message id: it is signed, so a replay cannot pass as a new event", async () => {
    const changed = { ...headers, "twitch-eventsub-message-id": "befa7b53-d79d-478f-86b9-120f112b044f" };
    expect(await outcome(() => scheme.verify(request(changed, body)))).toBe("invalid_signature");
  });

  it("requires the id header, and an RFC 3339 timestamp", async () => {
    const { "twitch-eventsub-message-id": _, ...noId } = headers;
    const missing = await rejection(() => scheme.verify(request(noId, body)));
    expect([missing.code, missing.header]).toEqual(["missing_header", "twitch-eventsub-message-id"]);
    for (const bad of ["1796018400", "2026-11-30 06:00:00Z", "2026-13-30T06:00:00Z", "2026-11-30T06:00:00"]) {
      const error = await rejection(() =>
        scheme.verify(request({ ...headers, "twitch-eventsub-message-timestamp": bad }, body)),
      );
      expect([error.code, error.header, bad]).toEqual([
        "malformed_header",
        "twitch-eventsub-message-timestamp",
        bad,
      ]);
    }
  });

  it("signs with a fresh id when none is given, and that request verifies", async () => {
    const signed = await scheme.sign({ body, timestamp: 1796000000 });
    expect(signed["twitch-eventsub-message-timestamp"]).toBe("2026-11-30T00:53:20.000Z");
    expect(signed["twitch-eventsub-message-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await scheme.verify(request(signed, body))).toMatchObject({
      id: signed["twitch-eventsub-message-id"],
      timestamp: 1796000000,
    });
  });

  it("is refused past a 600 s window by the verifier, as Twitch's docs ask", async () => {
    const at = Date.UTC(2026, 10, 30, 6, 0, 0);
    const verifier = (now: number) => createVerifier({ scheme, tolerance: 600, now: () => now });
    expect(await outcome(() => verifier(at + 599_000).authenticate({ headers, body }))).toBe("ok");
    expect(await outcome(() => verifier(at + 601_000).authenticate({ headers, body }))).toBe(
      "timestamp_expired",
    );
    expect(await outcome(() => verifier(at - 601_000).authenticate({ headers, body }))).toBe(
      "timestamp_in_future",
    );
  });
});

describe("hmac bound to the request: `{url}` and `{method}`", () => {
  const hubspot = (secret: string) => hubspotHmac({ secret });
  const url = "https://hooks.example.com/hubspot";

  it("HubSpot v3: base64 over `{method}{url}{body}{timestamp}`, ms timestamp", async () => {
    const secret = "c0ffee00-1234-4abc-9def-0123456789ab";
    const body = '[{"eventId":1,"subscriptionType":"contact.creation"}]';
    const ts = "1796000000000";
    const mac = createHmac("sha256", secret).update(`POST${url}${body}${ts}`).digest("base64");
    const headers = { "x-hubspot-signature-v3": mac, "x-hubspot-request-timestamp": ts };
    const scheme = hubspot(secret);
    expect(await scheme.verify(request(headers, body, { method: "POST", url }))).toEqual({
      timestamp: 1796000000,
      keyIndex: 0,
    });
    expect(await scheme.sign({ body, timestamp: 1796000000, url })).toEqual(headers);
    for (const [label, extra] of [
      ["other URL", { method: "POST", url: `${url}/` }],
      ["other query", { method: "POST", url: `${url}?a=1` }],
      ["other method", { method: "PUT", url }],
    ] as const) {
      expect(await outcome(() => scheme.verify(request(headers, body, extra))), label).toBe(
        "invalid_signature",
      );
    }
  });

  it("Square: base64 over `{url}{body}`, the SDK's test vector (square-nodejs-sdk tests/integration/webhooks.test.ts)", async () => {
    const scheme = squareHmac({ secret: "signature-key", allowShortSecret: true });
    const body = '{"data":{"type":"webhooks","id":"fake_id"}}';
    const headers = { "x-square-hmacsha256-signature": "W3FlCNk5IA3ZQ2LHTWoajvzfaDu/OwY2tNHIHC3IUOA=" };
    const at = "https://webhook.site/webhooks";
    expect(await scheme.verify(request(headers, body, { url: at }))).toEqual({ keyIndex: 0 });
    expect(await outcome(() => scheme.verify(request(headers, body, { url: `${at}/` })))).toBe(
      "invalid_signature",
    );
    expect(
      await outcome(() =>
        scheme.verify(request(headers, body, { url: "https://webhook.site:443/webhooks" })),
      ),
    ).toBe("invalid_signature");
  });

  it("throws the caller's TypeError, never a 401, when verify is given no URL or method", async () => {
    const scheme = hubspot("c0ffee00-1234-4abc-9def-0123456789ab");
    const headers = await scheme.sign({ body: "[]", url });
    const noUrl = await thrown(() => scheme.verify(request(headers, "[]", { method: "POST" })));
    expect(noUrl).toBeInstanceOf(TypeError);
    expect((noUrl as Error).message).toMatch(
      /^\[@hookproof\/core\] `hmac` needs the request URL: pass `url`/,
    );
    expect((noUrl as Error).message).toContain("publicUrl");
    const noMethod = await thrown(() => scheme.verify(request(headers, "[]", { url })));
    expect(noMethod).toBeInstanceOf(TypeError);
    // Through the verifier, too: `url` and `method` reach the scheme.
    const verifier = createVerifier({ scheme, now: () => Date.now() });
    expect(await outcome(() => verifier.authenticate({ headers, body: "[]", method: "POST", url }))).toBe(
      "ok",
    );
    expect(
      await outcome(() =>
        verifier.authenticate({ headers, body: async () => utf8("[]"), method: "POST", url }),
      ),
    ).toBe("ok");
  });
});

describe("hmac template options are checked when the scheme is created", () => {
  const base = { secret: "a-sixteen-byte-secret-or-more", header: "x-sig" };
  it.each([
    [
      "a template without {body}",
      { template: "{timestamp}", timestamp: { header: "x-ts" } },
      "must contain `{body}`",
    ],
    ["an unknown part", { template: "{body}{nonce}" }, "unknown part `{nonce}`"],
    ["a part twice", { template: "{body}{body}" }, "`{body}` twice"],
    [
      "a timestamp the template does not sign",
      { template: "{body}", timestamp: { header: "x-ts" } },
      "must sign `{timestamp}`",
    ],
    ["{timestamp} with no timestamp option", { template: "{timestamp}.{body}" }, "say where it travels"],
    ["{id} with no idHeader", { template: "{id}{body}" }, "`idHeader`"],
    ["an unknown unit", { timestamp: { header: "x-ts", unit: "minutes" } }, "`timestamp.unit`"],
    ["a blank separator", { signatureKey: "v1", separator: " " }, "`separator`"],
  ])("refuses %s", (_, extra, says) => {
    const error = creationError(() => hmac({ ...base, ...(extra as object) }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(says);
  });
});
