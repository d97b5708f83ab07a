import { generateKeyPairSync, sign as nodeSign } from "node:crypto";
import { verifyKey } from "discord-interactions";
import { describe, expect, it } from "vitest";
import { at, creationError, outcome, rejection, utf8 } from "../../test/helpers.js";
import { createVerifier, ed25519, readHeaders } from "../index.js";

const SIGNATURE = "x-signature-ed25519";
const TIMESTAMP = "x-signature-timestamp";
const headerNames = { signatureHeader: SIGNATURE, timestampHeader: TIMESTAMP };

// RFC 8032 §7.1 test 1: the seed and its public key; the research vector signs a Discord PING with them.
const RFC_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const PING = '{"id":"1234567890","application_id":"1234567890","type":1,"version":1,"token":"t"}';
const timestamp = 1764460800;

function pair(): {
  publicKey: string;
  privateKey: string;
  key: ReturnType<typeof generateKeyPairSync>["privateKey"];
} {
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  return {
    publicKey: Buffer.from(jwk.x ?? "", "base64url").toString("hex"),
    privateKey: Buffer.from(jwk.d ?? "", "base64url").toString("hex"),
    key: privateKey,
  };
}

const request = (headers: Record<string, string>, body = PING) => ({
  header: readHeaders(headers),
  body: utf8(body),
});

describe("ed25519 (raw public key, Discord layout)", () => {
  it("verifies what node:crypto signs over `{timestamp}{body}` and names the key that matched", async () => {
    const keys = pair();
    const signature = nodeSign(null, Buffer.from(`${timestamp}${PING}`), keys.key).toString("hex");
    const scheme = ed25519({ ...headerNames, publicKey: [pair().publicKey, keys.publicKey] });
    const result = await scheme.verify(request({ [SIGNATURE]: signature, [TIMESTAMP]: String(timestamp) }));
    expect(result).toEqual({ timestamp, keyIndex: 1 });
  });

  it("signs like Discord: discord-interactions `verifyKey` accepts it, and refuses it for another body", async () => {
    const keys = pair();
    const headers = await ed25519({ ...headerNames, ...keys }).sign({ body: PING, timestamp });
    expect(headers[TIMESTAMP]).toBe(String(timestamp));
    expect(await verifyKey(PING, headers[SIGNATURE] as string, String(timestamp), keys.publicKey)).toBe(true);
    expect(await verifyKey(`${PING} `, headers[SIGNATURE] as string, String(timestamp), keys.publicKey)).toBe(
      false,
    );
  });

  it("agrees with discord-interactions on the RFC 8032 key: what it accepts passes, what it refuses fails", async () => {
    const scheme = ed25519({ ...headerNames, publicKey: RFC_PUBLIC, privateKey: RFC_SEED });
    const headers = await scheme.sign({ body: PING, timestamp });
    const sdk = await verifyKey(PING, headers[SIGNATURE] as string, String(timestamp), RFC_PUBLIC);
    expect(sdk).toBe(true);
    expect(await outcome(() => scheme.verify(request(headers)))).toBe("ok");
    const shifted = { ...headers, [TIMESTAMP]: String(timestamp + 1) };
    expect(await verifyKey(PING, headers[SIGNATURE] as string, String(timestamp + 1), RFC_PUBLIC)).toBe(
      false,
    );
    expect(await outcome(() => scheme.verify(request(shifted)))).toBe("invalid_signature");
  });

  it("verifies a known vector: a PING signed with the RFC 8032 test-1 key, as discord-interactions does", async () => {
    // Made with node:crypto for the research notes of this preset (docs/sources in providers/src/discord).
    const signature =
      "5b629b71f8b9f16f0d717dbdd0ea480d87d72de058c820fff0e1aaa0118bf8ab53047fc6a9e09421bb2e9009bac9ebcf02c50cd59b7d82c62fb50d5b0c190b04";
    const body =
      '{"app_permissions":"0","application_id":"1234560123453231555","entitlements":[],"id":"1312345678901234567","token":"aW50ZXJhY3Rpb246MTMxMjM0NTY3ODkwMTIzNDU2Nzp0b2tlbg","type":1,"user":{"id":"53908232506183680","username":"mason"},"version":1}';
    expect(await verifyKey(body, signature, "1764460800", RFC_PUBLIC)).toBe(true);
    const scheme = ed25519({ ...headerNames, publicKey: RFC_PUBLIC });
    const headers = { [SIGNATURE]: signature, [TIMESTAMP]: "1764460800" };
    expect(await scheme.verify(request(headers, body))).toEqual({ timestamp: 1764460800, keyIndex: 0 });
    // Upper-case hex, as discord-interactions also accepts.
    const upper = { ...headers, [SIGNATURE]: signature.toUpperCase() };
    expect(await scheme.verify(request(upper, body))).toEqual({ timestamp: 1764460800, keyIndex: 0 });
  });

  it("refuses a tampered body, another key, and a shifted timestamp", async () => {
    const keys = pair();
    const scheme = ed25519({ ...headerNames, ...keys });
    const headers = await scheme.sign({ body: PING, timestamp });
    expect(await outcome(() => scheme.verify(request(headers, PING.replace("t", "u"))))).toBe(
      "invalid_signature",
    );
    expect(
      await outcome(() => ed25519({ ...headerNames, publicKey: pair().publicKey }).verify(request(headers))),
    ).toBe("invalid_signature");
  });

  it("refuses a signature that is not 128 hex characters before any crypto, and oversized ones", async () => {
    const keys = pair();
    const scheme = ed25519({ ...headerNames, publicKey: keys.publicKey });
    for (const value of ["zz".repeat(64), "ab".repeat(63), "ab".repeat(65), "ab".repeat(10_000)]) {
      const error = await rejection(() =>
        scheme.verify(request({ [SIGNATURE]: value, [TIMESTAMP]: String(timestamp) })),
      );
      expect(error.code).toBe("malformed_header");
      expect(error.message).not.toContain(value.slice(0, 16));
    }
  });

  it("requires both headers, before the body is read", () => {
    const scheme = ed25519({ ...headerNames, publicKey: pair().publicKey });
    expect(() => scheme.checkHeaders?.(readHeaders({ [TIMESTAMP]: "1" }))).toThrow(/x-signature-ed25519/);
    expect(() => scheme.checkHeaders?.(readHeaders({ [SIGNATURE]: "ab" }))).toThrow(/x-signature-timestamp/);
  });

  it("applies the replay window to the signed timestamp through createVerifier", async () => {
    const keys = pair();
    const scheme = ed25519({ ...headerNames, ...keys });
    const headers = await scheme.sign({ body: PING, timestamp });
    const late = createVerifier({ scheme, now: at(timestamp + 301) });
    expect(await outcome(() => late.verify({ headers, body: PING }))).toBe("timestamp_expired");
    const onTime = createVerifier({ scheme, now: at(timestamp + 299) });
    expect((await onTime.verify({ headers, body: PING })).timestamp).toBe(timestamp);
  });

  it("reads base64 signatures when told to", async () => {
    const keys = pair();
    const scheme = ed25519({ ...headerNames, ...keys, encoding: "base64" });
    const headers = await scheme.sign({ body: PING, timestamp });
    expect(Buffer.from(headers[SIGNATURE] as string, "base64")).toHaveLength(64);
    expect(await scheme.verify(request(headers))).toEqual({ timestamp, keyIndex: 0 });
  });

  it("refuses at creation: no key, a key of the wrong length, small-order points, no header names", () => {
    expect(creationError(() => ed25519({ ...headerNames, publicKey: [] })).message).toMatch(/publicKey/);
    expect(creationError(() => ed25519({ ...headerNames, publicKey: "abcd" })).message).toMatch(/64 hex/);
    for (const point of [
      "00".repeat(32),
      `01${"00".repeat(31)}`,
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
      `ec${"ff".repeat(30)}7f`,
    ]) {
      expect(creationError(() => ed25519({ ...headerNames, publicKey: point })).message).toMatch(
        /small order/,
      );
    }
    expect(
      creationError(() => ed25519({ signatureHeader: "", timestampHeader: TIMESTAMP, publicKey: RFC_PUBLIC }))
        .message,
    ).toMatch(/signatureHeader/);
    expect(
      creationError(() => ed25519({ ...headerNames, publicKey: RFC_PUBLIC }).sign({ body: PING })).message,
    ).toMatch(/privateKey/);
  });
});
