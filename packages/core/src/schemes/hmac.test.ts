import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { outcome, rejection, utf8 } from "../../test/helpers.js";
import { genericHmac } from "../../test/hmac-presets.js";
import { hmac, readHeaders } from "../index.js";

const request = (headers: Record<string, string>, body: string | Uint8Array) => ({
  header: readHeaders(headers),
  body: typeof body === "string" ? utf8(body) : body,
});

const mac = (algorithm: string, key: string, data: string, encoding: "hex" | "base64" = "hex") =>
  createHmac(algorithm, key).update(data).digest(encoding);

describe("hmac: FerrisKey vector (PROVIDERS.md)", () => {
  const secret = "c38438574a5bd28986b74cfff7ea59b1a2e933ae9c97579db03c881e534ca069";
  const timestamp = 1787234531;
  const body =
    '{"event":"auth.reset_password","timestamp":"2026-08-20T14:02:11.482913027+00:00","resource_id":"01a01f7a-b6a0-7c3d-a2e1-f0e9d8c7b6a5","data":null}';
  const signature = "d6386b84fde285a9ffa95db43377182d68d3cb885e0c4645ef444143142c0c91";
  const hexDecodedKeySignature = "b7f8a9ba1ce624f943d0c1693c3b2d643b944f164f5b8c4484d737a4ba345912";
  const scheme = hmac({
    secret,
    header: "x-ferriskey-signature",
    timestamp: { header: "x-ferriskey-timestamp" },
    idHeader: "x-ferriskey-delivery-id",
  });
  const delivery = "01980a3c-7f10-7cc2-9a3d-5b0e4c1d2e3f";

  it("signs hex with no prefix over `<ts>.<body>`, keyed by the secret's text", async () => {
    expect(await scheme.sign({ body, timestamp, id: delivery })).toEqual({
      "x-ferriskey-signature": signature,
      "x-ferriskey-timestamp": String(timestamp),
      "x-ferriskey-delivery-id": delivery,
    });
  });

  it("verifies and returns the signed timestamp, not the unsigned delivery id", async () => {
    const headers = {
      "x-ferriskey-signature": signature,
      "x-ferriskey-timestamp": String(timestamp),
      "x-ferriskey-delivery-id": delivery,
    };
    expect(await scheme.verify(request(headers, body))).toEqual({ timestamp, keyIndex: 0 });
    expect(scheme.signsTimestamp).toBe(true);
  });

  it("rejects the signature made with the hex-decoded key", async () => {
    const headers = {
      "x-ferriskey-signature": hexDecodedKeySignature,
      "x-ferriskey-timestamp": String(timestamp),
    };
    const error = await rejection(() => scheme.verify(request(headers, body)));
    expect(error.code).toBe("invalid_signature");
    // The wrong vector is what a hex-decoded key gives: the test checks the right mistake.
    const decoded = createHmac("sha256", Buffer.from(secret, "hex"))
      .update(`${timestamp}.${body}`)
      .digest("hex");
    expect(decoded).toBe(hexDecodedKeySignature);
  });

  it("rejects a signature over the body alone (timestamp not covered)", async () => {
    const headers = {
      "x-ferriskey-signature": mac("sha256", secret, body),
      "x-ferriskey-timestamp": String(timestamp),
    };
    expect(await outcome(() => scheme.verify(request(headers, body)))).toBe("invalid_signature");
  });

  it("requires the timestamp header", async () => {
    const error = await rejection(() => scheme.verify(request({ "x-ferriskey-signature": signature }, body)));
    expect([error.code, error.header]).toEqual(["missing_header", "x-ferriskey-timestamp"]);
  });
});

describe("hmac: algorithm, encoding and prefix options", () => {
  const secret = "s3cr3t-text-key-9Fq2Lm";
  const body = '{"id":"evt_1","type":"user.created"}';

  it.each(["sha1", "sha256", "sha512"] as const)(
    "%s, hex and base64, agree with node:crypto",
    async (algorithm) => {
      for (const encoding of ["hex", "base64"] as const) {
        const scheme = hmac({ secret, header: "x-sig", algorithm, encoding });
        const expected = mac(algorithm, secret, body, encoding);
        expect(await scheme.sign({ body })).toEqual({ "x-sig": expected });
        expect(await outcome(() => scheme.verify(request({ "x-sig": expected }, body)))).toBe("ok");
        const otherAlgorithm = algorithm === "sha1" ? "sha256" : "sha1";
        const wrong = mac(otherAlgorithm, secret, body, encoding);
        expect(await outcome(() => scheme.verify(request({ "x-sig": wrong }, body)))).toBe(
          "invalid_signature",
        );
      }
    },
  );

  it("base64 is compared case-sensitively (it is not hex)", async () => {
    const scheme = hmac({ secret, header: "x-sig", encoding: "base64" });
    const expected = mac("sha256", secret, body, "base64");
    const flipped = expected.replace(/[a-z]/, (c) => c.toUpperCase());
    expect(flipped).not.toBe(expected);
    expect(await outcome(() => scheme.verify(request({ "x-sig": flipped }, body)))).toBe("invalid_signature");
  });

  it("requires the prefix (case-insensitively) and rejects other ones as malformed", async () => {
    const scheme = genericHmac({ secret });
    const hex = mac("sha256", secret, body);
    expect(await scheme.sign({ body })).toEqual({ "x-webhook-signature": `sha256=${hex}` });
    expect(
      await outcome(() => scheme.verify(request({ "x-webhook-signature": `SHA256=${hex}` }, body))),
    ).toBe("ok");
    for (const value of [hex, `sha1=${hex}`, `sha256:${hex}`]) {
      const error = await rejection(() => scheme.verify(request({ "x-webhook-signature": value }, body)));
      expect(error.code).toBe("malformed_header");
      expect(error.message).toContain("`sha256=<hex HMAC-SHA256>`");
    }
  });

  it("accepts a list of secrets and reports which one matched", async () => {
    const [old, next] = ["old-secret-Vx81kQz0pR", "new-secret-Hc47mWe2tY"];
    const scheme = hmac({ secret: [old, next, secret], header: "x-sig" });
    const result = await scheme.verify(request({ "x-sig": mac("sha256", secret, body) }, body));
    expect(result.keyIndex).toBe(2);
    expect(await scheme.sign({ body })).toEqual({ "x-sig": mac("sha256", old, body) });
  });

  it("treats secret bytes as the key as given", async () => {
    const key = new Uint8Array([0, 1, 2, 250, 251, 255, 9, 8, 7, 6, 5, 4, 3, 128, 129, 254]);
    const expected = createHmac("sha256", key).update(body).digest("hex");
    const scheme = hmac({ secret: key, header: "x-sig" });
    expect(await scheme.sign({ body })).toEqual({ "x-sig": expected });
  });
});
