import { describe, expect, it } from "vitest";
import { stripeHmac } from "../../test/hmac-presets.js";
import { constantTimeEqual } from "../encoding.js";
import { createWebhooks } from "../router/create-webhooks.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { standardWebhooks } from "../schemes/standard-webhooks.js";
import { bearer } from "../schemes/tokens.js";
import type { VerifyInput } from "../verify/authenticate.js";
import { createVerifier } from "../verify/create-verifier.js";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const scheme = standardWebhooks({ secret });
const NOW = 1_750_000_000;
const verifier = createVerifier({ scheme, now: () => NOW * 1000 });
const body = '{"type":"user.created","data":{"id":"u1"}}';

async function genuine(raw: string | Uint8Array = body) {
  return scheme.sign({ body: raw, id: "msg_adversarial", timestamp: NOW });
}

async function code(input: VerifyInput, using = verifier): Promise<string> {
  try {
    await using.verify(input);
    return "accepted";
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe("adversarial corpus", () => {
  it("duplicate header instances: equal values collapse, different ids are refused", async () => {
    const headers = await genuine();
    const same = { ...headers, "webhook-id": ["msg_adversarial", "msg_adversarial"] };
    expect(await code({ headers: same, body })).toBe("accepted");
    const different = { ...headers, "webhook-id": ["msg_adversarial", "msg_other"] };
    expect(await code({ headers: different, body })).toBe("invalid_signature");
  });

  it("array-valued signature headers: each instance's signatures are candidates", async () => {
    const headers = await genuine();
    const signature = headers["webhook-signature"] as string;
    const twice = { ...headers, "webhook-signature": ["v1,AAAA", signature] };
    expect(await code({ headers: twice, body })).toBe("accepted");
    const web = new Headers(headers);
    web.set("webhook-signature", "v1,AAAA");
    web.append("webhook-signature", signature);
    expect(await code({ headers: web, body })).toBe("accepted");
  });

  it("a 64 KiB header is answered, not crashed on", async () => {
    const headers = await genuine();
    const huge = { ...headers, "webhook-signature": `${"v1,AAAA ".repeat(8192)}` };
    // Far more entries than a sender sends: refused before any crypto (see signature-list.test.ts).
    expect(await code({ headers: huge, body })).toBe("malformed_header");
    expect(await code({ headers: { ...headers, "x-junk": "a".repeat(65536) }, body })).toBe("accepted");
  });

  it("a 10 MiB body is refused by size before the scheme runs", async () => {
    const big = new Uint8Array(10 * 1024 * 1024);
    expect(await code({ headers: await genuine(), body: big })).toBe("payload_too_large");
  });

  it("a 10 MiB streamed body is refused before it is buffered whole", async () => {
    const hooks = createWebhooks({ scheme, events: {}, now: () => NOW * 1000 });
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const init = { method: "POST", headers: await genuine(), body: stream, duplex: "half" } as RequestInit;
    const response = await hooks.handle(new Request("http://localhost/", init));
    expect(response.status).toBe(413);
    expect(sent).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
  });

  it("a body with a BOM verifies over its bytes and parses without the BOM", async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    const result = await verifier.verify({ headers: await genuine(withBom), body: withBom });
    expect(result.payload).toEqual(JSON.parse(body));
    expect(result.raw.length).toBe(withBom.length);
  });

  it("an empty `v1,` signature is a malformed header", async () => {
    const headers = { ...(await genuine()), "webhook-signature": "v1," };
    expect(await code({ headers, body })).toBe("malformed_header");
  });

  it("base64url instead of base64, and missing padding, do not match", async () => {
    const headers = await genuine();
    const signature = (headers["webhook-signature"] as string).slice(3);
    const url = signature.replace(/\+/g, "-").replace(/\//g, "_");
    const unpadded = signature.replace(/=+$/, "");
    expect(await code({ headers: { ...headers, "webhook-signature": `v1,${unpadded}` }, body })).toBe(
      "invalid_signature",
    );
    // Only meaningful when the signature has a + or /: then base64url differs from base64.
    if (url !== signature) {
      expect(await code({ headers: { ...headers, "webhook-signature": `v1,${url}` }, body })).toBe(
        "invalid_signature",
      );
    }
  });

  it("extra whitespace and tabs around and between signatures are tolerated", async () => {
    const headers = await genuine();
    const spaced = { ...headers, "webhook-signature": `\t v1,AAAA \t ${headers["webhook-signature"]}  ` };
    expect(await code({ headers: spaced, body })).toBe("accepted");
    const timestamp = { ...headers, "webhook-timestamp": ` ${NOW}\t` };
    expect(await code({ headers: timestamp, body })).toBe("accepted");
  });

  it("upper-case scheme names: `Bearer` in any case passes, `V1` is not a known version", async () => {
    const token = bearer({ token: "tok_123_9fKq2LmX7v" });
    const tokens = createVerifier({ scheme: token });
    expect(await code({ headers: { authorization: "BEARER tok_123_9fKq2LmX7v" }, body }, tokens)).toBe(
      "accepted",
    );
    const headers = await genuine();
    const upper = {
      ...headers,
      "webhook-signature": (headers["webhook-signature"] as string).replace("v1,", "V1,"),
    };
    expect(await code({ headers: upper, body })).toBe("invalid_signature");
  });

  it("timestamps as floats, negative, in milliseconds or beyond 2^53 are refused", async () => {
    const headers = await genuine();
    const cases: [string, string][] = [
      [`${NOW}.5`, "malformed_header"],
      [`-${NOW}`, "malformed_header"],
      ["9007199254740993", "malformed_header"],
      ["1e9", "malformed_header"],
      ["", "missing_header"],
    ];
    for (const [value, expected] of cases) {
      expect(await code({ headers: { ...headers, "webhook-timestamp": value }, body }), value).toBe(expected);
    }
    // Milliseconds signed as if they were seconds: authentic, but far in the future.
    const millis = await scheme.sign({ body, id: "msg_ms", timestamp: NOW * 1000 });
    expect(await code({ headers: millis, body })).toBe("timestamp_in_future");
  });

  it("a Stripe timestamp in milliseconds is refused as in the future", async () => {
    const stripe = stripeHmac({ secret: "whsec_test_4kQ9mV2xR7pL1sZ8" });
    const headers = await stripe.sign({ body, timestamp: NOW * 1000 });
    const stripeVerifier = createVerifier({ scheme: stripe, now: () => NOW * 1000 });
    expect(await code({ headers, body }, stripeVerifier)).toBe("timestamp_in_future");
  });

  it("a signature of the right length but wrong content does not match", async () => {
    const headers = await genuine();
    const signature = (headers["webhook-signature"] as string).slice(3);
    const wrong = Buffer.from(Buffer.from(signature, "base64").map((byte) => byte ^ 0x5a)).toString("base64");
    expect(wrong.length).toBe(signature.length);
    expect(await code({ headers: { ...headers, "webhook-signature": `v1,${wrong}` }, body })).toBe(
      "invalid_signature",
    );
  });

  it("a `whsec_` secret that is not base64 is refused when the scheme is created", () => {
    expect(() => standardWebhooks({ secret: "whsec_not*base64!" })).toThrow(/not base64/);
  });

  it("a bearer token that differs only in its last byte is refused, by a compare that reads every byte", async () => {
    const tokens = createVerifier({ scheme: bearer({ token: "tok_0123456789abcdef" }) });
    expect(await code({ headers: { authorization: "Bearer tok_0123456789abcdeg" }, body }, tokens)).toBe(
      "invalid_token",
    );
    // The compare reads every character of the received value whether it differs first or last.
    for (const received of ["Xok_0123456789abcdef", "tok_0123456789abcdeX"]) {
      const reads: number[] = [];
      const counted = Object.assign(new String(received), {
        charCodeAt(index: number) {
          reads.push(index);
          return received.charCodeAt(index);
        },
      });
      expect(constantTimeEqual(counted as unknown as string, "tok_0123456789abcdef")).toBe(false);
      expect(reads).toHaveLength(received.length);
    }
  });

  it("a schema-valid payload of an unexpected shape cannot reach another type's handler", async () => {
    const anything: StandardSchemaV1 = {
      "~standard": { version: 1, vendor: "t", validate: (value) => ({ value }) },
    };
    const seen: string[] = [];
    const hooks = createWebhooks({ scheme, events: { a: anything, b: anything }, now: () => NOW * 1000 })
      .on("a", () => void seen.push("a"))
      .on("b", () => void seen.push("b"));
    const raw = JSON.stringify({ type: "constructor" });
    const answer = await hooks.process({ headers: await genuine(raw), body: raw });
    expect(JSON.parse(answer.body)).toEqual({ ok: true, unhandled: true });
    expect(seen).toEqual([]);
  });
});
