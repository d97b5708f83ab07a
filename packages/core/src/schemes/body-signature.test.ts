import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { outcome, rejection, utf8 } from "../../test/helpers.js";
import { bodySignature, createVerifier, readHeaders } from "../index.js";

const key = "key-7b3d2f9a1c4e6b8d0f2a4c6e8b0d2f4a";
const token = "a8ce0edb2dd8301dccd6b4ed5d4f9f2bd5e0bb0c1c8d07ca0c";
const timestamp = "1796000000";
const eventData = { event: "delivered", id: "CPgfbmQMTCKtHW6uIWtuVe", recipient: "zoe@example.com" };
/** A Mailgun delivery, signed as mailgun-php's `verifyWebhookSignature` checks it: hex HMAC-SHA256 of timestamp + token. */
function delivery(signingKey = key, data: object = eventData, extra: object = {}): string {
  const signature = createHmac("sha256", signingKey)
    .update(timestamp + token)
    .digest("hex");
  return JSON.stringify({ signature: { token, timestamp, signature, ...extra }, "event-data": data });
}
const verify = (body: string, scheme = bodySignature({ secret: key })) =>
  scheme.verify({ header: readHeaders({}), body: utf8(body) });

describe("bodySignature (Mailgun's `signature` object)", () => {
  it("verifies, and returns the token as the id, the signed timestamp and the parsed payload", async () => {
    const body = delivery();
    expect(await verify(body)).toEqual({
      id: token,
      timestamp: 1796000000,
      keyIndex: 0,
      payload: JSON.parse(body),
    });
  });

  it("accepts a subaccount's parent-signature made with the primary account's key", async () => {
    const parentKey = "key-parent-0123456789abcdef012345";
    const parent = createHmac("sha256", parentKey)
      .update(timestamp + token)
      .digest("hex");
    const body = delivery("some-subaccount-key-0123456789", eventData, { "parent-signature": parent });
    expect(await verify(body, bodySignature({ secret: [key, parentKey] }))).toMatchObject({ keyIndex: 1 });
  });

  it("refuses a wrong key, a changed token or timestamp", async () => {
    expect(await outcome(() => verify(delivery("key-wrong-0123456789abcdef0123")))).toBe("invalid_signature");
    expect(await outcome(() => verify(delivery().replace(token, `${token.slice(0, -1)}d`)))).toBe(
      "invalid_signature",
    );
    expect(await outcome(() => verify(delivery().replace(timestamp, "1796000001")))).toBe(
      "invalid_signature",
    );
  });

  it("a changed event-data keeps the signature (Mailgun does not sign it) but not the id: dedupe catches the replay", async () => {
    const replay = delivery(key, { ...eventData, event: "complained" });
    expect(await verify(replay)).toMatchObject({ id: token });
  });

  it("refuses bodies without a well-formed signature object, naming what is wrong", async () => {
    for (const [body, says] of [
      ['{"event-data":{}}', "is missing"],
      ["[]", "is missing"],
      [
        JSON.stringify({ signature: { token, timestamp: "soon", signature: "0".repeat(64) } }),
        "unix-seconds",
      ],
      [JSON.stringify({ signature: { timestamp, signature: "0".repeat(64) } }), "`token`"],
      [JSON.stringify({ signature: { token, timestamp, signature: "xyz" } }), "hex `signature`"],
    ] as const) {
      const error = await rejection(() => verify(body));
      expect([error.code, error.status]).toEqual(["invalid_signature", 401]);
      expect(error.message).toContain(says);
    }
    expect(await outcome(() => verify("not json"))).toBe("invalid_json");
  });

  it("is held to the verifier's window; Mailgun's 8 h retries need `tolerance: 29_700`", async () => {
    const body = delivery();
    const eightHoursLater = () => (1796000000 + 8 * 3600) * 1000;
    const strict = createVerifier({ scheme: bodySignature({ secret: key }), now: eightHoursLater });
    expect(await outcome(() => strict.verify({ headers: {}, body }))).toBe("timestamp_expired");
    const lenient = createVerifier({
      scheme: bodySignature({ secret: key }),
      tolerance: 29_700,
      now: eightHoursLater,
    });
    expect(await lenient.verify({ headers: {}, body })).toMatchObject({
      id: token,
      payload: JSON.parse(body),
    });
  });

  it("signBody writes a body that verifies, with the given token as id", async () => {
    const scheme = bodySignature({ secret: key });
    const body = await scheme.signBody?.({
      body: JSON.stringify({ "event-data": eventData }),
      id: token,
      timestamp: 1796000000,
    });
    expect(JSON.parse(body?.body as string)).toEqual(JSON.parse(delivery()));
    expect(await scheme.sign({ body: "{}" })).toEqual({});
  });
});
