import { sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ed25519Pair, outcome, rejection, SW_VECTOR, utf8 } from "../../test/helpers.js";
import { readHeaders, standardWebhooks } from "../index.js";

const body = '{"type":"user.created","data":{"id":"user_1"}}';
const id = "msg_2pLqRsTuVwXyZaBcDeFgHiJkLmN";
const timestamp = 1732291200;

const request = (headers: Record<string, string>, payload = body) => ({
  header: readHeaders(headers),
  body: utf8(payload),
});

function signatureBytes(headers: Record<string, string>): Buffer {
  const value = headers["webhook-signature"] ?? "";
  expect(value.startsWith("v1a,")).toBe(true);
  return Buffer.from(value.slice(4), "base64");
}

describe("standardWebhooks v1a (Ed25519)", () => {
  it("signs with `whsk_` and verifies with the `whpk_` public key alone", async () => {
    const pair = ed25519Pair();
    const headers = await standardWebhooks({ secret: pair.whsk }).sign({ body, id, timestamp });
    expect(signatureBytes(headers)).toHaveLength(64);
    const result = await standardWebhooks({ secret: pair.whpk }).verify(request(headers));
    expect(result).toEqual({ id, timestamp, keyIndex: 0 });
  });

  it("produces a signature node:crypto verifies over `<id>.<timestamp>.<body>`", async () => {
    const pair = ed25519Pair();
    const headers = await standardWebhooks({ secret: pair.whsk }).sign({ body, id, timestamp });
    const signed = Buffer.from(`${id}.${timestamp}.${body}`);
    expect(nodeVerify(null, signed, pair.publicKey, signatureBytes(headers))).toBe(true);
    expect(
      nodeVerify(
        null,
        Buffer.from(`${id}.${timestamp + 1}.${body}`),
        pair.publicKey,
        signatureBytes(headers),
      ),
    ).toBe(false);
  });

  it("verifies a signature made independently by node:crypto", async () => {
    const pair = ed25519Pair();
    const signature = nodeSign(null, Buffer.from(`${id}.${timestamp}.${body}`), pair.privateKey);
    const headers = {
      "svix-id": id,
      "svix-timestamp": String(timestamp),
      "svix-signature": `v1a,${signature.toString("base64")}`,
    };
    expect(await standardWebhooks({ secret: pair.whpk }).verify(request(headers))).toMatchObject({
      keyIndex: 0,
    });
    expect(
      await outcome(() => standardWebhooks({ secret: pair.whpk }).verify(request(headers, `${body} `))),
    ).toBe("invalid_signature");
  });

  it("accepts the 64-byte libsodium form of the secret key (seed ‖ public key)", async () => {
    const pair = ed25519Pair();
    const short = await standardWebhooks({ secret: pair.whsk }).sign({ body, id, timestamp });
    const long = await standardWebhooks({ secret: pair.whsk64 }).sign({ body, id, timestamp });
    // Ed25519 is deterministic (RFC 8032 §5.1.6): same key, same message, same signature.
    expect(long).toEqual(short);
  });

  it("a `whsk_` secret also verifies, through its derived public key", async () => {
    const pair = ed25519Pair();
    const scheme = standardWebhooks({ secret: pair.whsk });
    expect(await scheme.verify(request(await scheme.sign({ body, id, timestamp })))).toMatchObject({
      keyIndex: 0,
    });
  });

  it("rejects a signature from another key pair", async () => {
    const signer = ed25519Pair();
    const other = ed25519Pair();
    const headers = await standardWebhooks({ secret: signer.whsk }).sign({ body, id, timestamp });
    const error = await rejection(() => standardWebhooks({ secret: other.whpk }).verify(request(headers)));
    expect(error.code).toBe("invalid_signature");
    expect(error.status).toBe(401);
  });

  it("mixes `whsec_` and `whpk_` secrets and reports which one matched", async () => {
    const pair = ed25519Pair();
    const scheme = standardWebhooks({ secret: [SW_VECTOR.secret, pair.whpk] });
    const edSigned = await standardWebhooks({ secret: pair.whsk }).sign({ body, id, timestamp });
    const hmacSigned = await standardWebhooks({ secret: SW_VECTOR.secret }).sign({ body, id, timestamp });
    expect((await scheme.verify(request(edSigned))).keyIndex).toBe(1);
    expect((await scheme.verify(request(hmacSigned))).keyIndex).toBe(0);
    // Both kinds in one header, as a sender mid-migration would send them.
    const both = {
      ...hmacSigned,
      "webhook-signature": `${edSigned["webhook-signature"]} ${hmacSigned["webhook-signature"]}`,
    };
    expect(await outcome(() => standardWebhooks({ secret: pair.whpk }).verify(request(both)))).toBe("ok");
  });

  it("a list led by a public key signs with the first secret able to sign", async () => {
    const pair = ed25519Pair();
    const scheme = standardWebhooks({ secret: [pair.whpk, SW_VECTOR.secret] });
    const headers = await scheme.sign({ body, id, timestamp });
    expect(headers["webhook-signature"]).toMatch(/^v1,/);
    expect((await scheme.verify(request(headers))).keyIndex).toBe(1);
  });

  it("refuses to sign with only a public key, as a TypeError naming the fix", async () => {
    const scheme = standardWebhooks({ secret: ed25519Pair().whpk });
    expect(() => scheme.sign({ body, id, timestamp })).toThrow(TypeError);
    expect(() => scheme.sign({ body, id, timestamp })).toThrow(/^\[@hookproof\/core\] .*whpk_/);
  });

  it("rejects wrong-sized Ed25519 keys when the scheme is created", () => {
    const short = `whpk_${Buffer.alloc(31, 7).toString("base64")}`;
    const odd = `whsk_${Buffer.alloc(48, 7).toString("base64")}`;
    expect(() => standardWebhooks({ secret: short })).toThrow(
      /\[@hookproof\/core\] `secret` must hold a 32-byte/,
    );
    expect(() => standardWebhooks({ secret: odd })).toThrow(/32- or 64-byte/);
  });
});
