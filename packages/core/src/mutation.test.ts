import { describe, expect, it } from "vitest";
import { ed25519Pair, outcome, utf8 } from "../test/helpers.js";
import { genericHmac, stripeHmac } from "../test/hmac-presets.js";
import {
  bearer,
  hmac,
  readHeaders,
  type SchemeRequest,
  standardWebhooks,
  type WebhookScheme,
} from "./index.js";

const body = '{"type":"user.created","id":"u_1"}';
const id = "msg_2pLqRsTuVwXyZaBcDeFgHiJkLmN";
const timestamp = 1732291200;

/** Every copy of `bytes` with one bit flipped: the lowest and the highest bit of each byte. */
function* bitFlips(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i++) {
    for (const mask of [0x01, 0x80]) {
      const copy = bytes.slice();
      copy[i] = (copy[i] as number) ^ mask;
      yield copy;
    }
  }
}

/** Every copy of `text` with one character replaced by another one from `alphabet`. */
function* charSwaps(text: string, alphabet: string): Generator<string> {
  for (let i = 0; i < text.length; i++) {
    const current = text[i] as string;
    const at = alphabet.indexOf(current);
    const other = alphabet[(at + 1) % alphabet.length] as string;
    yield text.slice(0, i) + (at === -1 ? (alphabet[0] as string) : other) + text.slice(i + 1);
  }
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGITS = "0123456789";
const HEX = "0123456789abcdef";
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** Checks every variant and returns how many there were; each must fail with `code`. */
async function allFail(
  scheme: WebhookScheme,
  requests: Iterable<SchemeRequest>,
  code: string,
): Promise<number> {
  let count = 0;
  for (const request of requests) {
    count++;
    expect(await outcome(() => scheme.verify(request))).toBe(code);
  }
  return count;
}

function* requests(headers: Iterable<Record<string, string>>, payload: Uint8Array): Generator<SchemeRequest> {
  for (const h of headers) yield { header: readHeaders(h), body: payload };
}

function* bodies(headers: Record<string, string>, payloads: Iterable<Uint8Array>): Generator<SchemeRequest> {
  for (const payload of payloads) yield { header: readHeaders(headers), body: payload };
}

function* replaced(headers: Record<string, string>, name: string, values: Iterable<string>) {
  for (const value of values) yield { ...headers, [name]: value };
}

describe("changing any single byte fails verification", () => {
  const bytes = utf8(body);

  it.each([
    ["v1 HMAC", () => standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" })],
    ["v1a Ed25519", () => standardWebhooks({ secret: ed25519Pair().whsk })],
  ])("Standard Webhooks %s: body, id, timestamp and signature", async (_, make) => {
    const scheme = make();
    const headers = await scheme.sign({ body, id, timestamp });
    expect(await outcome(() => scheme.verify({ header: readHeaders(headers), body: bytes }))).toBe("ok");
    const [version, encoded] = (headers["webhook-signature"] as string).split(",") as [string, string];
    const signatureBytes = Uint8Array.from(Buffer.from(encoded, "base64"));

    expect(await allFail(scheme, bodies(headers, bitFlips(bytes)), "invalid_signature")).toBe(
      bytes.length * 2,
    );
    const ids = [...charSwaps(id, BASE64)];
    expect(
      await allFail(scheme, requests(replaced(headers, "webhook-id", ids), bytes), "invalid_signature"),
    ).toBe(id.length);
    const times = charSwaps(String(timestamp), DIGITS);
    expect(
      await allFail(
        scheme,
        requests(replaced(headers, "webhook-timestamp", times), bytes),
        "invalid_signature",
      ),
    ).toBe(10);
    const flippedSignatures = [...bitFlips(signatureBytes)].map((sig) => `${version},${b64(sig)}`);
    expect(
      await allFail(
        scheme,
        requests(replaced(headers, "webhook-signature", flippedSignatures), bytes),
        "invalid_signature",
      ),
    ).toBe(signatureBytes.length * 2);
  });

  it("Standard Webhooks v1: any character of the base64 signature text", async () => {
    const scheme = standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
    const headers = await scheme.sign({ body, id, timestamp });
    const signature = headers["webhook-signature"] as string;
    const variants = [...charSwaps(signature.slice(3), BASE64)].map((s) => `v1,${s}`);
    expect(variants).toHaveLength(44);
    expect(
      await allFail(
        scheme,
        requests(replaced(headers, "webhook-signature", variants), bytes),
        "invalid_signature",
      ),
    ).toBe(44);
  });

  it("hmac hex (generic sender): body bytes and every hex digit", async () => {
    const scheme = genericHmac({ secret: "generic-secret-7Qm2vX9p" });
    const headers = await scheme.sign({ body });
    const mac = (headers["x-webhook-signature"] as string).slice("sha256=".length);
    expect(await allFail(scheme, bodies(headers, bitFlips(bytes)), "invalid_signature")).toBe(
      bytes.length * 2,
    );
    const variants = [...charSwaps(mac, HEX)].map((m) => `sha256=${m}`);
    expect(
      await allFail(
        scheme,
        requests(replaced(headers, "x-webhook-signature", variants), bytes),
        "invalid_signature",
      ),
    ).toBe(64);
  });

  it("hmac with a timestamp header (FerrisKey): every digit of the timestamp", async () => {
    const scheme = hmac({
      secret: "ferriskey-secret-4kQ9mV2x",
      header: "x-ferriskey-signature",
      timestamp: { header: "x-ferriskey-timestamp" },
    });
    const headers = await scheme.sign({ body, timestamp });
    const times = charSwaps(String(timestamp), DIGITS);
    expect(
      await allFail(
        scheme,
        requests(replaced(headers, "x-ferriskey-timestamp", times), bytes),
        "invalid_signature",
      ),
    ).toBe(10);
  });

  it("Stripe-style: every digit of `t=` and every hex digit of `v1=`", async () => {
    const scheme = stripeHmac({ secret: "whsec_abc_4kQ9mV2xR7pL1sZ8" });
    const mac = ((await scheme.sign({ body, timestamp }))["stripe-signature"] as string).split(
      ",v1=",
    )[1] as string;
    const times = [...charSwaps(String(timestamp), DIGITS)].map((t) => `t=${t},v1=${mac}`);
    const macs = [...charSwaps(mac, HEX)].map((m) => `t=${timestamp},v1=${m}`);
    const headers = { "stripe-signature": "" };
    expect(
      await allFail(
        scheme,
        requests(replaced(headers, "stripe-signature", [...times, ...macs]), bytes),
        "invalid_signature",
      ),
    ).toBe(10 + 64);
  });

  it("bearer: every byte of the token", async () => {
    const token = "uf_live_8Jq2vX0pLm4nR7sT";
    const scheme = bearer({ token });
    const variants = [...bitFlips(utf8(token))]
      .map((t) => new TextDecoder().decode(t))
      .filter((t) => /^[\x21-\x7e]+$/.test(t))
      .map((t) => `Bearer ${t}`);
    expect(variants.length).toBe(token.length);
    expect(
      await allFail(scheme, requests(replaced({}, "authorization", variants), bytes), "invalid_token"),
    ).toBe(token.length);
  });
});
