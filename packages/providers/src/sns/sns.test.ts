import { createPrivateKey, sign as nodeSign } from "node:crypto";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { createWebhooks, type HandshakeAnswer } from "@hookproof/core";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { SNS_TEST_CERTIFICATE, SNS_TEST_KEY } from "../../test/sns-keys.js";
import { answer, clock, fixtureText, NOW_S, post } from "../../test/test-support.js";
import type { KeyFetch } from "../kit/fetch-key.js";
import { type SnsMessage, snsStringToSign } from "../kit/sns-signature.js";
import { type SnsConfirmation, type SnsOptions, sns } from "./index.js";

const require = createRequire(import.meta.url);
const https = require("node:https") as { get: unknown };
const MessageValidator = require("sns-validator") as new () => {
  validate(message: string, cb: (error: Error | null) => void): void;
};

const fixture = JSON.parse(fixtureText("sns", "Notification")) as SnsMessage;
const TOPIC = fixture.TopicArn;
const AWS_CERT_URL = fixture.SigningCertURL;

/** A local stand-in for SNS's host: the certificate at `/cert.pem`, `ConfirmSubscription` at `/`. */
let server: Server;
let origin = "";
const served: string[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    served.push(request.url ?? "");
    if (request.url === "/cert.pem") response.end(SNS_TEST_CERTIFICATE);
    else if (request.url?.startsWith("/?Action=ConfirmSubscription"))
      response.end("<ConfirmSubscriptionResponse/>");
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fetched: string[] = [];
/** The injected fetch: the real one, each URL recorded. */
const recordingFetch: KeyFetch = (url, init) => {
  fetched.push(url);
  return fetch(url, init);
};

/** The preset on the local host: certificates allowed from it only. */
function local(options: SnsOptions = {}) {
  const pattern = new RegExp(`^${origin.replaceAll(".", "\\.")}/cert\\.pem$`);
  return sns({
    topicArn: TOPIC,
    allowCertUrl: pattern,
    fetch: recordingFetch,
    signingKey: { privateKey: SNS_TEST_KEY, certificateUrl: `${origin}/cert.pem` },
    ...options,
  });
}

/** A delivery signed by the preset's own `signBody`, as SNS signs (SignatureVersion from the message). */
async function signed(provider: ReturnType<typeof sns>, message: object) {
  const out = await provider.scheme.signBody?.({ body: JSON.stringify(message) });
  return { headers: out?.headers ?? {}, body: String(out?.body) };
}

/** Signs as SNS does, independently of the preset: node:crypto over the documented string. */
function signByHand(fields: object, version: "1" | "2", certUrl: string): SnsMessage {
  const message = { ...fields, SignatureVersion: version, SigningCertURL: certUrl } as SnsMessage;
  const signature = nodeSign(
    version === "1" ? "sha1" : "sha256",
    Buffer.from(snsStringToSign(message)),
    createPrivateKey(SNS_TEST_KEY),
  );
  return { ...message, Signature: signature.toString("base64") };
}

const at = (seconds: number) => new Date(seconds * 1000).toISOString();
const confirmation = (
  type: "SubscriptionConfirmation" | "UnsubscribeConfirmation",
  subscribeUrl?: string,
) => ({
  Type: type,
  MessageId: "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
  Token: "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92",
  TopicArn: TOPIC,
  Message: `You have chosen to subscribe to the topic ${TOPIC}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
  SubscribeURL:
    subscribeUrl ??
    `${origin}/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92`,
  Timestamp: at(NOW_S - 5),
});

describe("sns", () => {
  it("handles a Notification typed, deduped by its signed MessageId across retries and changed unsigned headers", async () => {
    const seen: [string, string, string][] = [];
    const hooks = createWebhooks({ provider: local(), now: clock }).on("Notification", (message, context) => {
      expectTypeOf(message.Message).toEqualTypeOf<string>();
      seen.push([context.type, context.id, JSON.parse(message.Message).notificationType]);
    });
    const { headers, body } = await signed(local(), fixture);
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    const retry = await answer(hooks, post(headers, body));
    expect(retry.body.duplicate).toBe(true);
    const replay = await answer(hooks, post({ ...headers, "x-amz-sns-message-id": "another" }, body));
    expect(replay.body.duplicate).toBe(true);
    expect(seen).toEqual([["Notification", fixture.MessageId, "Delivery"]]);
    expect(fetched.filter((url) => url.endsWith("/cert.pem"))).toHaveLength(1);
  });

  it("refuses a Notification whose signed Timestamp is over two hours old, SNS keeping it on retries", async () => {
    const hooks = createWebhooks({ provider: local(), now: clock }).on("Notification", () => undefined);
    const fresh = await signed(local(), { ...fixture, Timestamp: at(NOW_S - 7199) });
    expect((await answer(hooks, post(fresh.headers, fresh.body))).status).toBe(200);
    const old = await signed(local(), {
      ...fixture,
      MessageId: "b3c1d2e4-0ld0-4000-8000-000000000001",
      Timestamp: at(NOW_S - 7201),
    });
    const result = await answer(hooks, post(old.headers, old.body));
    expect(result.body.error?.code).toBe("timestamp_expired");
  });

  it("refuses an unsigned MessageAttributes value of the wrong shape by its path, never its value", async () => {
    const hooks = createWebhooks({ provider: local(), now: clock }).on("Notification", () => undefined);
    const broken = await signed(local(), {
      ...fixture,
      MessageAttributes: { kind: { Type: "String", Value: 7 } },
    });
    const result = await answer(hooks, post(broken.headers, broken.body));
    expect(result.body.error?.code).toBe("invalid_payload");
    expect(result.body.error?.message).toContain("MessageAttributes");
  });

  it("answers a SubscriptionConfirmation through handle(): hook told, SubscribeURL visited on opt-in, never deduped nor handled", async () => {
    const handshakes: HandshakeAnswer[] = [];
    const confirmations: SnsConfirmation[] = [];
    let handled = 0;
    const provider = local({ confirmSubscription: true, onConfirmation: (c) => void confirmations.push(c) });
    const hooks = createWebhooks({
      provider,
      now: clock,
      onHandshake: (handshake) => handshakes.push(handshake),
    }).onAny(() => void handled++);
    const { headers, body } = await signed(provider, confirmation("SubscriptionConfirmation"));
    served.length = 0;
    for (let i = 0; i < 2; i++) {
      const response = await hooks.handle(post(headers, body));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, confirmed: true });
    }
    expect(handled).toBe(0);
    expect(handshakes.map((h) => h.kind)).toEqual([
      "sns.subscription_confirmation",
      "sns.subscription_confirmation",
    ]);
    expect(served.filter((url) => url.startsWith("/?Action=ConfirmSubscription"))).toHaveLength(2);
    expect(confirmations[0]).toMatchObject({
      type: "SubscriptionConfirmation",
      topicArn: TOPIC,
      confirmed: true,
      subscribeUrl: JSON.parse(body).SubscribeURL,
    });
  });

  it("visits no SubscribeURL unless the app opts in, and never an UnsubscribeConfirmation's (it re-subscribes)", async () => {
    const confirmations: SnsConfirmation[] = [];
    const onConfirmation = (c: SnsConfirmation) => void confirmations.push(c);
    served.length = 0;
    for (const [options, type] of [
      [{ onConfirmation }, "SubscriptionConfirmation"],
      [{ onConfirmation, confirmSubscription: true }, "UnsubscribeConfirmation"],
    ] as const) {
      const provider = local(options);
      const hooks = createWebhooks({ provider, now: clock });
      const { headers, body } = await signed(provider, confirmation(type));
      expect(await answer(hooks, post(headers, body))).toMatchObject({ status: 200 });
    }
    expect(served.filter((url) => url.startsWith("/?"))).toEqual([]);
    expect(confirmations.map((c) => [c.type, c.confirmed])).toEqual([
      ["SubscriptionConfirmation", false],
      ["UnsubscribeConfirmation", false],
    ]);
  });

  it("refuses a SubscribeURL off the certificate's host, or not ConfirmSubscription for its topic, without visiting it", async () => {
    const confirmations: SnsConfirmation[] = [];
    const provider = local({ confirmSubscription: true, onConfirmation: (c) => void confirmations.push(c) });
    const hooks = createWebhooks({ provider, now: clock });
    const urls = [
      `http://127.0.0.2:${new URL(origin).port}/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=x`,
      `${origin}/?Action=Unsubscribe&TopicArn=${TOPIC}&Token=x`,
      `${origin}/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:Other&Token=x`,
      `${origin}/internal/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=x`,
      "http://169.254.169.254/latest/meta-data/",
    ];
    fetched.length = 0;
    for (const url of urls) {
      const { headers, body } = await signed(provider, confirmation("SubscriptionConfirmation", url));
      const result = await answer(hooks, post(headers, body));
      expect(result.status).toBe(400);
      expect(result.body.error?.code).toBe("invalid_payload");
      expect(result.body.error?.message).not.toContain(url);
    }
    expect(fetched.filter((url) => !url.endsWith("/cert.pem"))).toEqual([]);
    expect(confirmations).toEqual([]);
  });

  it("refuses a certificate URL off the pattern, a tampered message, another topic and an unknown SignatureVersion", async () => {
    const hooks = createWebhooks({ provider: local(), now: clock }).on("Notification", () => undefined);
    const send = async (message: object) => answer(hooks, post({}, JSON.stringify(message)));
    fetched.length = 0;
    const offPattern = await send(signByHand(fixture, "2", `${origin}/other.pem`));
    expect(offPattern.body.error?.message).toMatch(/SigningCertURL/);
    const aws = await answer(
      createWebhooks({ provider: sns({ topicArn: TOPIC, fetch: recordingFetch }), now: clock }),
      post({}, JSON.stringify(signByHand(fixture, "2", `${origin}/cert.pem`))),
    );
    expect(aws.body.error?.message).toMatch(/SigningCertURL/);
    expect(fetched).toEqual([]);
    const good = signByHand(fixture, "2", `${origin}/cert.pem`);
    const tampered = await send({ ...good, Message: `${good.Message} ` });
    expect(tampered.body.error?.code).toBe("invalid_signature");
    const other = await send(signByHand({ ...fixture, TopicArn: `${TOPIC}2` }, "2", `${origin}/cert.pem`));
    expect(other.body.error?.message).toMatch(/topic/);
    const v3 = await send({ ...good, SignatureVersion: "3" });
    expect(v3.body.error?.message).toMatch(/SignatureVersion/);
    expect([offPattern, aws, tampered, other, v3].map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
  });

  it("refuses at creation an allowCertUrl pattern that is not anchored at both ends", () => {
    expect(() => sns({ allowCertUrl: /127\.0\.0\.1/ })).toThrow(/\[@hookproof\/core\].*allowCertUrl/);
    expect(() => sns({ allowCertUrl: /^https:\/\/sns\.example\// })).toThrow(/anchored/);
  });
});

describe("sns, cross-checked with sns-validator (AWS's JS validator)", () => {
  let realGet: unknown;
  beforeAll(() => {
    realGet = https.get;
    // sns-validator fetches the certificate with https.get: answered with the test certificate.
    https.get = (url: string, onResponse: (response: PassThrough & { statusCode: number }) => void) => {
      const response = Object.assign(new PassThrough(), { statusCode: url === AWS_CERT_URL ? 200 : 404 });
      onResponse(response);
      response.end(url === AWS_CERT_URL ? SNS_TEST_CERTIFICATE : "");
      return { on: () => undefined };
    };
  });
  afterAll(() => {
    https.get = realGet;
  });
  const validates = (message: string) =>
    new Promise<boolean>((resolve) =>
      new MessageValidator().validate(message, (error) => resolve(error === null)),
    );
  const serveAws: KeyFetch = async (url) =>
    url === AWS_CERT_URL ? new Response(SNS_TEST_CERTIFICATE) : new Response("", { status: 404 });

  it("sns-validator accepts what the preset signs (v1 and v2), and the preset what SNS's algorithm signs", async () => {
    const provider = sns({
      topicArn: TOPIC,
      fetch: serveAws,
      signingKey: { privateKey: SNS_TEST_KEY, certificateUrl: AWS_CERT_URL },
    });
    const hooks = createWebhooks({ provider, now: clock }).on("Notification", () => undefined);
    for (const version of ["1", "2"] as const) {
      const { body } = await signed(provider, {
        ...fixture,
        SignatureVersion: version,
        MessageId: `m-${version}`,
      });
      expect(await validates(body)).toBe(true);
      expect(await validates(body.replace("Delivery", "Bounce"))).toBe(false);
      const byHand = signByHand({ ...fixture, MessageId: `h-${version}` }, version, AWS_CERT_URL);
      expect(await validates(JSON.stringify(byHand))).toBe(true);
      expect(await answer(hooks, post({}, JSON.stringify(byHand)))).toEqual({
        status: 200,
        body: { ok: true },
      });
    }
  });
});
