import { createHmac, sign as nodeSign, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ed25519Pair, outcome, rejection, SW_VECTOR, utf8 } from "../../test/helpers.js";
import { stripeHmac } from "../../test/hmac-presets.js";
// The same module the schemes import: the web-crypto test project swaps it for the WebCrypto backend in
// both places, so these spies count the calls of whichever backend runs.
import { backend } from "../crypto/backend.js";
import { readHeaders, standardWebhooks } from "../index.js";
import { MAX_ENTRIES, MAX_SIGNATURES } from "./signature-list.js";

const body = '{"type":"user.created","data":{"id":"user_1"}}';
const id = "msg_2pLqRsTuVwXyZaBcDeFgHiJkLmN";
const timestamp = 1732291200;
const STRIPE_SECRET = "whsec_9f3Kx2LmQp7RtV1wYz4BnC6dHj8sAe0u";

const request = (headers: Record<string, string>) => ({ header: readHeaders(headers), body: utf8(body) });
const swHeaders = (signature: string) => ({
  "webhook-id": id,
  "webhook-timestamp": String(timestamp),
  "webhook-signature": signature,
});
/** `v1a,<base64 of 64 random bytes>`: well formed, signed by nobody. */
const forgedV1a = () => `v1a,${randomBytes(64).toString("base64")}`;
const forgedV1 = () => `v1,${randomBytes(32).toString("base64")}`;

function genuineV1a(pair: ReturnType<typeof ed25519Pair>): string {
  return `v1a,${nodeSign(null, Buffer.from(`${id}.${timestamp}.${body}`), pair.privateKey).toString("base64")}`;
}

function stripeHeader(signatures: string[]): Record<string, string> {
  return { "stripe-signature": [`t=${timestamp}`, ...signatures.map((mac) => `v1=${mac}`)].join(",") };
}
const stripeMac = () =>
  createHmac("sha256", STRIPE_SECRET).update(`${timestamp}.`).update(body).digest("hex");
const forgedHex = () => randomBytes(32).toString("hex");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("signature lists: the work a request costs before it is authenticated is bounded", () => {
  it("refuses the review's 16 KB header of 170 `v1a` entries as malformed_header before any Ed25519 verify", async () => {
    const pair = ed25519Pair();
    const verify = vi.spyOn(backend, "ed25519Verify");
    const header = Array.from({ length: 170 }, forgedV1a).join(" ");
    expect(header.length).toBeGreaterThan(15_000);
    const error = await rejection(() =>
      standardWebhooks({ secret: pair.whpk }).verify(request(swHeaders(header))),
    );
    expect([error.code, error.status, error.header]).toEqual(["malformed_header", 400, "webhook-signature"]);
    expect(error.message).toContain(`over ${MAX_SIGNATURES} signatures`);
    expect(verify).not.toHaveBeenCalled();
  });

  it("refuses 10,000 entries the same way, with no verify", async () => {
    const pair = ed25519Pair();
    const verify = vi.spyOn(backend, "ed25519Verify");
    const header = Array.from({ length: 10_000 }, forgedV1a).join(" ");
    const scheme = standardWebhooks({ secret: pair.whpk });
    expect(await outcome(() => scheme.verify(request(swHeaders(header))))).toBe("malformed_header");
    expect(verify).not.toHaveBeenCalled();
  });

  it("verifies a duplicated entry once", async () => {
    const pair = ed25519Pair();
    const verify = vi.spyOn(backend, "ed25519Verify");
    const genuine = genuineV1a(pair);
    const forged = forgedV1a();
    const header = [genuine, forged, genuine, forged, genuine, genuine, genuine].join(" ");
    const result = await standardWebhooks({ secret: pair.whpk }).verify(request(swHeaders(header)));
    expect(result).toEqual({ id, timestamp, keyIndex: 0 });
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it("does not count duplicates toward the cap", async () => {
    const pair = ed25519Pair();
    const verify = vi.spyOn(backend, "ed25519Verify");
    const header = `${genuineV1a(pair)} `.repeat(MAX_SIGNATURES + 4).trim();
    expect(
      await outcome(() => standardWebhooks({ secret: pair.whpk }).verify(request(swHeaders(header)))),
    ).toBe("ok");
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it(`accepts exactly ${MAX_SIGNATURES} distinct \`v1a\` entries, the genuine one last, in ${MAX_SIGNATURES} verifies`, async () => {
    const pair = ed25519Pair();
    const verify = vi.spyOn(backend, "ed25519Verify");
    const entries = [...Array.from({ length: MAX_SIGNATURES - 1 }, forgedV1a), genuineV1a(pair)];
    const result = await standardWebhooks({ secret: pair.whpk }).verify(
      request(swHeaders(entries.join(" "))),
    );
    expect(result.keyIndex).toBe(0);
    expect(verify).toHaveBeenCalledTimes(MAX_SIGNATURES);
  });

  it(`refuses ${MAX_SIGNATURES + 1} distinct \`v1a\` entries, the genuine one among them, before any verify`, async () => {
    const pair = ed25519Pair();
    const verify = vi.spyOn(backend, "ed25519Verify");
    const entries = [genuineV1a(pair), ...Array.from({ length: MAX_SIGNATURES }, forgedV1a)];
    const scheme = standardWebhooks({ secret: pair.whpk });
    expect(await outcome(() => scheme.verify(request(swHeaders(entries.join(" ")))))).toBe(
      "malformed_header",
    );
    expect(verify).not.toHaveBeenCalled();
  });

  it("bounds the verifies by the cap times the configured public keys", async () => {
    const pairs = [ed25519Pair(), ed25519Pair(), ed25519Pair()];
    const verify = vi.spyOn(backend, "ed25519Verify");
    const entries = Array.from({ length: MAX_SIGNATURES }, forgedV1a);
    const scheme = standardWebhooks({ secret: pairs.map((pair) => pair.whpk) });
    expect(await outcome(() => scheme.verify(request(swHeaders(entries.join(" ")))))).toBe(
      "invalid_signature",
    );
    expect(verify).toHaveBeenCalledTimes(MAX_SIGNATURES * pairs.length);
  });

  it(`refuses ${MAX_SIGNATURES + 1} distinct \`v1\` entries before any HMAC`, async () => {
    const mac = vi.spyOn(backend, "hmac");
    const entries = [SW_VECTOR.signature, ...Array.from({ length: MAX_SIGNATURES }, forgedV1)];
    const headers = {
      "webhook-id": SW_VECTOR.id,
      "webhook-timestamp": String(SW_VECTOR.timestamp),
      "webhook-signature": entries.join(" "),
    };
    const scheme = standardWebhooks({ secret: SW_VECTOR.secret });
    const error = await rejection(() =>
      scheme.verify({ header: readHeaders(headers), body: utf8(SW_VECTOR.body) }),
    );
    expect(error.code).toBe("malformed_header");
    expect(mac).not.toHaveBeenCalled();
  });

  it(`bounds unknown versions too: ${MAX_ENTRIES} entries in all pass, one more is malformed_header`, async () => {
    const pair = ed25519Pair();
    const scheme = standardWebhooks({ secret: pair.whpk });
    const unknown = (n: number) => Array.from({ length: n }, (_, i) => `v9,${i}`);
    const atCap = [...unknown(MAX_ENTRIES - 1), genuineV1a(pair)].join(" ");
    expect(await outcome(() => scheme.verify(request(swHeaders(atCap))))).toBe("ok");
    const verify = vi.spyOn(backend, "ed25519Verify");
    const over = [...unknown(MAX_ENTRIES), genuineV1a(pair)].join(" ");
    expect(await outcome(() => scheme.verify(request(swHeaders(over))))).toBe("malformed_header");
    expect(verify).not.toHaveBeenCalled();
  });

  it(`refuses a Stripe-style list of ${MAX_SIGNATURES + 1} \`v1=\` signatures before any HMAC`, async () => {
    const mac = vi.spyOn(backend, "hmac");
    const scheme = stripeHmac({ secret: STRIPE_SECRET });
    const header = stripeHeader([stripeMac(), ...Array.from({ length: MAX_SIGNATURES }, forgedHex)]);
    const error = await rejection(() => scheme.verify({ header: readHeaders(header), body: utf8(body) }));
    expect([error.code, error.header]).toEqual(["malformed_header", "stripe-signature"]);
    expect(mac).not.toHaveBeenCalled();
  });

  it(`accepts a Stripe-style list at the cap, and duplicates of it, with one HMAC per secret`, async () => {
    const mac = vi.spyOn(backend, "hmac");
    const scheme = stripeHmac({ secret: STRIPE_SECRET });
    const atCap = stripeHeader([...Array.from({ length: MAX_SIGNATURES - 1 }, forgedHex), stripeMac()]);
    expect(await outcome(() => scheme.verify({ header: readHeaders(atCap), body: utf8(body) }))).toBe("ok");
    // Hex compares case-insensitively, so an upper-case copy is a duplicate too.
    const copies = stripeHeader([stripeMac(), stripeMac().toUpperCase(), ...Array(20).fill(stripeMac())]);
    expect(await outcome(() => scheme.verify({ header: readHeaders(copies), body: utf8(body) }))).toBe("ok");
    expect(mac).toHaveBeenCalledTimes(2);
  });
});
