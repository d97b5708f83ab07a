/**
 * The families whose key is fetched (issue 16): AWS SNS (RSA over a canonical string, the key in an X.509
 * certificate at `SigningCertURL`) and Kinde (the body is an RS256 JWT, the key by `kid` from a JWKS). Each
 * preset fetches through the `fetch` it is given, here one that serves the key once from memory and throws
 * if it is called again: what is measured is the cached path, as a receiver runs it between key fetches.
 * Each row is compared with its own bound: node:crypto `verify` with the key object ready, plus the decoding
 * any correct verifier does (SNS: JSON.parse and the canonical string; Kinde: base64url and JSON.parse of
 * the payload).
 * @module
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, webcrypto } from "node:crypto";
import { readFileSync } from "node:fs";
import { createVerifier } from "@hookproof/core";
import { jsonBody } from "./bodies.mjs";

const subtle = webcrypto.subtle;

// The self-signed test certificate the providers' tests serve as SNS's (node:crypto makes no X.509).
const pem = (name) =>
  readFileSync(new URL(`../../packages/providers/test/${name}.pem`, import.meta.url), "utf8");
const SNS_KEY = createPrivateKey(pem("sns-test-key"));
const SNS_CERTIFICATE = pem("sns-test-certificate");
const SNS_TOPIC = "arn:aws:sns:us-east-1:123456789012:orders";
const SNS_CERT_URL =
  "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem";
/** The fields SNS signs for a `Notification`, in order, each when present. */
const SNS_SIGNED = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
const SNS_HASH = { 1: "RSA-SHA1", 2: "RSA-SHA256" };

const KINDE = generateKeyPairSync("rsa", { modulusLength: 2048 });
const KINDE_KID = "2a:e0:4f:9c:31:d8:6b:07:a5:e2";
const KINDE_JWKS = JSON.stringify({
  keys: [{ ...KINDE.publicKey.export({ format: "jwk" }), kid: KINDE_KID, alg: "RS256", use: "sig" }],
});

/** The WebCrypto bimodality of single calls (see micro.mjs, `webcrypto`): the same median over slices. */
const SUBTLE_TIMING = { minCpuTimeMs: 200, slices: 4, unbatched: true, aggregate: "median" };

function must(condition, what) {
  if (!condition) throw new Error(`sanity check failed: ${what}`);
}

/** A `fetch` that serves `text` at `url` once, counting calls: a second one (the key not cached) throws. */
function servedOnce(url, text) {
  const served = {
    count: 0,
    fetch: async (requested) => {
      served.count++;
      must(requested === url, `fetched ${requested}`);
      must(served.count === 1, "the key was fetched again: the measured path is not the cached one");
      return new Response(text);
    },
  };
  return served;
}

/** Checks that `verifier` accepts `genuine` with one fetch, refuses `tampered`, and fetched no more. */
async function checkCached(verifier, served, genuine, tampered, what) {
  await verifier.authenticate(genuine);
  must(served.count === 1, `${what}: ${served.count} fetches for the first request`);
  const refused = await verifier.authenticate(tampered).then(
    () => "accepted",
    (error) => error.code,
  );
  must(refused === "invalid_signature", `${what}: the tampered request was ${refused}`);
  must(served.count === 1, `${what}: the tampered request fetched again`);
}

function snsCanonical(message) {
  let text = "";
  for (const field of SNS_SIGNED) if (message[field] !== undefined) text += `${field}\n${message[field]}\n`;
  return text;
}

/** A `Notification` whose `Message` is JSON text of `bytes` bytes (as SES or EventBridge publish), signed. */
function snsRequest(bytes, version) {
  const message = {
    Type: "Notification",
    MessageId: "da41e39f-ea4d-435a-b922-c6aae3915ebe",
    TopicArn: SNS_TOPIC,
    Subject: "order.created",
    Message: jsonBody(bytes).toString(),
    Timestamp: new Date().toISOString(),
    SignatureVersion: version,
    Signature: "",
    SigningCertURL: SNS_CERT_URL,
    UnsubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${SNS_TOPIC}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
  };
  message.Signature = sign(SNS_HASH[version], Buffer.from(snsCanonical(message)), SNS_KEY).toString("base64");
  const headers = {
    "content-type": "text/plain; charset=UTF-8",
    "x-amz-sns-message-type": "Notification",
    "x-amz-sns-message-id": message.MessageId,
    "x-amz-sns-topic-arn": SNS_TOPIC,
  };
  const tampered = { ...message, Message: message.Message.replace("Benchmark team", "Benchmark teal") };
  return {
    genuine: { headers, body: Buffer.from(JSON.stringify(message)) },
    tampered: { headers, body: Buffer.from(JSON.stringify(tampered)) },
  };
}

/** A Kinde delivery: claims carrying a `data` of `bytes` bytes as an RS256 JWT, the token as the body. */
function kindeRequest(bytes) {
  const claims = {
    data: JSON.parse(jsonBody(bytes).toString()),
    event_id: "event_0191f4d2c3b84e7a9f01",
    source: "admin",
    timestamp: new Date().toISOString(),
    type: "organization.updated",
  };
  const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: KINDE_KID, typ: "JWT" })).toString(
    "base64url",
  );
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), KINDE.privateKey);
  const altered = Buffer.from(JSON.stringify({ ...claims, type: "user.deleted" })).toString("base64url");
  const headers = { "content-type": "application/jwt" };
  return {
    genuine: { headers, body: Buffer.from(`${header}.${payload}.${signature.toString("base64url")}`) },
    tampered: { headers, body: Buffer.from(`${header}.${altered}.${signature.toString("base64url")}`) },
  };
}

/** Throws unless `fn` throws: a bound must refuse what hookproof refuses. */
function refuses(fn, what) {
  try {
    fn();
  } catch {
    return;
  }
  throw new Error(`sanity check failed: ${what}`);
}

// The bounds hold their keys ready, as the presets do once the first fetch settled.
const SNS_PUBLIC = createPublicKey(SNS_CERTIFICATE);
const RSA_SHA256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
const subtleKey = (key) =>
  subtle.importKey("spki", key.export({ format: "der", type: "spki" }), RSA_SHA256, false, ["verify"]);

/** The least an SNS verifier does: parse the message, build the canonical string, verify it. */
function snsBound(body) {
  const message = JSON.parse(body.toString());
  must(
    verify(
      SNS_HASH[message.SignatureVersion],
      Buffer.from(snsCanonical(message)),
      SNS_PUBLIC,
      Buffer.from(message.Signature, "base64"),
    ),
    "sns bound",
  );
  return message;
}

/** The least a Kinde verifier does: verify `header.payload`, decode and parse the payload. */
function kindeBound(body) {
  const [header, payload, signature] = body.toString().split(".");
  const signed = Buffer.from(`${header}.${payload}`);
  must(verify("RSA-SHA256", signed, KINDE.publicKey, Buffer.from(signature, "base64url")), "kinde bound");
  return JSON.parse(Buffer.from(payload, "base64url").toString());
}

/** The SNS bound and hookproof rows of one signature version, checked before they are timed. */
async function snsRows(sns, bytes, version) {
  const { genuine, tampered } = snsRequest(bytes, version);
  const served = servedOnce(SNS_CERT_URL, SNS_CERTIFICATE);
  const verifier = createVerifier({
    scheme: sns({ topicArn: SNS_TOPIC, fetch: served.fetch }).scheme,
    maxBodyBytes: 2 ** 21,
  });
  await checkCached(verifier, served, genuine, tampered, `sns v${version}`);
  refuses(() => snsBound(tampered.body), `the sns v${version} bound accepted the tampered message`);
  const hash = version === "2" ? "SHA256withRSA" : "SHA1withRSA";
  const rows = [
    {
      key: `bound${version}`,
      role: "bound",
      label: `bound (v${version}): JSON.parse + canonical string + node:crypto \`verify\` ${hash}, key ready`,
      fn: () => snsBound(genuine.body),
    },
    {
      key: `hookproof${version}`,
      role: "hookproof",
      vs: `bound${version}`,
      label: `hookproof \`sns\` \`authenticate\` (v${version}; WebCrypto, certificate cached)`,
      fn: () => verifier.authenticate(genuine),
    },
  ];
  return { rows, body: genuine.body };
}

/** The suites, in `micro.mjs`'s shape; `sns` and `kindeJwt` come from the built `@hookproof/providers`. */
export function fetchedKeySuites({ sns, kindeJwt }) {
  let keys;
  const subtleKeys = () => {
    keys ??= Promise.all([subtleKey(SNS_PUBLIC), subtleKey(KINDE.publicKey)]);
    return keys;
  };
  return [
    {
      id: "sns-certificate",
      title:
        "SNS certificate (RSA over the canonical string; `Message` of the size shown; certificate cached) — verify, the scheme parses",
      sizes: ["256 B", "64 KiB"],
      ...SUBTLE_TIMING,
      async setup(bytes) {
        const [key] = await subtleKeys();
        const { rows, body } = await snsRows(sns, bytes, "2");
        return [
          ...rows,
          {
            key: "subtle",
            role: "bound",
            label: "for scale (v2): the bound with `crypto.subtle.verify`, key ready",
            fn: async () => {
              const message = JSON.parse(body.toString());
              const signed = Buffer.from(snsCanonical(message));
              const signature = Buffer.from(message.Signature, "base64");
              must(await subtle.verify("RSASSA-PKCS1-v1_5", key, signature, signed), "sns subtle");
            },
          },
          ...(await snsRows(sns, bytes, "1")).rows,
        ];
      },
    },
    {
      id: "jwks-rs256",
      title:
        "JWKS, RS256 (Kinde: the body is the JWT; claims with a `data` of the size shown; key set cached) — verify, the scheme parses",
      sizes: ["256 B", "64 KiB"],
      ...SUBTLE_TIMING,
      async setup(bytes) {
        const [, key] = await subtleKeys();
        const { genuine, tampered } = kindeRequest(bytes);
        const served = servedOnce("https://acme.kinde.com/.well-known/jwks.json", KINDE_JWKS);
        const verifier = createVerifier({
          scheme: kindeJwt({ domain: "acme.kinde.com", fetch: served.fetch }),
          maxBodyBytes: 2 ** 21,
        });
        await checkCached(verifier, served, genuine, tampered, "kinde");
        refuses(() => kindeBound(tampered.body), "the kinde bound accepted the tampered token");
        return [
          {
            key: "bound",
            role: "bound",
            label:
              "bound: node:crypto `verify` RSA-SHA256 of `header.payload`, key ready + base64url + JSON.parse of the payload",
            fn: () => kindeBound(genuine.body),
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "bound",
            label: "hookproof `kindeJwt` `authenticate` (jose `jwtVerify`; WebCrypto, JWKS cached)",
            fn: () => verifier.authenticate(genuine),
          },
          {
            key: "subtle",
            role: "bound",
            label: "for scale: the bound with `crypto.subtle.verify`, key ready",
            fn: async () => {
              const [header, payload, signature] = genuine.body.toString().split(".");
              const signed = Buffer.from(`${header}.${payload}`);
              const ok = await subtle.verify(
                "RSASSA-PKCS1-v1_5",
                key,
                Buffer.from(signature, "base64url"),
                signed,
              );
              must(ok, "kinde subtle");
              return JSON.parse(Buffer.from(payload, "base64url").toString());
            },
          },
        ];
      },
    },
  ];
}
