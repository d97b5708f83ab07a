import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { EventWebhook } from "@sendgrid/eventwebhook";
import { describe, expect, it } from "vitest";
import { at, creationError, outcome, rejection, utf8 } from "../../test/helpers.js";
import { derToP1363, p1363ToDer } from "../crypto/ecdsa-der.js";
import { createVerifier, ecdsaP256, readHeaders } from "../index.js";

const SIGNATURE = "x-twilio-email-event-webhook-signature";
const TIMESTAMP = "x-twilio-email-event-webhook-timestamp";
const headerNames = { signatureHeader: SIGNATURE, timestampHeader: TIMESTAMP };

// sendgrid/sendgrid-nodejs packages/eventwebhook/src/eventwebhook.spec.js (@ 498e2329): SendGrid's published
// vector. The body ends in CRLF, which is part of what was signed.
const VECTOR = {
  publicKey:
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
  timestamp: "1600112502",
  signature:
    "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=",
  body: '[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address","sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]\r\n',
};

const BODY =
  '[{"email":"a@example.com","event":"delivered","sg_event_id":"ZGVsaXZlcmVk","timestamp":1764460000}]\r\n';
const timestamp = 1764460800;

function pair(): { publicKey: string; privateKey: string; pem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
    privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    pem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  };
}

const request = (headers: Record<string, string>, body = BODY) => ({
  header: readHeaders(headers),
  body: utf8(body),
});

const sdk = new EventWebhook();

describe("ecdsaP256 (SendGrid layout)", () => {
  it("verifies SendGrid's published vector, and refuses it without the trailing CRLF", async () => {
    const scheme = ecdsaP256({ ...headerNames, publicKey: VECTOR.publicKey });
    const headers = { [SIGNATURE]: VECTOR.signature, [TIMESTAMP]: VECTOR.timestamp };
    expect(await scheme.verify(request(headers, VECTOR.body))).toEqual({
      timestamp: 1600112502,
      keyIndex: 0,
    });
    expect(await outcome(() => scheme.verify(request(headers, VECTOR.body.trimEnd())))).toBe(
      "invalid_signature",
    );
  });

  it("signs like SendGrid: @sendgrid/eventwebhook verifies it, and refuses it for another timestamp", async () => {
    const keys = pair();
    const headers = await ecdsaP256({ ...headerNames, ...keys }).sign({ body: BODY, timestamp });
    const key = sdk.convertPublicKeyToECDSA(keys.publicKey);
    expect(sdk.verifySignature(key, BODY, headers[SIGNATURE] as string, String(timestamp))).toBe(true);
    expect(sdk.verifySignature(key, BODY, headers[SIGNATURE] as string, String(timestamp + 1))).toBe(false);
  });

  it("verifies what node:crypto signs as SendGrid does (DER), with a PEM key too, naming the key that matched", async () => {
    const keys = pair();
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const signature = nodeSign("sha256", Buffer.from(`${timestamp}${BODY}`), {
      key: privateKey,
      dsaEncoding: "der",
    });
    const pem = publicKey.export({ format: "pem", type: "spki" }).toString();
    const scheme = ecdsaP256({ ...headerNames, publicKey: [keys.publicKey, pem] });
    const headers = { [SIGNATURE]: signature.toString("base64"), [TIMESTAMP]: String(timestamp) };
    expect(await scheme.verify(request(headers))).toEqual({ timestamp, keyIndex: 1 });
    expect(
      sdk.verifySignature(sdk.convertPublicKeyToECDSA(pem), BODY, headers[SIGNATURE], String(timestamp)),
    ).toBe(true);
  });

  it("refuses a tampered body, another key and a changed timestamp", async () => {
    const keys = pair();
    const scheme = ecdsaP256({ ...headerNames, ...keys });
    const headers = await scheme.sign({ body: BODY, timestamp });
    expect(await outcome(() => scheme.verify(request(headers, BODY.replace("delivered", "dropped"))))).toBe(
      "invalid_signature",
    );
    expect(
      await outcome(() =>
        ecdsaP256({ ...headerNames, publicKey: pair().publicKey }).verify(request(headers)),
      ),
    ).toBe("invalid_signature");
    expect(
      await outcome(() => scheme.verify(request({ ...headers, [TIMESTAMP]: String(timestamp + 1) }))),
    ).toBe("invalid_signature");
  });

  it("refuses malformed and oversized signatures as malformed_header in both backends, never echoing them", async () => {
    const keys = pair();
    const scheme = ecdsaP256({ ...headerNames, ...keys });
    const good = Buffer.from((await scheme.sign({ body: BODY, timestamp }))[SIGNATURE] as string, "base64");
    const raw = derToP1363(good) as Uint8Array;
    const cases = [
      Buffer.from(raw).toString("base64"), // P1363 r‖s, which @sendgrid/eventwebhook throws on
      "not base64!",
      Buffer.concat([good, Buffer.from([0])]).toString("base64"), // trailing byte
      Buffer.from([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x02, 0x00, 0x01]).toString("base64"), // padded integer
      Buffer.from([0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01]).toString("base64"), // negative r
      Buffer.alloc(80, 0x30).toString("base64"), // over 72 bytes
      "A".repeat(100_000),
    ];
    for (const value of cases) {
      const error = await rejection(() =>
        scheme.verify(request({ [SIGNATURE]: value, [TIMESTAMP]: String(timestamp) })),
      );
      expect(error.code).toBe("malformed_header");
      expect(error.message).not.toContain(value.slice(0, 12));
    }
  });

  it("converts DER to r‖s and back exactly, including short integers", () => {
    for (let i = 0; i < 50; i++) {
      const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const message = Buffer.from(String(i));
      const der = nodeSign("sha256", message, { key: privateKey, dsaEncoding: "der" });
      const raw = derToP1363(new Uint8Array(der)) as Uint8Array;
      expect(raw).toHaveLength(64);
      expect(nodeVerify("sha256", message, { key: publicKey, dsaEncoding: "ieee-p1363" }, raw)).toBe(true);
      expect(Buffer.from(p1363ToDer(raw))).toEqual(der);
    }
    const short = new Uint8Array(64);
    short[31] = 1;
    short[63] = 0x80;
    expect([...p1363ToDer(short)]).toEqual([0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02, 0x00, 0x80]);
    expect(derToP1363(p1363ToDer(short))).toEqual(short);
  });

  it("applies the replay window to the signed timestamp through createVerifier", async () => {
    const scheme = ecdsaP256({ ...headerNames, ...pair() });
    const headers = await scheme.sign({ body: BODY, timestamp });
    expect(
      await outcome(() =>
        createVerifier({ scheme, now: at(timestamp - 301) }).verify({ headers, body: BODY }),
      ),
    ).toBe("timestamp_in_future");
    expect(
      await outcome(() =>
        createVerifier({ scheme, now: at(timestamp + 60) }).authenticate({ headers, body: BODY }),
      ),
    ).toBe("ok");
  });

  it("signs with a PEM private key", async () => {
    const keys = pair();
    const headers = await ecdsaP256({ ...headerNames, publicKey: keys.publicKey, privateKey: keys.pem }).sign(
      {
        body: BODY,
        timestamp,
      },
    );
    expect(await ecdsaP256({ ...headerNames, publicKey: keys.publicKey }).verify(request(headers))).toEqual({
      timestamp,
      keyIndex: 0,
    });
  });

  it("refuses at creation: keys of another curve or type, a point off the curve, no key", () => {
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey;
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    for (const key of [p384, rsa]) {
      const text = key.export({ format: "der", type: "spki" }).toString("base64");
      expect(creationError(() => ecdsaP256({ ...headerNames, publicKey: text })).message).toMatch(/P-256/);
    }
    const offCurve = Buffer.from(VECTOR.publicKey, "base64");
    offCurve.writeUInt8((offCurve.at(-1) as number) ^ 1, offCurve.length - 1);
    expect(
      creationError(() => ecdsaP256({ ...headerNames, publicKey: offCurve.toString("base64") })).message,
    ).toMatch(/P-256/);
    expect(creationError(() => ecdsaP256({ ...headerNames, publicKey: "" })).message).toMatch(/P-256/);
    expect(creationError(() => ecdsaP256({ ...headerNames, publicKey: [] })).message).toMatch(/publicKey/);
    expect(
      creationError(() => ecdsaP256({ ...headerNames, publicKey: VECTOR.publicKey }).sign({ body: "" }))
        .message,
    ).toMatch(/privateKey/);
  });
});
