import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { at, mebibyteJson, outcome, rejection, SW_VECTOR, utf8 } from "../../test/helpers.js";
import { genericHmac, githubHmac } from "../../test/hmac-presets.js";
import { createVerifier, hmac, standardWebhooks, type WebhookScheme } from "../index.js";

const { secret, id } = SW_VECTOR;
const T = 1732291200;
const body = '{"type":"user.created","data":{"id":"user_1","name":"Zoë"}}';

async function swRequest(
  payload: string | Uint8Array = body,
  scheme: WebhookScheme = standardWebhooks({ secret }),
) {
  return { headers: await scheme.sign({ body: payload, id, timestamp: T }), body: payload };
}

describe("createVerifier.verify", () => {
  it("returns the signed id and timestamp, the parsed payload, the raw bytes and keyIndex", async () => {
    const verifier = createVerifier({
      scheme: standardWebhooks({ secret: ["whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", secret] }),
      now: at(T),
    });
    const bytes = utf8(body);
    const result = await verifier.verify({ ...(await swRequest()), body: bytes });
    expect(result).toEqual({ id, timestamp: T, payload: JSON.parse(body), raw: bytes, keyIndex: 1 });
    expect(result.raw).toBe(bytes);
  });

  it("never takes an unsigned id header as the event id (a replay could change it)", async () => {
    const scheme = githubHmac({ secret: "gh-secret-7Qm2vX9pL4sT" });
    const verifier = createVerifier({ scheme });
    const headers = await scheme.sign({ body, id: "72d3162e-cc78-11e3-81ab-4c9367dc0958" });
    const first = await verifier.verify({ headers, body });
    const replayed = await verifier.verify({ headers: { ...headers, "x-github-delivery": "another" }, body });
    expect(first.id).toBe(`sha256:${createHash("sha256").update(body).digest("hex")}`);
    expect(replayed.id).toBe(first.id);
  });

  it("falls back to `sha256:` + the hash of the raw body when the scheme carries no id", async () => {
    const scheme = genericHmac({ secret: "generic-secret-7Qm2vX9p" });
    const verifier = createVerifier({ scheme });
    const result = await verifier.verify({ headers: await scheme.sign({ body }), body });
    expect(result.id).toBe(`sha256:${createHash("sha256").update(body).digest("hex")}`);
    const other = '{"type":"user.created"}';
    const second = await verifier.verify({ headers: await scheme.sign({ body: other }), body: other });
    expect(second.id).not.toBe(result.id);
  });

  it("drops a UTF-8 byte-order mark before parsing (RFC 8259 §8.1), after checking the signature over it", async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]);
    const result = await createVerifier({ scheme: standardWebhooks({ secret }), now: at(T) }).verify(
      await swRequest(withBom),
    );
    expect(result.payload).toEqual(JSON.parse(body));
    expect(result.raw).toHaveLength(withBom.length);
  });

  it("always answers with a promise, also when the request is rejected early", async () => {
    const verifier = createVerifier({ scheme: standardWebhooks({ secret }) });
    const pending = verifier.verify({ headers: {}, body });
    expect(pending).toBeInstanceOf(Promise);
    expect((await rejection(() => pending)).code).toBe("missing_header");
  });
});

describe("createVerifier.authenticate", () => {
  it("checks size, scheme and clock but does not parse: a signed non-JSON body passes", async () => {
    const verifier = createVerifier({ scheme: standardWebhooks({ secret }), now: at(T) });
    const result = await verifier.authenticate(await swRequest("plain text, not JSON"));
    expect(result).toMatchObject({ id, timestamp: T, keyIndex: 0 });
    expect(new TextDecoder().decode(result.raw)).toBe("plain text, not JSON");
  });

  it("exposes the scheme it was made with", () => {
    const scheme = hmac({ secret: "plain-secret-7Qm2vX9p", header: "x-sig" });
    expect(createVerifier({ scheme }).scheme).toBe(scheme);
  });
});

describe("size limit", () => {
  it("accepts exactly 1 MiB by default and refuses one byte more with 413", async () => {
    const verifier = createVerifier({ scheme: standardWebhooks({ secret }), now: at(T) });
    const mib = mebibyteJson();
    expect(utf8(mib)).toHaveLength(1024 * 1024);
    expect(await outcome(async () => verifier.verify(await swRequest(mib)))).toBe("ok");
    const over = `${mib} `;
    const error = await rejection(async () => verifier.verify(await swRequest(over)));
    expect([error.code, error.status]).toEqual(["payload_too_large", 413]);
    expect(error.message).toContain("1048576-byte");
  });

  it("honours a custom maxBodyBytes, counting bytes not characters, before looking at headers", async () => {
    const verifier = createVerifier({ scheme: standardWebhooks({ secret }), maxBodyBytes: 8, now: at(T) });
    // 4 characters, 8 bytes: two 4-byte emoji.
    expect(await outcome(() => verifier.authenticate({ headers: {}, body: "🦀🦀" }))).toBe("missing_header");
    const error = await rejection(() => verifier.verify({ headers: {}, body: "🦀🦀!" }));
    expect([error.code, error.status]).toEqual(["payload_too_large", 413]);
    expect(error.message).toContain("`maxBodyBytes`");
  });
});

describe("JSON after verification", () => {
  const verifier = () => createVerifier({ scheme: standardWebhooks({ secret }), now: at(T) });

  it("rejects a correctly signed body that is not JSON with invalid_json (400), keeping the cause", async () => {
    for (const text of ["", "not json", '{"a":1', '{"a":1}{"b":2}']) {
      const error = await rejection(async () => verifier().verify(await swRequest(text)));
      expect([error.code, error.status]).toEqual(["invalid_json", 400]);
      expect(error.message).toContain(`${utf8(text).length} bytes`);
      expect(error.cause).toBeInstanceOf(SyntaxError);
    }
  });

  it("rejects a correctly signed body that is not UTF-8 rather than decoding it lossily", async () => {
    // `"é"` in Latin-1: a JSON string to a lossy decoder, an error to a strict one.
    const latin1 = new Uint8Array([0x22, 0xe9, 0x22]);
    const error = await rejection(async () => verifier().verify(await swRequest(latin1)));
    expect([error.code, error.status]).toEqual(["invalid_json", 400]);
    expect(error.message).toContain("not valid UTF-8");
  });

  it("parses any JSON value, not only objects", async () => {
    for (const [text, value] of [
      ["[1,2]", [1, 2]],
      ["null", null],
      ['"s"', "s"],
      ["12.5", 12.5],
    ] as const) {
      expect((await verifier().verify(await swRequest(text))).payload).toEqual(value);
    }
  });
});

describe("event id from the body", () => {
  it("takes the body's own `id` string when the scheme carries none (Stripe's evt_…)", async () => {
    const scheme = genericHmac({ secret: "generic-secret-7Qm2vX9p" });
    const withId = '{"id":"evt_1NQkZk2eZvKYlo2C","type":"charge.succeeded"}';
    const result = await createVerifier({ scheme }).verify({
      headers: await scheme.sign({ body: withId }),
      body: withId,
    });
    expect(result.id).toBe("evt_1NQkZk2eZvKYlo2C");
    const numeric = '{"id":42,"type":"x"}';
    const hashed = await createVerifier({ scheme }).verify({
      headers: await scheme.sign({ body: numeric }),
      body: numeric,
    });
    expect(hashed.id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
