import { createHash } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import twilioSdk from "twilio";
import { describe, expect, it } from "vitest";
import { creationError } from "../../../core/test/helpers.js";
import { outcome, utf8 } from "../../test/bodies.js";
import { answer, clock, fixtureText, fixtureTypes, pathText } from "../../test/test-support.js";
import { twilioHmac, twilio as twilioProvider } from "./index.js";

const TOKEN = "9f3c2b1a0e8d7c6b5a4f3e2d1c0b9a8f";
const URL_ = "https://hooks.example.com/twilio/sms";
const provider = (url?: string) => twilioProvider({ secret: TOKEN, url });

/** The form Twilio posts for a fixture's fields. */
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
/** The parameters as Twilio's SDK reads them from a form body (decoded values). */
const params = (body: string) => Object.fromEntries(new URLSearchParams(body));
/** Twilio's own signature (twilio 6.3.1 `getExpectedTwilioSignature`) of a form POST to `url`. */
const sdkSign = (url: string, body: string, token = TOKEN) =>
  twilioSdk.getExpectedTwilioSignature(token, url, params(body));

/** A form POST as Twilio sends it to `url`, signed as `signedUrl`. */
function twilioPost(url: string, body: string, signedUrl = url, token = TOKEN): Request {
  return new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": sdkSign(signedUrl, body, token),
      "i-twilio-idempotency-token": crypto.randomUUID(),
    },
    body,
  });
}

const fixture = (type: string) => JSON.parse(fixtureText("twilio", type)) as Record<string, string>;

// A required field of each listed event, which the schema must refuse to see missing.
const REQUIRED: Record<string, string> = {
  "message.received": "Body",
  "message.sent": "AccountSid",
  "message.delivered": "To",
  "message.undelivered": "From",
  "message.failed": "ApiVersion",
  "call.ringing": "Direction",
  "call.completed": "AccountSid",
};

describe("twilio fixtures", () => {
  it("has a fixture for every event of its catalogue, and no other", () => {
    expect(fixtureTypes("twilio")).toEqual(Object.keys(provider().events).sort());
    expect(Object.keys(REQUIRED).sort()).toEqual(fixtureTypes("twilio"));
  });

  it.each(fixtureTypes("twilio"))(
    "accepts %s as Twilio posts it (signed by twilio's SDK) and hands its handler the fields",
    async (type) => {
      const body = form(fixture(type));
      const seen: unknown[] = [];
      const hooks = createWebhooks({ provider: provider(), now: clock }).on(type, (event, context) => {
        seen.push([context.type, { ...event }]);
      });
      expect(await answer(hooks, twilioPost(URL_, body))).toEqual({ status: 200, body: { ok: true } });
      expect(seen).toEqual([[type, fixture(type)]]);
    },
  );

  it.each(fixtureTypes("twilio"))("refuses %s with a required field missing, naming it", async (type) => {
    const fields = fixture(type);
    const missing = REQUIRED[type] as string;
    delete fields[missing];
    let ran = false;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(type, () => {
      ran = true;
    });
    const result = await answer(hooks, twilioPost(URL_, form(fields)));
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe("invalid_payload");
    expect(result.body.error?.message).toContain(`\`${pathText([missing])}\``);
    expect(ran).toBe(false);
  });
});

describe("twilio", () => {
  it("dedupes Twilio's retry of a request by the body's SHA-256, and handles each status change once", async () => {
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((event, context) => {
      seen.push(`${context.type} ${(event as { MessageSid?: string }).MessageSid}`);
    });
    const sent = form(fixture("message.sent"));
    const delivered = form(fixture("message.delivered"));
    expect((await answer(hooks, twilioPost(URL_, sent))).body).toEqual({ ok: true });
    // The retry carries a fresh (unsigned) idempotency token: still the same event.
    expect((await answer(hooks, twilioPost(URL_, sent))).body).toEqual({ ok: true, duplicate: true });
    expect((await answer(hooks, twilioPost(URL_, delivered))).body).toEqual({ ok: true });
    expect(seen).toEqual([
      "message.sent SM9a8b7c6d5e4f43219876a5b4c3d2e1f0",
      "message.delivered SM9a8b7c6d5e4f43219876a5b4c3d2e1f0",
    ]);
  });

  it("needs no replayBound option: the preset declares that only the retention bounds replays", () => {
    expect(provider().replayBound).toBe("retention");
    expect(provider().scheme.signsTimestamp).toBe(false);
    expect(() => createWebhooks({ provider: provider() })).not.toThrow();
  });

  it("refuses a signature for another URL, path, query or token", async () => {
    const body = form(fixture("message.received"));
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const code = async (request: Request) => (await answer(hooks, request)).body.error?.code;
    expect(await code(twilioPost(URL_, body, "https://hooks.example.com/twilio/voice"))).toBe(
      "invalid_signature",
    );
    expect(await code(twilioPost(URL_, body, "https://attacker.example/twilio/sms"))).toBe(
      "invalid_signature",
    );
    expect(await code(twilioPost(`${URL_}?a=1`, body, `${URL_}?a=2`))).toBe("invalid_signature");
    expect(await code(twilioPost(URL_, body, URL_, "0000aaaa1111bbbb2222cccc3333dddd"))).toBe(
      "invalid_signature",
    );
    const changed = body.replace("Body=Is", "Body=Was");
    const forged = new Request(URL_, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": sdkSign(URL_, body),
      },
      body: changed,
    });
    expect(await code(forged)).toBe("invalid_signature");
    expect(await code(twilioPost(URL_, body))).toBeUndefined();
  });

  it("accepts the parameters in any order: the signature is over them sorted by name", async () => {
    const fields = Object.entries(fixture("message.received"));
    const reversed = new URLSearchParams(fields.reverse()).toString();
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("message.received", () => {});
    // Signed over the original order by the SDK, sent reordered.
    const request = new Request(URL_, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": sdkSign(URL_, form(fixture("message.received"))),
      },
      body: reversed,
    });
    expect(await answer(hooks, request)).toEqual({ status: 200, body: { ok: true } });
  });

  it("accepts Twilio's port variants: signed with :443 and received without, and the reverse", async () => {
    const body = form(fixture("message.delivered"));
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("message.delivered", () => {});
    // A Web Request drops the default port, so the router sees the URL without it.
    expect(await answer(hooks, twilioPost(URL_, body, "https://hooks.example.com:443/twilio/sms"))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const atPort = createWebhooks({
      provider: provider("https://hooks.example.com:443/twilio/sms"),
      now: clock,
    }).on("message.delivered", () => {});
    expect(await answer(atPort, twilioPost(URL_, body))).toEqual({ status: 200, body: { ok: true } });
    // Another port is another URL.
    expect(
      (await answer(hooks, twilioPost(URL_, body, "https://hooks.example.com:8443/twilio/sms"))).body.error
        ?.code,
    ).toBe("invalid_signature");
  });

  it("verifies at the `url` option with the request's own query, when a proxy hides the public URL", async () => {
    const body = form(fixture("call.ringing"));
    const hooks = createWebhooks({ provider: provider(URL_), now: clock }).on("call.ringing", () => {});
    const internal = () => twilioPost("http://10.0.0.7:3000/twilio/sms?tenant=7", body, `${URL_}?tenant=7`);
    expect(await answer(hooks, internal())).toEqual({ status: 200, body: { ok: true } });
    const otherQuery = twilioPost("http://10.0.0.7:3000/twilio/sms?tenant=8", body, `${URL_}?tenant=7`);
    expect((await answer(hooks, otherQuery)).body.error?.code).toBe("invalid_signature");
    // Without the option, the internal URL is not what Twilio signed.
    const plain = createWebhooks({ provider: provider(), now: clock });
    expect((await answer(plain, internal())).body.error?.code).toBe("invalid_signature");
    // The router's publicUrl does the same for every preset.
    const routed = createWebhooks({
      provider: provider(),
      now: clock,
      publicUrl: "https://hooks.example.com",
    }).on("call.ringing", () => {});
    expect(await answer(routed, internal())).toEqual({ status: 200, body: { ok: true } });
  });

  it("refuses a `url` option that is not an absolute http(s) URL without query or fragment, at creation", () => {
    for (const url of ["/twilio/sms", "ftp://hooks.example.com/x", `${URL_}?a=1`, `${URL_}#rc=3`, 42]) {
      const error = creationError(() => provider(url as string));
      expect(error.message).toMatch(/^\[@hookproof\/core\] `url` must be the endpoint's public URL/);
    }
  });

  it("accepts any token of a list while rotating, and reports which", async () => {
    const secondary = "7e6d5c4b3a29180f7e6d5c4b3a29180f";
    const scheme = twilioHmac({ secret: [TOKEN, secondary] });
    const body = form(fixture("message.sent"));
    const request = (token: string) => ({
      header: readHeaders({ "x-twilio-signature": sdkSign(URL_, body, token) }),
      body: utf8(body),
      url: URL_,
    });
    expect(await scheme.verify(request(secondary))).toEqual({ keyIndex: 1 });
    expect(await scheme.verify(request(TOKEN))).toEqual({ keyIndex: 0 });
  });

  it("routes recordings, calls, messages and a JSON body's `type`; an unknown shape has no type", () => {
    const type = (payload: unknown) => provider().eventType(payload, readHeaders({}));
    expect(type({ CallSid: "CA1", RecordingSid: "RE1", RecordingStatus: "completed" })).toBe(
      "recording.completed",
    );
    expect(type({ MessageSid: "SM1", SmsStatus: "received" })).toBe("message.received");
    expect(type({ MessageSid: "SM1", SmsStatus: "sent", MessageStatus: "delivered" })).toBe(
      "message.delivered",
    );
    expect(type({ CallSid: "CA1", CallStatus: "busy" })).toBe("call.busy");
    expect(type({ CallSid: "CA1" })).toBeUndefined();
    expect(type({ type: "com.twilio.messaging.message.delivered" })).toBe(
      "com.twilio.messaging.message.delivered",
    );
    expect(type({ Body: "hi" })).toBeUndefined();
  });
});

describe("twilio against twilio 6.3.1 `validateRequest` / `getExpectedTwilioSignature`", () => {
  it("passes Twilio's published vector, which the SDK also accepts", async () => {
    // twilio.com/docs/usage/security; twilio/twilio-node spec/validation.spec.js
    const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const body = form({
      CallSid: "CA1234567890ABCDE",
      Caller: "+14158675309",
      Digits: "1234",
      From: "+14158675309",
      To: "+18005551212",
    });
    const signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    expect(twilioSdk.validateRequest("12345", signature, url, params(body))).toBe(true);
    const scheme = twilioHmac({ secret: "12345", allowShortSecret: true });
    const request = { header: readHeaders({ "x-twilio-signature": signature }), body: utf8(body), url };
    expect(await outcome(() => scheme.verify(request))).toBe("ok");
    expect(await scheme.sign({ body, url })).toEqual({ "x-twilio-signature": signature });
  });

  it("passes Twilio's published JSON vector (`bodySHA256`), and refuses the body changed", async () => {
    // twilio/twilio-node spec/validation.spec.js ("validateRequestWithBody")
    const body = '{"property": "value", "boolean": true}';
    const url =
      "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    const signature = "a9nBmqA0ju/hNViExpshrM61xv4=";
    expect(twilioSdk.validateRequestWithBody("12345", signature, url, body)).toBe(true);
    const scheme = twilioHmac({ secret: "12345", allowShortSecret: true });
    const request = (text: string) => ({
      header: readHeaders({ "x-twilio-signature": signature }),
      body: utf8(text),
      url,
    });
    expect(await outcome(() => scheme.verify(request(body)))).toBe("ok");
    const changed = '{"property": "other", "boolean": true}';
    expect(twilioSdk.validateRequestWithBody("12345", signature, url, changed)).toBe(false);
    expect(await outcome(() => scheme.verify(request(changed)))).toBe("invalid_signature");
  });

  it("routes a JSON post the SDK signed (`bodySHA256`) by its `type` and hands the handler its JSON", async () => {
    const event = {
      type: "com.twilio.messaging.message.delivered",
      id: "EZ1f0e8d7c6b5a49382716f5e4d3c2b1a0",
    };
    const body = JSON.stringify(event);
    const url = `${URL_}?bodySHA256=${createHash("sha256").update(body).digest("hex")}`;
    const signature = twilioSdk.getExpectedTwilioSignature(TOKEN, url, {});
    expect(twilioSdk.validateRequestWithBody(TOKEN, signature, url, body)).toBe(true);
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((payload, context) => {
      seen.push([context.type, payload]);
    });
    const post = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-twilio-signature": signature },
      body,
    });
    expect(await answer(hooks, post)).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([["com.twilio.messaging.message.delivered", event]]);
  });

  it("signs every fixture as the SDK does, and the SDK's validateRequest accepts it (and not at another URL)", async () => {
    const scheme = twilioHmac({ secret: TOKEN });
    for (const type of fixtureTypes("twilio")) {
      const { headers, body } = await (scheme.signBody as NonNullable<typeof scheme.signBody>)({
        body: fixtureText("twilio", type),
        url: URL_,
      });
      expect(headers["content-type"]).toBe("application/x-www-form-urlencoded");
      const signature = headers["x-twilio-signature"] as string;
      expect(params(body as string)).toEqual(fixture(type));
      expect(signature).toBe(sdkSign(URL_, body as string));
      expect(twilioSdk.validateRequest(TOKEN, signature, URL_, params(body as string))).toBe(true);
      expect(twilioSdk.validateRequest(TOKEN, signature, `${URL_}/x`, params(body as string))).toBe(false);
    }
  });

  it("signs a repeated parameter as the SDK does: its distinct values sorted", async () => {
    const body = "A=1&B=x&B=a&B=x";
    const signed = await twilioHmac({ secret: TOKEN }).sign({ body, url: URL_ });
    // The SDK takes a repeated name as an array of its values.
    const sdk = twilioSdk.getExpectedTwilioSignature(TOKEN, URL_, { A: "1", B: ["x", "a", "x"] });
    expect(signed["x-twilio-signature"]).toBe(sdk);
    expect(sdk).toBe("SRMnlJijOzKMnr1SZbUzs9s3gOc=");
  });
});
