import { createPrivateKey, sign as nodeSign } from "node:crypto";
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { readHeaders } from "@hookproof/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rejection as refusal } from "../../../core/test/helpers.js";
import {
  SNS_TEST_CERTIFICATE,
  SNS_TEST_KEY,
  SNS_WEAK_CERTIFICATE,
  SNS_WEAK_KEY,
} from "../../test/sns-keys.js";
import type { KeyFetch } from "./fetch-key.js";
import { type SnsMessage, snsSignature, snsStringToSign } from "./sns-signature.js";

const require = createRequire(import.meta.url);
const https = require("node:https") as { get: unknown };
const MessageValidator = require("sns-validator") as new () => {
  validate(message: string, cb: (error: Error | null, message?: unknown) => void): void;
};

const TOPIC = "arn:aws:sns:us-east-1:123456789012:hookproof-test";
const CERT_URL =
  "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a00000000.pem";
const WEAK_URL =
  "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-00000000000000000000000000000bad.pem";
const enc = new TextEncoder();

const notification = {
  Type: "Notification",
  MessageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
  TopicArn: TOPIC,
  Subject: "héllo",
  Message: '{"event":"ok","multi":"line\\nhere"}',
  Timestamp: "2026-08-20T14:04:00.123Z",
  UnsubscribeURL: "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x",
};
const confirmation = (type: "SubscriptionConfirmation" | "UnsubscribeConfirmation") => ({
  Type: type,
  MessageId: "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
  Token:
    "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736",
  TopicArn: TOPIC,
  Message: `You have chosen to subscribe to the topic ${TOPIC}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
  SubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336412f37`,
  Timestamp: "2026-08-20T14:04:00.123Z",
});

/** Signs like SNS, independently of the scheme: node:crypto over the documented string. */
function signByHand(
  fields: Record<string, string>,
  version: "1" | "2",
  certUrl = CERT_URL,
  key = SNS_TEST_KEY,
): SnsMessage {
  const message = { ...fields, SignatureVersion: version, SigningCertURL: certUrl } as unknown as SnsMessage;
  const signature = nodeSign(
    version === "1" ? "sha1" : "sha256",
    Buffer.from(snsStringToSign(message)),
    createPrivateKey(key),
  );
  return { ...message, Signature: signature.toString("base64") };
}

const fetched: string[] = [];
const serve: KeyFetch = async (url) => {
  fetched.push(url);
  if (url === CERT_URL) return new Response(SNS_TEST_CERTIFICATE);
  if (url === WEAK_URL) return new Response(SNS_WEAK_CERTIFICATE);
  return new Response("not found", { status: 404 });
};

const scheme = snsSignature({
  topicArns: [TOPIC],
  fetch: serve,
  signingKey: { privateKey: SNS_TEST_KEY, certificateUrl: CERT_URL },
});
const request = (message: unknown, headers: Record<string, string> = {}) => ({
  header: readHeaders(headers),
  body: enc.encode(typeof message === "string" ? message : JSON.stringify(message)),
});

/** sns-validator's verdict, its certificate fetch (`https.get`) answered with the test certificate. */
function awsValidates(message: unknown): Promise<boolean> {
  return new Promise((resolve) =>
    new MessageValidator().validate(JSON.stringify(message), (error) => resolve(error === null)),
  );
}

let realGet: unknown;
beforeAll(() => {
  realGet = https.get;
  https.get = (url: string, onResponse: (response: PassThrough & { statusCode: number }) => void) => {
    const response = Object.assign(new PassThrough(), { statusCode: url === CERT_URL ? 200 : 404 });
    onResponse(response);
    response.end(url === CERT_URL ? SNS_TEST_CERTIFICATE : "");
    return { on: () => undefined };
  };
});
afterAll(() => {
  https.get = realGet;
});

describe("snsSignature", () => {
  it("verifies Notification and SubscriptionConfirmation signed like SNS, v1 and v2, as sns-validator does", async () => {
    for (const version of ["1", "2"] as const) {
      for (const fields of [
        notification,
        { ...notification, Subject: undefined },
        confirmation("SubscriptionConfirmation"),
      ]) {
        const message = signByHand(JSON.parse(JSON.stringify(fields)), version);
        expect(await awsValidates(message)).toBe(true);
        const result = await scheme.verify(request(message));
        expect(result).toEqual({ id: message.MessageId, keyIndex: 0, payload: message });
      }
    }
  });

  it("signs messages sns-validator accepts (signBody), and refuses them once altered", async () => {
    for (const fields of [notification, confirmation("SubscriptionConfirmation")]) {
      const signed = await scheme.signBody?.({ body: JSON.stringify(fields) });
      const message = JSON.parse(String(signed?.body));
      expect(message).toMatchObject({ SignatureVersion: "2", SigningCertURL: CERT_URL });
      expect(await awsValidates(message)).toBe(true);
      expect(await awsValidates({ ...message, Message: `${message.Message}!` })).toBe(false);
      expect(
        (await refusal(() => scheme.verify(request({ ...message, Message: `${message.Message}!` })))).code,
      ).toBe("invalid_signature");
    }
  });

  it("signs UnsubscribeConfirmation with `Token`, as AWS documents, which sns-validator (leaving it out) refuses", async () => {
    const message = signByHand(confirmation("UnsubscribeConfirmation"), "2");
    expect(await scheme.verify(request(message))).toMatchObject({ id: message.MessageId });
    expect(await awsValidates(message)).toBe(false);
  });

  it("fetches a certificate once per URL", async () => {
    fetched.length = 0;
    const fresh = snsSignature({ topicArns: [TOPIC], fetch: serve });
    for (let i = 0; i < 4; i++)
      await fresh.verify(request(signByHand({ ...notification, MessageId: `id-${i}` }, "2")));
    expect(fetched).toEqual([CERT_URL]);
  });

  it("imports a certificate's key with the certificate, not once per message (an RSA import costs ~10 verifies)", async () => {
    const fresh = snsSignature({ topicArns: [TOPIC], fetch: serve });
    const imports = vi.spyOn(crypto.subtle, "importKey");
    try {
      await fresh.verify(request(signByHand({ ...notification, MessageId: "id-first" }, "2")));
      const withCertificate = imports.mock.calls.length;
      expect(withCertificate).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++)
        for (const version of ["1", "2"] as const)
          await fresh.verify(request(signByHand({ ...notification, MessageId: `id-${i}` }, version)));
      expect(imports.mock.calls.length).toBe(withCertificate);
    } finally {
      imports.mockRestore();
    }
  });

  it("refuses certificate URLs off the pattern, and another topic, without fetching anything", async () => {
    fetched.length = 0;
    const urls = [
      "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a00000000.pem",
      "https://sns.s3-ap-southeast-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a00000000.pem",
      "https://sns.us-east-1.amazonaws.com.evil.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a00000000.pem",
      "https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-7ff5318490ec183fbaddaa2a00000000.pem",
      `${CERT_URL}?x=1`,
      "https://user@sns.us-east-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a00000000.pem",
      "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a00000000.pem",
      "https://sns.us-east-1.amazonaws.com/attacker/cert.pem",
      "https://s3.amazonaws.com/sns/SimpleNotificationService-7ff5318490ec183fbaddaa2a00000000.pem",
      "not a url",
    ];
    for (const url of urls) {
      const error = await refusal(() => scheme.verify(request(signByHand(notification, "2", url))));
      expect(error.code).toBe("invalid_signature");
      expect(error.message).toMatch(/SigningCertURL/);
      expect(error.message).not.toContain(url);
    }
    const other = signByHand({ ...notification, TopicArn: "arn:aws:sns:us-east-1:123456789012:other" }, "2");
    expect((await refusal(() => scheme.verify(request(other)))).message).toMatch(/topic/);
    expect(fetched).toEqual([]);
  });

  it("accepts a configured pattern for another partition", async () => {
    const custom = snsSignature({
      topicArns: [TOPIC],
      fetch: async () => new Response(SNS_TEST_CERTIFICATE),
      certificateUrl: (url) => url.href === "https://sns.example.eu/SimpleNotificationService-1.pem",
    });
    const message = signByHand(notification, "2", "https://sns.example.eu/SimpleNotificationService-1.pem");
    expect(await custom.verify(request(message))).toMatchObject({ id: notification.MessageId });
  });

  it("refuses other signature versions, v1 when only v2 is allowed, and oversized or non-base64 signatures", async () => {
    const v3 = { ...signByHand(notification, "2"), SignatureVersion: "3" };
    expect((await refusal(() => scheme.verify(request(v3)))).message).toMatch(/SignatureVersion/);
    const v2only = snsSignature({ topicArns: [TOPIC], fetch: serve, signatureVersions: ["2"] });
    expect((await refusal(() => v2only.verify(request(signByHand(notification, "1"))))).message).toMatch(
      /SignatureVersion/,
    );
    const huge = { ...signByHand(notification, "2"), Signature: "A".repeat(100_000) };
    expect((await refusal(() => scheme.verify(request(huge)))).message).toMatch(/Signature is not/);
    const junk = { ...signByHand(notification, "2"), Signature: "!!!!" };
    expect((await refusal(() => scheme.verify(request(junk)))).code).toBe("invalid_signature");
  });

  it("refuses raw delivery, a body that is not an SNS message, and missing signed fields", async () => {
    const message = signByHand(notification, "2");
    expect(
      (await refusal(() => scheme.verify(request(message, { "x-amz-sns-rawdelivery": "true" })))).message,
    ).toMatch(/raw message delivery/);
    expect((await refusal(() => scheme.verify(request("{not json")))).code).toBe("invalid_json");
    expect((await refusal(() => scheme.verify(request({ ...message, Type: "Other" })))).code).toBe(
      "invalid_signature",
    );
    const { Token: _, ...noToken } = signByHand(confirmation("SubscriptionConfirmation"), "2");
    expect((await refusal(() => scheme.verify(request(noToken)))).message).toMatch(/`Token` is missing/);
    expect((await refusal(() => scheme.verify(request({ ...message, Subject: 5 })))).message).toMatch(
      /`Subject` is not a string/,
    );
  });

  it("refuses a certificate with an RSA key under 2048 bits, and answers 503 when the certificate cannot be fetched", async () => {
    const weak = snsSignature({ topicArns: [TOPIC], fetch: serve, certificateUrl: () => true });
    const error = await refusal(() =>
      weak.verify(request(signByHand(notification, "2", WEAK_URL, SNS_WEAK_KEY))),
    );
    expect(error.message).toMatch(/2048/);
    const down = snsSignature({ topicArns: [TOPIC], fetch: async () => new Response("", { status: 503 }) });
    const unavailable = await refusal(() => down.verify(request(signByHand(notification, "2"))));
    expect({ code: unavailable.code, status: unavailable.status }).toEqual({
      code: "key_unavailable",
      status: 503,
    });
    const redirect = snsSignature({
      topicArns: [TOPIC],
      fetch: async () =>
        new Response(null, { status: 302, headers: { location: "https://evil.example/c.pem" } }),
    });
    expect((await refusal(() => redirect.verify(request(signByHand(notification, "2"))))).code).toBe(
      "key_unavailable",
    );
    const huge = snsSignature({ topicArns: [TOPIC], fetch: async () => new Response("x".repeat(100_000)) });
    expect((await refusal(() => huge.verify(request(signByHand(notification, "2"))))).message).toMatch(
      /over 65536 bytes/,
    );
  });

  it("accepts any well-formed topic when none is listed, its region still binding the certificate URL", async () => {
    const any = snsSignature({ fetch: serve });
    const other = { ...notification, TopicArn: "arn:aws:sns:us-east-1:210987654321:elsewhere" };
    expect(await any.verify(request(signByHand(other, "2")))).toMatchObject({ id: notification.MessageId });
    const west = { ...notification, TopicArn: "arn:aws:sns:eu-west-1:123456789012:hookproof-test" };
    expect((await refusal(() => any.verify(request(signByHand(west, "2"))))).message).toMatch(
      /SigningCertURL/,
    );
    const bogus = { ...notification, TopicArn: "not-an-arn" };
    expect((await refusal(() => any.verify(request(signByHand(bogus, "2"))))).message).toMatch(/topic/);
  });

  it("refuses at creation: no topics, a malformed ARN, an unknown signature version", () => {
    expect(() => snsSignature({ topicArns: [] })).toThrow(/\[@hookproof\/core\].*topicArns/);
    expect(() => snsSignature({ topicArns: ["orders"] })).toThrow(/topicArns/);
    expect(() => snsSignature({ topicArns: [TOPIC], signatureVersions: ["3" as "2"] })).toThrow(
      /signatureVersions/,
    );
  });
});
