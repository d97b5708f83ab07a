import { createHash } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import twilioSdk from "twilio";
import { describe, expect, it, vi } from "vitest";
import { creationError } from "../../../core/test/helpers.js";
import { outcome, rejection, utf8 } from "../../test/bodies.js";
import { answer, clock, fixtureText } from "../../test/test-support.js";
import { type TwilioHmacOptions, twilioHmac, twilio as twilioProvider } from "./index.js";

const TOKEN = "9f3c2b1a0e8d7c6b5a4f3e2d1c0b9a8f";
const SHARED = "shared-key-secret-0123456789abcdef";
const URL_ = "https://hooks.example.com/twilio/sms";
const SETTINGS = "x-twilio-webhooks-signature-settings";
const SHA256_SETTINGS = "key=webhooks_sharedkey_01abc,algorithm=HMAC_SHA256";
const SHA1_SETTINGS = "key=webhooks_sharedkey_01abc,algorithm=HMAC_SHA1";
// The SMS form of the wire-format notes, posted by a SharedKey Webhook Setting.
const SMS =
  "ToCountry=US&SmsMessageSid=SM0123456789abcdef0123456789abcdef&NumMedia=0&Body=Hello+there%21+It%27s+%E2%9C%93&SmsStatus=received&MessageSid=SM0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199&ApiVersion=2010-04-01";

/** The parameters as Twilio's SDK reads them from a form body (decoded values). */
const params = (body: string) => Object.fromEntries(new URLSearchParams(body));
/** Twilio's SDK's signature (twilio 6.3.1 `getExpectedTwilioSignature`) for the algorithm `settings` names. */
const sdkSign = (secret: string, url: string, body: string, settings?: string) =>
  twilioSdk.getExpectedTwilioSignature(secret, url, params(body), twilioSdk.getSignatureAlgorithm(settings));

/** The parts of a form POST the scheme reads, signed by the SDK with `secret`, carrying `settings` if given. */
function signed(body: string, secret: string, settings?: string, url = URL_) {
  const headers: Record<string, string> = { "x-twilio-signature": sdkSign(secret, url, body, settings) };
  if (settings !== undefined) headers[SETTINGS] = settings;
  return { header: readHeaders(headers), body: utf8(body), url };
}

/** `request` resent with its signature and, if given, `settings`: the settings header added, changed or stripped. */
const resent = (request: ReturnType<typeof signed>, settings?: string, signature?: string) => ({
  ...request,
  header: readHeaders({
    "x-twilio-signature": signature ?? (request.header("x-twilio-signature") as string),
    ...(settings === undefined ? {} : { [SETTINGS]: settings }),
  }),
});

/** The same as a Web Request, for the router. */
function post(body: string, secret: string, settings?: string): Request {
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    "x-twilio-signature": sdkSign(secret, URL_, body, settings),
  };
  if (settings !== undefined) headers[SETTINGS] = settings;
  return new Request(URL_, { method: "POST", headers, body });
}

const both = (extra: Partial<TwilioHmacOptions> = {}) =>
  twilioHmac({ secret: TOKEN, sharedKey: SHARED, ...extra });

describe("twilio SharedKey signatures (`X-Twilio-Webhooks-Signature-Settings`)", () => {
  it("accepts a SharedKey HMAC-SHA256 form post the SDK signed, through the router, next to the Auth Token", async () => {
    const signature = sdkSign(SHARED, URL_, SMS, SHA256_SETTINGS);
    // The wire-format notes' hand-computed vector, which the SDK matches.
    expect(signature).toBe("p6/EKSDPzNKXpi9+FSQfu9WB8dgoxuXebROMvi7V/ZA=");
    expect(twilioSdk.validateRequest(SHARED, signature, URL_, params(SMS), "HMAC_SHA256")).toBe(true);
    const seen: unknown[] = [];
    const hooks = createWebhooks({
      provider: twilioProvider({ secret: TOKEN, sharedKey: SHARED }),
      now: clock,
    }).on("message.received", (sms, context) => {
      seen.push([context.type, sms.Body]);
    });
    expect(await answer(hooks, post(SMS, SHARED, SHA256_SETTINGS))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(seen).toEqual([["message.received", "Hello there! It's ✓"]]);
    // SharedKey key indexes follow the Auth Token list.
    expect(await both().verify(signed(SMS, SHARED, SHA256_SETTINGS))).toEqual({ keyIndex: 1 });
  });

  it("reads the algorithm as the SDK's getSignatureAlgorithm does: SHA-1 when named or unnamed, any case, spaces trimmed", async () => {
    const scheme = twilioHmac({ sharedKey: SHARED });
    for (const settings of [
      SHA1_SETTINGS,
      "key=webhooks_sharedkey_01abc",
      "key=webhooks_sharedkey_01abc,algorithm=",
      " key = webhooks_sharedkey_01abc , algorithm = hmac_sha256 ",
      "algorithm=,algorithm=HMAC_SHA256",
      "algorithm=Hmac_Sha1,algorithm=HMAC_SHA256",
    ]) {
      const request = signed(SMS, SHARED, settings);
      const sdk = twilioSdk.validateRequest(
        SHARED,
        request.header("x-twilio-signature") as string,
        URL_,
        params(SMS),
        twilioSdk.getSignatureAlgorithm(settings),
      );
      expect([settings, sdk, await outcome(() => scheme.verify(request))]).toEqual([settings, true, "ok"]);
    }
    // A SHA-256 signature under a header naming SHA-1 (or none) is checked as SHA-1, and fails.
    const sha256 = sdkSign(SHARED, URL_, SMS, SHA256_SETTINGS);
    for (const settings of [SHA1_SETTINGS, "key=webhooks_sharedkey_01abc"]) {
      const request = resent(signed(SMS, SHARED, settings), settings, sha256);
      expect(await outcome(() => scheme.verify(request))).toBe("invalid_signature");
    }
  });

  it("verifies a SharedKey-signed JSON post (`bodySHA256`) as the SDK's validateRequestWithBody, and refuses its body changed", async () => {
    const body = JSON.stringify({ type: "com.twilio.messaging.message.delivered", id: "EZ1f0e8d7c6b5a4938" });
    const url = `${URL_}?bodySHA256=${createHash("sha256").update(body).digest("hex")}`;
    const signature = twilioSdk.getExpectedTwilioSignature(SHARED, url, {}, "HMAC_SHA256");
    expect(twilioSdk.validateRequestWithBody(SHARED, signature, url, body, "HMAC_SHA256")).toBe(true);
    const request = (text: string) => ({
      header: readHeaders({ "x-twilio-signature": signature, [SETTINGS]: SHA256_SETTINGS }),
      body: utf8(text),
      url,
    });
    expect(await both().verify(request(body))).toEqual({ keyIndex: 1 });
    const changed = body.replace("delivered", "failed");
    expect(twilioSdk.validateRequestWithBody(SHARED, signature, url, changed, "HMAC_SHA256")).toBe(false);
    expect(await outcome(() => both().verify(request(changed)))).toBe("invalid_signature");
  });

  it("keeps the Auth Token path as it was when a SharedKey is also configured", async () => {
    expect(await both().verify(signed(SMS, TOKEN))).toEqual({ keyIndex: 0 });
    expect(await twilioHmac({ secret: TOKEN }).verify(signed(SMS, TOKEN))).toEqual({ keyIndex: 0 });
    // An empty settings header is no settings header, as for the SDK's `webhook`.
    expect(await both().verify(signed(SMS, TOKEN, ""))).toEqual({ keyIndex: 0 });
  });

  it("never tries the other credential: the settings header stripped or added makes the request fail", async () => {
    const scheme = both();
    const stripped = resent(signed(SMS, SHARED, SHA256_SETTINGS));
    expect(await outcome(() => scheme.verify(stripped))).toBe("invalid_signature");
    // Signed with the Auth Token, sent as a SharedKey request, with either algorithm.
    for (const settings of [SHA1_SETTINGS, SHA256_SETTINGS]) {
      expect(await outcome(() => scheme.verify(resent(signed(SMS, TOKEN), settings)))).toBe(
        "invalid_signature",
      );
    }
    // With one credential configured, a request for the other is refused, not checked with the one there is.
    const bare = resent(signed(SMS, SHARED, SHA1_SETTINGS));
    expect(await outcome(() => twilioHmac({ sharedKey: SHARED }).verify(bare))).toBe("invalid_signature");
    const claimed = resent(signed(SMS, TOKEN), SHA1_SETTINGS);
    expect(await outcome(() => twilioHmac({ secret: TOKEN }).verify(claimed))).toBe("invalid_signature");
    // The same secret under both options still answers only on its own path (keyIndex tells which).
    const same = twilioHmac({ secret: SHARED, sharedKey: SHARED });
    expect(await same.verify(signed(SMS, SHARED, SHA1_SETTINGS))).toEqual({ keyIndex: 1 });
    expect(await same.verify(signed(SMS, SHARED))).toEqual({ keyIndex: 0 });
  });

  it("refuses an algorithm other than HMAC_SHA1 and HMAC_SHA256 as a malformed header, naming both, in checkHeaders too", async () => {
    const settings = "key=webhooks_sharedkey_01abc,algorithm=HMAC_SHA512";
    const request = resent(signed(SMS, SHARED, SHA256_SETTINGS), settings, "x");
    // The SDK refuses it too, and warns.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(
      twilioSdk.validateRequest(SHARED, "x", URL_, params(SMS), twilioSdk.getSignatureAlgorithm(settings)),
    ).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    for (const scheme of [both(), twilioHmac({ secret: TOKEN })]) {
      const error = await rejection(() => scheme.verify(request));
      expect([error.code, error.status, error.header]).toEqual(["malformed_header", 400, SETTINGS]);
      expect(error.message).toContain(`\`${SETTINGS}\``);
      expect(error.message).toContain("HMAC_SHA1 and HMAC_SHA256");
      expect(error.message).not.toContain("HMAC_SHA512");
      expect((await rejection(() => scheme.checkHeaders?.(request.header))).code).toBe("malformed_header");
    }
  });

  it("reports a missing `X-Twilio-Signature` first, in checkHeaders and verify, whatever the settings header says", async () => {
    for (const scheme of [both(), twilioHmac({ sharedKey: SHARED }), twilioHmac({ secret: TOKEN })]) {
      for (const headers of [{}, { [SETTINGS]: SHA256_SETTINGS }, { [SETTINGS]: "algorithm=MD5" }]) {
        const request = { header: readHeaders(headers), body: utf8(SMS), url: URL_ };
        const early = await rejection(() => scheme.checkHeaders?.(request.header));
        const late = await rejection(() => scheme.verify(request));
        expect([early.code, early.header, late.code, late.header]).toEqual([
          "missing_header",
          "x-twilio-signature",
          "missing_header",
          "x-twilio-signature",
        ]);
      }
    }
    expect(() => both().checkHeaders?.(signed(SMS, SHARED, SHA256_SETTINGS).header)).not.toThrow();
  });

  it("accepts any secret of each list while rotating, SharedKey indexes counted after the Auth Tokens", async () => {
    const secondToken = "7e6d5c4b3a29180f7e6d5c4b3a29180f";
    const nextShared = "shared-key-secret-fedcba9876543210";
    const scheme = twilioHmac({ secret: [TOKEN, secondToken], sharedKey: [SHARED, nextShared] });
    expect(await scheme.verify(signed(SMS, secondToken))).toEqual({ keyIndex: 1 });
    expect(await scheme.verify(signed(SMS, SHARED, SHA256_SETTINGS))).toEqual({ keyIndex: 2 });
    expect(await scheme.verify(signed(SMS, nextShared, SHA1_SETTINGS))).toEqual({ keyIndex: 3 });
    const sharedOnly = twilioHmac({ sharedKey: [SHARED, nextShared] });
    expect(await sharedOnly.verify(signed(SMS, nextShared, SHA256_SETTINGS))).toEqual({ keyIndex: 1 });
    // A rotated-out SharedKey secret no longer passes.
    expect(
      await outcome(() => twilioHmac({ sharedKey: nextShared }).verify(signed(SMS, SHARED, SHA256_SETTINGS))),
    ).toBe("invalid_signature");
  });

  it("tells the integrator which option to pass when the request needs the credential not configured", async () => {
    const tokenOnly = createWebhooks({ provider: twilioProvider({ secret: TOKEN }), now: clock });
    const refused = await answer(tokenOnly, post(SMS, SHARED, SHA256_SETTINGS));
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe("invalid_signature");
    expect(refused.body.error?.message).toContain("pass that SharedKey's secret as `sharedKey`");
    const sharedOnly = createWebhooks({ provider: twilioProvider({ sharedKey: SHARED }), now: clock });
    const noToken = await answer(sharedOnly, post(SMS, TOKEN));
    expect(noToken.status).toBe(401);
    expect(noToken.body.error?.code).toBe("invalid_signature");
    expect(noToken.body.error?.message).toContain("pass the Auth Token as `secret`");
    for (const message of [refused.body.error?.message, noToken.body.error?.message]) {
      expect(message).not.toContain(SHARED);
      expect(message).not.toContain(TOKEN);
    }
  });

  it("refuses tampered parameters, another URL and a wrong SharedKey secret", async () => {
    const scheme = both();
    const genuine = signed(SMS, SHARED, SHA256_SETTINGS);
    const tampered = { ...genuine, body: utf8(SMS.replace("Body=Hello", "Body=Goodbye")) };
    expect(await outcome(() => scheme.verify(tampered))).toBe("invalid_signature");
    const added = { ...genuine, body: utf8(`${SMS}&Extra=1`) };
    expect(await outcome(() => scheme.verify(added))).toBe("invalid_signature");
    expect(await outcome(() => scheme.verify({ ...genuine, url: `${URL_}/other` }))).toBe(
      "invalid_signature",
    );
    const wrong = signed(SMS, "shared-key-secret-0000000000000000", SHA256_SETTINGS);
    const error = await rejection(() => scheme.verify(wrong));
    expect(error.code).toBe("invalid_signature");
    expect(error.message).not.toContain(SHARED);
    expect(await outcome(() => scheme.verify(genuine))).toBe("ok");
  });

  it("verifies a SharedKey request at the `url` option with the request's own query", async () => {
    const scheme = twilioHmac({ sharedKey: SHARED, url: URL_ });
    const request = signed(SMS, SHARED, SHA256_SETTINGS, `${URL_}?tenant=7`);
    expect(await scheme.verify({ ...request, url: "http://10.0.0.7:3000/twilio/sms?tenant=7" })).toEqual({
      keyIndex: 0,
    });
    expect(
      await outcome(() => scheme.verify({ ...request, url: "http://10.0.0.7:3000/twilio/sms?tenant=8" })),
    ).toBe("invalid_signature");
  });
});

describe("twilio SharedKey: creation and signing", () => {
  it("needs `secret` or `sharedKey`, and names the option at fault", () => {
    expect(creationError(() => twilioHmac({})).message).toMatch(
      /^\[@hookproof\/core\] `secret` \(the Auth Token\) or `sharedKey` \(a SharedKey's secret\) is required/,
    );
    expect(creationError(() => twilioProvider(undefined as unknown as TwilioHmacOptions)).message).toContain(
      "`sharedKey`",
    );
    expect(creationError(() => twilioHmac({ sharedKey: "short" })).message).toMatch(
      /^\[@hookproof\/core\] `sharedKey` is under 16 bytes/,
    );
    expect(creationError(() => twilioHmac({ secret: TOKEN, sharedKey: [SHARED, " "] })).message).toMatch(
      /^\[@hookproof\/core\] `sharedKey\[1\]` is blank/,
    );
    expect(creationError(() => twilioHmac({ secret: TOKEN, sharedKey: [] })).message).toMatch(
      /^\[@hookproof\/core\] `sharedKey` is required/,
    );
    expect(creationError(() => twilioHmac({ secret: "short", sharedKey: SHARED })).message).toMatch(
      /^\[@hookproof\/core\] `secret` is under 16 bytes/,
    );
    expect(() => twilioHmac({ sharedKey: "short", allowShortSecret: true })).not.toThrow();
  });

  it("signs with the SharedKey alone as HMAC-SHA256 with its settings header, which the SDK accepts", async () => {
    const scheme = twilioHmac({ sharedKey: SHARED });
    const { headers, body } = await (scheme.signBody as NonNullable<typeof scheme.signBody>)({
      body: fixtureText("twilio", "message.received"),
      url: URL_,
    });
    const settings = headers[SETTINGS] as string;
    expect(settings).toBe("key=sharedkey,algorithm=HMAC_SHA256");
    expect(twilioSdk.getSignatureAlgorithm(settings)).toBe("HMAC_SHA256");
    const signature = headers["x-twilio-signature"] as string;
    expect(signature).toBe(sdkSign(SHARED, URL_, body as string, settings));
    expect(twilioSdk.validateRequest(SHARED, signature, URL_, params(body as string), "HMAC_SHA256")).toBe(
      true,
    );
    expect(
      await scheme.verify({ header: readHeaders(headers), body: utf8(body as string), url: URL_ }),
    ).toEqual({
      keyIndex: 0,
    });
    // A JSON post, signed over the URL alone.
    const json = '{"type":"com.twilio.messaging.message.delivered"}';
    const url = `${URL_}?bodySHA256=${createHash("sha256").update(json).digest("hex")}`;
    const jsonHeaders = await scheme.sign({ body: json, url });
    expect(
      twilioSdk.validateRequestWithBody(
        SHARED,
        jsonHeaders["x-twilio-signature"] as string,
        url,
        json,
        "HMAC_SHA256",
      ),
    ).toBe(true);
  });

  it("signs with the Auth Token, and no settings header, when `secret` is given", async () => {
    const headers = await both().sign({ body: SMS, url: URL_ });
    expect(headers).toEqual({ "x-twilio-signature": sdkSign(TOKEN, URL_, SMS) });
    expect(twilioSdk.validateRequest(TOKEN, headers["x-twilio-signature"] as string, URL_, params(SMS))).toBe(
      true,
    );
  });
});
