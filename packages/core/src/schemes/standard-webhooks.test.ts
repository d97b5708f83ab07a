import { describe, expect, it } from "vitest";
import { outcome, rejection, SW_VECTOR, utf8 } from "../../test/helpers.js";
import { readHeaders, standardWebhooks } from "../index.js";

const { secret, id, timestamp, body, signature } = SW_VECTOR;

function request(headers: Record<string, string>, payload: string | Uint8Array = body) {
  return { header: readHeaders(headers), body: typeof payload === "string" ? utf8(payload) : payload };
}

const swHeaders = (sig: string, prefix = "webhook") => ({
  [`${prefix}-id`]: id,
  [`${prefix}-timestamp`]: String(timestamp),
  [`${prefix}-signature`]: sig,
});

// A second, unrelated secret (24 random bytes) for rotation tests.
const OTHER = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

describe("standardWebhooks: published test vectors", () => {
  it("signs the Standard Webhooks spec vector byte for byte", async () => {
    const scheme = standardWebhooks({ secret });
    expect(await scheme.sign({ body, id, timestamp })).toEqual(swHeaders(signature));
  });

  it("verifies the spec vector and reports the signed id and timestamp", async () => {
    const result = await standardWebhooks({ secret }).verify(request(swHeaders(signature)));
    expect(result).toEqual({ id, timestamp, keyIndex: 0 });
  });

  it("matches the PROVIDERS.md vector (Svix headers, Stack Auth body)", async () => {
    const scheme = standardWebhooks({
      secret: "whsec_s9HdJgEeMygYBibt4rIFLZnKRUVi6rfp",
      signHeaders: "svix",
    });
    const vector = {
      id: "msg_2pLqRsTuVwXyZaBcDeFgHiJkLmN",
      timestamp: 1732291200,
      body: '{"type":"sync.user","userId":"user_4x1c2k9d0m7qz3bvn8r5tw6ye"}',
    };
    const headers = await scheme.sign(vector);
    expect(headers).toEqual({
      "svix-id": vector.id,
      "svix-timestamp": "1732291200",
      "svix-signature": "v1,pV9bac/nznWqr1MkHubyzG4nuRj/0snyNqZNUbG5IFA=",
    });
    expect(await scheme.verify(request(headers, vector.body))).toMatchObject({ id: vector.id, keyIndex: 0 });
  });
});

describe("standardWebhooks: header families", () => {
  it("verifies the same signature under `svix-*` and `webhook-*` names", async () => {
    const scheme = standardWebhooks({ secret });
    expect(await scheme.verify(request(swHeaders(signature, "svix")))).toMatchObject({ id, timestamp });
    expect(await scheme.verify(request(swHeaders(signature, "webhook")))).toMatchObject({ id, timestamp });
  });

  it("signs with `webhook-*` by default and `svix-*` when asked", async () => {
    const webhook = await standardWebhooks({ secret }).sign({ body, id, timestamp });
    const svix = await standardWebhooks({ secret, signHeaders: "svix" }).sign({ body, id, timestamp });
    expect(Object.keys(webhook).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(Object.keys(svix).sort()).toEqual(["svix-id", "svix-signature", "svix-timestamp"]);
    expect(svix["svix-signature"]).toBe(webhook["webhook-signature"]);
  });

  it("names the missing header of the family the request uses", async () => {
    const scheme = standardWebhooks({ secret });
    for (const family of ["webhook", "svix"]) {
      for (const part of ["id", "timestamp", "signature"]) {
        const headers = swHeaders(signature, family);
        delete headers[`${family}-${part}`];
        const error = await rejection(() => scheme.verify(request(headers)));
        expect(error.code).toBe("missing_header");
        expect(error.header).toBe(`${family}-${part}`);
        expect(error.message).toContain(`\`${family}-${part}\``);
      }
    }
  });

  it("signs a fresh message id and the current time when none are given", async () => {
    const scheme = standardWebhooks({ secret });
    const before = Math.floor(Date.now() / 1000);
    const headers = await scheme.sign({ body });
    const signedAt = Number(headers["webhook-timestamp"]);
    expect(headers["webhook-id"]).toMatch(/^msg_[0-9a-z]{27}$/);
    expect(signedAt).toBeGreaterThanOrEqual(before);
    expect(signedAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect((await scheme.sign({ body }))["webhook-id"]).not.toBe(headers["webhook-id"]);
    expect(await scheme.verify(request(headers))).toMatchObject({ id: headers["webhook-id"], keyIndex: 0 });
  });
});

describe("standardWebhooks: rotation and several signatures", () => {
  it("accepts any secret in the list and reports which one matched", async () => {
    const scheme = standardWebhooks({ secret: [OTHER, secret] });
    expect(await scheme.verify(request(swHeaders(signature)))).toMatchObject({ keyIndex: 1 });
    const signedWithOther = await standardWebhooks({ secret: OTHER }).sign({ body, id, timestamp });
    expect(await scheme.verify(request(signedWithOther))).toMatchObject({ keyIndex: 0 });
  });

  it("signs with the first secret of the list", async () => {
    const headers = await standardWebhooks({ secret: [secret, OTHER] }).sign({ body, id, timestamp });
    expect(headers["webhook-signature"]).toBe(signature);
  });

  it("passes when only the second of several space-separated signatures is valid", async () => {
    const wrong =
      (await standardWebhooks({ secret: OTHER }).sign({ body, id, timestamp }))["webhook-signature"] ?? "";
    const scheme = standardWebhooks({ secret });
    expect(await outcome(() => scheme.verify(request(swHeaders(`${wrong} ${signature}`))))).toBe("ok");
    expect(await outcome(() => scheme.verify(request(swHeaders(`v1a,AAAA ${signature}`))))).toBe("ok");
    expect(await outcome(() => scheme.verify(request(swHeaders(`${wrong} v2,xyz`))))).toBe(
      "invalid_signature",
    );
  });

  it("accepts the header sent twice (values joined with `, `)", async () => {
    const wrong =
      (await standardWebhooks({ secret: OTHER }).sign({ body, id, timestamp }))["webhook-signature"] ?? "";
    const headers = { ...swHeaders(signature), "webhook-signature": [wrong, signature] };
    const result = await standardWebhooks({ secret }).verify({
      header: readHeaders(headers),
      body: utf8(body),
    });
    expect(result.keyIndex).toBe(0);
  });

  it("ignores unknown versions and rejects when no v1 entry matches", async () => {
    const bare = signature.slice(3);
    const error = await rejection(() =>
      standardWebhooks({ secret }).verify(request(swHeaders(`v2,${bare} v1a,${bare}`))),
    );
    expect(error.code).toBe("invalid_signature");
  });

  it("treats the `whsec_` prefix as optional: the same key with and without it", async () => {
    const bare = standardWebhooks({ secret: secret.slice("whsec_".length) });
    expect(await bare.sign({ body, id, timestamp })).toEqual(swHeaders(signature));
    expect(await bare.verify(request(swHeaders(signature)))).toMatchObject({ keyIndex: 0 });
  });

  it("takes raw key bytes, and restores padding a dashboard dropped", async () => {
    const key = Uint8Array.from(atob(secret.slice(6)), (c) => c.charCodeAt(0));
    expect((await standardWebhooks({ secret: key }).sign({ body, id, timestamp }))["webhook-signature"]).toBe(
      signature,
    );
    // 32 bytes: base64 ends in one `=`, which some dashboards strip.
    const padded = `whsec_${Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString("base64")}`;
    expect(padded.endsWith("=")).toBe(true);
    const unpadded = padded.slice(0, -1);
    const a = await standardWebhooks({ secret: padded }).sign({ body, id, timestamp });
    const b = await standardWebhooks({ secret: unpadded }).sign({ body, id, timestamp });
    expect(b).toEqual(a);
  });
});
