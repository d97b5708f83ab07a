import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { genericHmac, stripeHmac } from "../../test/hmac-presets.js";
import { isWebhookVerificationError } from "../errors.js";
import { standardWebhooks } from "../schemes/standard-webhooks.js";
import { bearer } from "../schemes/tokens.js";
import type { WebhookScheme } from "../schemes/types.js";
import { createVerifier } from "../verify/create-verifier.js";
import { readHeaders } from "../verify/read-headers.js";

// Thousands of runs per property in CI; a seed from the environment reproduces a failure.
const runs = Number(process.env.HOOKPROOF_FC_RUNS ?? 2000);
const params = { numRuns: runs, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) };

const NOW = 1_750_000_000;
const secretBytes = fc.uint8Array({ minLength: 16, maxLength: 48 });
const whsec = (bytes: Uint8Array) => `whsec_${Buffer.from(bytes).toString("base64")}`;
const body = fc.uint8Array({ maxLength: 512 });
const id = fc.stringMatching(/^msg_[A-Za-z0-9]{1,30}$/);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

async function outcome(scheme: WebhookScheme, headers: Record<string, string>, raw: Uint8Array) {
  const verifier = createVerifier({ scheme, now: () => NOW * 1000 });
  return rejection(Promise.resolve().then(() => verifier.authenticate({ headers, body: raw })));
}

function flipByte(bytes: Uint8Array, index: number, xor: number): Uint8Array {
  const copy = bytes.slice();
  copy[index % copy.length] = (copy[index % copy.length] as number) ^ xor;
  return copy;
}

function mutateText(text: string, index: number, replacement: string): string {
  const at = index % text.length;
  const next = text[at] === replacement ? (replacement === "A" ? "B" : "A") : replacement;
  return text.slice(0, at) + next + text.slice(at + 1);
}

describe("properties: Standard Webhooks", () => {
  it("accepts every genuine request, and its header names in any case", async () => {
    await fc.assert(
      fc.asyncProperty(secretBytes, id, body, fc.boolean(), async (key, msgId, raw, upper) => {
        const scheme = standardWebhooks({ secret: whsec(key) });
        const signed = await scheme.sign({ body: raw, id: msgId, timestamp: NOW });
        const headers = Object.fromEntries(
          Object.entries(signed).map(([name, value]) => [upper ? name.toUpperCase() : name, value]),
        );
        expect(await outcome(scheme, headers, raw)).toBeUndefined();
      }),
      params,
    );
  });

  it("rejects any single mutation of body, id, timestamp or signature", async () => {
    const part = fc.constantFrom("body", "id", "timestamp", "signature");
    await fc.assert(
      fc.asyncProperty(
        secretBytes,
        id,
        body.filter((b) => b.length > 0),
        part,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (key, msgId, raw, which, index, xor) => {
          const scheme = standardWebhooks({ secret: whsec(key) });
          const headers = await scheme.sign({ body: raw, id: msgId, timestamp: NOW });
          let mutatedBody: Uint8Array = raw;
          if (which === "body") mutatedBody = flipByte(raw, index, xor);
          if (which === "id") headers["webhook-id"] = mutateText(msgId, index, "Z");
          if (which === "timestamp") headers["webhook-timestamp"] = String(NOW + 1 + (index % 299));
          if (which === "signature") {
            const value = headers["webhook-signature"] as string;
            headers["webhook-signature"] = `v1,${mutateText(value.slice(3), index, "Q")}`;
          }
          const error = await outcome(scheme, headers, mutatedBody);
          expect(isWebhookVerificationError(error)).toBe(true);
        },
      ),
      params,
    );
  });

  it("accepts nothing signed with a different secret", async () => {
    await fc.assert(
      fc.asyncProperty(secretBytes, secretBytes, id, body, async (signing, verifying, msgId, raw) => {
        fc.pre(Buffer.compare(Buffer.from(signing), Buffer.from(verifying)) !== 0);
        const headers = await standardWebhooks({ secret: whsec(signing) }).sign({
          body: raw,
          id: msgId,
          timestamp: NOW,
        });
        const error = await outcome(standardWebhooks({ secret: whsec(verifying) }), headers, raw);
        expect(error).toMatchObject({ code: "invalid_signature" });
      }),
      params,
    );
  });
});

describe("properties: HMAC and tokens", () => {
  it("rejects a generic or Stripe request with any body byte or secret changed", async () => {
    await fc.assert(
      fc.asyncProperty(
        // At least 16 bytes after any `whsec_` prefix, as the schemes require.
        fc.string({ minLength: 22, maxLength: 40 }).filter((s) => s.trim() !== ""),
        body.filter((b) => b.length > 0),
        fc.nat(),
        fc.constantFrom(genericHmac, stripeHmac),
        async (secret, raw, index, preset) => {
          const scheme = preset({ secret });
          const headers = await scheme.sign({ body: raw, timestamp: NOW });
          expect(await outcome(scheme, headers, raw)).toBeUndefined();
          expect(await outcome(scheme, headers, flipByte(raw, index, 1))).toMatchObject({
            code: "invalid_signature",
          });
          expect(await outcome(preset({ secret: `${secret}x` }), headers, raw)).toMatchObject({
            code: "invalid_signature",
          });
        },
      ),
      params,
    );
  }, 60_000); // hundreds of signed requests: a cap for a loaded CI machine, not a speed claim

  it("accepts a bearer token only when it is exactly the configured one", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 22, maxLength: 64 }).filter((t) => t.trim() === t && !/\s/.test(t)),
        fc.string({ maxLength: 64 }),
        async (token, guess) => {
          const scheme = bearer({ token });
          const error = await outcome(scheme, { authorization: `Bearer ${guess}` }, new Uint8Array());
          if (guess.trim() === token) expect(error).toBeUndefined();
          else expect(isWebhookVerificationError(error)).toBe(true);
        },
      ),
      params,
    );
  });
});

const headerValue = fc.oneof(
  fc.string(),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.constant(undefined),
  fc.integer(),
);
const headerName = fc.oneof(
  fc.string(),
  fc.constantFrom("webhook-id", "WEBHOOK-TIMESTAMP", "webhook-signature", "svix-signature", "authorization"),
);

describe("properties: totality", () => {
  it("header reading is total over any record of strings and arrays", () => {
    fc.assert(
      fc.property(fc.dictionary(headerName, headerValue), headerName, (record, name) => {
        const value = readHeaders(record as Record<string, string>)(name.toLowerCase());
        expect(value === undefined || typeof value === "string").toBe(true);
      }),
      params,
    );
  });

  it("verify throws nothing but WebhookVerificationError, whatever arrives", async () => {
    const schemes = [
      standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }),
      genericHmac({ secret: "generic-secret-7Qm2vX9p" }),
      stripeHmac({ secret: "whsec_stripe_4kQ9mV2xR7pL" }),
      bearer({ token: "tok_live_8Jq2vX0pLm4n" }),
    ];
    const signatureLike = fc.oneof(
      fc.string(),
      fc.stringMatching(/^(v1a?,[A-Za-z0-9+/=_-]{0,90} ?){0,3}$/),
      fc.stringMatching(/^t=-?[0-9.e]{0,20},v1=[0-9a-fA-F]{0,70}$/),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...schemes),
        fc.record({
          "webhook-id": fc.option(fc.string(), { nil: undefined }),
          "webhook-timestamp": fc.option(fc.oneof(fc.string(), fc.double().map(String)), { nil: undefined }),
          "webhook-signature": fc.option(signatureLike, { nil: undefined }),
          "x-webhook-signature": fc.option(signatureLike, { nil: undefined }),
          "stripe-signature": fc.option(signatureLike, { nil: undefined }),
          authorization: fc.option(fc.string(), { nil: undefined }),
        }),
        fc.oneof(fc.uint8Array({ maxLength: 256 }), fc.string(), fc.json()),
        async (scheme, headers, raw) => {
          const verifier = createVerifier({ scheme, now: () => NOW * 1000 });
          const error = await rejection(verifier.verify({ headers, body: raw }));
          expect(error === undefined || isWebhookVerificationError(error)).toBe(true);
        },
      ),
      params,
    );
  });
});
