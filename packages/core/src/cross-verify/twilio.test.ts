/**
 * `formHmac` in Twilio's layout against `twilio` 6.3.1 (`validateRequest`, `validateRequestWithBody`,
 * `getExpectedTwilioSignature`), both ways, and Twilio's published vector.
 */
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/helpers.js";
import { formHmac, readHeaders } from "../index.js";

const token = "9f3c2b1a0e8d7c6b5a4f3e2d1c0b9a8f";
const scheme = formHmac({
  secret: token,
  header: "x-twilio-signature",
  bodyHashParam: "bodySHA256",
  urlVariants: true,
});
const url = "https://hooks.example.com/twilio/sms";
const form =
  "ToCountry=US&ToState=CA&SmsMessageSid=SM0123456789abcdef0123456789abcdef&NumMedia=0&Body=Hello+%E2%9C%93+caf%C3%A9%21&From=%2B14155550100&To=%2B14155550199&MessageSid=SM0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=2010-04-01";
/** The parameters as a framework hands them to the SDK: decoded, a repeated name as an array. */
function params(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = out[name];
    out[name] = seen === undefined ? value : [...[seen].flat(), value];
  }
  return out;
}
const verify = (signature: string, at: string, body: string) =>
  outcome(() =>
    scheme.verify({ header: readHeaders({ "x-twilio-signature": signature }), body: utf8(body), url: at }),
  );

describe("twilio 6.3.1 → hookproof", () => {
  it("Twilio's published vector (twilio-node spec/validation.spec.js)", async () => {
    const published = formHmac({ secret: "12345", allowShortSecret: true, header: "x-twilio-signature" });
    const body =
      "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212";
    const header = readHeaders({ "x-twilio-signature": "RSOYDt4T1cUTdK1PDd93/VVr8B8=" });
    const at = "https://mycompany.com/myapp.php?foo=1&bar=2";
    expect(await published.verify({ header, body: utf8(body), url: at })).toEqual({ keyIndex: 0 });
    expect(await outcome(() => published.verify({ header, body: utf8(`${body}&x=1`), url: at }))).toBe(
      "invalid_signature",
    );
  });

  it("getExpectedTwilioSignature's signature passes, also for repeated names; a changed parameter or URL is refused", async () => {
    for (const body of [form, "A=1&B=x&B=a&B=x"]) {
      const signature = twilio.getExpectedTwilioSignature(token, url, params(body));
      expect(await verify(signature, url, body)).toBe("ok");
      expect(await verify(signature, `${url}?x=1`, body)).toBe("invalid_signature");
      expect(await verify(signature, url, `${body}&Extra=1`)).toBe("invalid_signature");
    }
  });

  it("accepts the URL with or without the default port, as the SDK does", async () => {
    const signature = twilio.getExpectedTwilioSignature(token, url, params(form));
    expect(await verify(signature, "https://hooks.example.com:443/twilio/sms", form)).toBe("ok");
    const withPort = twilio.getExpectedTwilioSignature(
      token,
      "https://hooks.example.com:443/twilio/sms",
      params(form),
    );
    expect(await verify(withPort, url, form)).toBe("ok");
    // Only with the option: a scheme without it signs the URL exactly.
    const exact = formHmac({ secret: token, header: "x-twilio-signature" });
    expect(
      await outcome(() =>
        exact.verify({ header: readHeaders({ "x-twilio-signature": withPort }), body: utf8(form), url }),
      ),
    ).toBe("invalid_signature");
  });

  it("a JSON body: the URL's bodySHA256 is signed and the body held to it", async () => {
    const body = '{"property": "value", "boolean": true}';
    // Twilio's published JSON vector.
    const hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    const published = formHmac({
      secret: "12345",
      allowShortSecret: true,
      header: "x-twilio-signature",
      bodyHashParam: "bodySHA256",
    });
    const at = `https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=${hash}`;
    const header = readHeaders({ "x-twilio-signature": "a9nBmqA0ju/hNViExpshrM61xv4=" });
    expect(await outcome(() => published.verify({ header, body: utf8(body), url: at }))).toBe("ok");
    expect(await outcome(() => published.verify({ header, body: utf8(`${body} `), url: at }))).toBe(
      "invalid_signature",
    );
    expect(twilio.validateRequestWithBody("12345", "a9nBmqA0ju/hNViExpshrM61xv4=", at, body)).toBe(true);
  });
});

describe("hookproof → twilio 6.3.1", () => {
  it("validateRequest accepts hookproof's signature of a form", async () => {
    for (const body of [form, "A=1&B=x&B=a&B=x", ""]) {
      const headers = await scheme.sign({ body, url });
      expect(twilio.validateRequest(token, headers["x-twilio-signature"] as string, url, params(body))).toBe(
        true,
      );
      expect(
        twilio.validateRequest(token, headers["x-twilio-signature"] as string, `${url}x`, params(body)),
      ).toBe(false);
    }
  });

  it("validateRequestWithBody accepts hookproof's signature of a JSON body", async () => {
    const body = '{"id":"EZ0123","type":"com.twilio.messaging.message.delivered"}';
    const hash = (await import("node:crypto")).createHash("sha256").update(body).digest("hex");
    const at = `${url}?bodySHA256=${hash}`;
    const headers = await scheme.sign({ body, url: at });
    expect(twilio.validateRequestWithBody(token, headers["x-twilio-signature"] as string, at, body)).toBe(
      true,
    );
    expect(await verify(headers["x-twilio-signature"] as string, at, body)).toBe("ok");
  });
});

describe("formHmac asks for the URL", () => {
  it("throws the caller's TypeError when verify is given none", async () => {
    const signature = await scheme.sign({ body: form, url });
    let error: unknown;
    try {
      await scheme.verify({ header: readHeaders(signature), body: utf8(form) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain("`formHmac` needs the request URL");
  });
});
