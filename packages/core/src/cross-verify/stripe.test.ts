import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { at, INVALID_UTF8, outcome, TEXT_BODIES, utf8 } from "../../test/helpers.js";
import { createVerifier, readHeaders, stripeHmac } from "../index.js";

const stripe = new Stripe("sk_test_hookproof_cross_verification");
const secret = "whsec_e7d4c2a1b0f9e8d7c6b5a4f3e2d1c0b9";
const timestamp = 1732291200;
// Stripe refuses an empty payload ("No webhook payload was provided") and always parses JSON.
const bodies = TEXT_BODIES.filter((b) => b.json);

describe("stripe → hookproof stripeHmac", () => {
  it.each(bodies.map((b) => [b.name, b] as const))("%s", async (_, { text }) => {
    const header = stripe.webhooks.generateTestHeaderString({ payload: text, secret, timestamp });
    const verifier = createVerifier({ scheme: stripeHmac({ secret }), now: at(timestamp) });
    const verified = await verifier.verify({
      headers: { "Stripe-Signature": header },
      body: Buffer.from(text),
    });
    expect(verified).toMatchObject({ timestamp, keyIndex: 0, payload: JSON.parse(text) });
    const wrongSecret = stripeHmac({ secret: `${secret}x` });
    expect(
      await outcome(() =>
        wrongSecret.verify({ header: readHeaders({ "stripe-signature": header }), body: Buffer.from(text) }),
      ),
    ).toBe("invalid_signature");
  });

  it("a header with several v1 signatures, only one valid, passes both", async () => {
    const text = bodies[0]?.text ?? "";
    const good = stripe.webhooks.generateTestHeaderString({ payload: text, secret, timestamp });
    const bad = stripe.webhooks.generateTestHeaderString({ payload: text, secret: "whsec_old", timestamp });
    const header = `t=${timestamp},v1=${bad.split("v1=")[1]},v1=${good.split("v1=")[1]}`;
    expect(stripe.webhooks.constructEvent(text, header, secret, 300, undefined, timestamp * 1000)).toEqual(
      JSON.parse(text),
    );
    expect(
      await outcome(() =>
        createVerifier({ scheme: stripeHmac({ secret }), now: at(timestamp) }).verify({
          headers: { "stripe-signature": header },
          body: text,
        }),
      ),
    ).toBe("ok");
  });
});

describe("hookproof stripeHmac → stripe", () => {
  it.each(bodies.map((b) => [b.name, b] as const))("%s", async (_, { text }) => {
    const { "stripe-signature": header = "" } = await stripeHmac({ secret }).sign({ body: text, timestamp });
    expect(header).toBe(stripe.webhooks.generateTestHeaderString({ payload: text, secret, timestamp }));
    const event = stripe.webhooks.constructEvent(
      Buffer.from(text),
      header,
      secret,
      300,
      undefined,
      timestamp * 1000,
    );
    expect(event).toEqual(JSON.parse(text));
    expect(() =>
      stripe.webhooks.constructEvent(`${text} `, header, secret, 300, undefined, timestamp * 1000),
    ).toThrow(/No signatures found matching/);
  });

  it("both refuse the same request once it is older than 300 s", async () => {
    const text = bodies[0]?.text ?? "";
    const { "stripe-signature": header = "" } = await stripeHmac({ secret }).sign({ body: text, timestamp });
    const later = (timestamp + 301) * 1000;
    expect(() => stripe.webhooks.constructEvent(text, header, secret, 300, undefined, later)).toThrow(
      /tolerance/,
    );
    const verifier = createVerifier({ scheme: stripeHmac({ secret }), now: () => later });
    expect(
      await outcome(() => verifier.verify({ headers: { "stripe-signature": header }, body: text })),
    ).toBe("timestamp_expired");
  });
});

describe("bytes that are not UTF-8", () => {
  it("stripe hashes its text decoding of a Buffer; hookproof hashes the bytes on the wire", async () => {
    const raw = Buffer.from(INVALID_UTF8);
    const lossy = utf8(new TextDecoder().decode(raw));
    const verifyHeader = (payload: Uint8Array, header: string) =>
      stripe.webhooks.signature?.verifyHeader(payload, header, secret, 300, undefined, timestamp * 1000);
    const scheme = stripeHmac({ secret });
    const ours = (await scheme.sign({ body: raw, timestamp }))["stripe-signature"] ?? "";
    const overLossy = (await scheme.sign({ body: lossy, timestamp }))["stripe-signature"] ?? "";
    expect(ours).not.toBe(overLossy);
    expect(verifyHeader(raw, overLossy)).toBe(true);
    expect(() => verifyHeader(raw, ours)).toThrow(/No signatures found matching/);
    const check = (header: string) =>
      scheme.verify({ header: readHeaders({ "stripe-signature": header }), body: raw });
    expect(await outcome(() => check(ours))).toBe("ok");
    expect(await outcome(() => check(overLossy))).toBe("invalid_signature");
  });
});
