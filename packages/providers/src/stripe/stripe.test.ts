import { createHmac } from "node:crypto";
import { createVerifier, createWebhooks, readHeaders, type WebhookProvider } from "@hookproof/core";
import Stripe from "stripe";
import { describe, expect, expectTypeOf, it } from "vitest";
import { at, INVALID_UTF8, outcome, rejection, TEXT_BODIES, utf8 } from "../../test/bodies.js";
import { answer, clock, fixtureSuite, fixtureText, NOW_S, post } from "../../test/test-support.js";
import {
  type StripeEnvelopeEvents,
  type StripeEvent,
  stripeHmac,
  stripe as stripeProvider,
} from "./index.js";

const SECRET = "whsec_stripe_4kQ9mV2xR7pL1sZ8";
const provider = () => stripeProvider({ secret: SECRET });
const sdk = new Stripe("sk_test_hookproof_cross_verification");

/** What Stripe sends with a body: its own SDK's `Stripe-Signature` for the time `t`. */
const signed = (body: string, t = NOW_S) => ({
  "stripe-signature": sdk.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: t }),
  "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
});

fixtureSuite({
  title: "stripe fixtures",
  fixtures: "stripe",
  // The runtime catalogue's four types, as it validates them: their envelope.
  provider: provider as unknown as () => WebhookProvider<StripeEnvelopeEvents>,
  sign: (body) => signed(body),
  mutations: {
    "payment_intent.succeeded": { path: ["id"] },
    "checkout.session.completed": { path: ["created"], set: "2026-08-20T14:01:55Z" },
    "customer.subscription.updated": { path: ["data", "object"], set: "sub_1Pq8LqA2eZvKYlo2mN4bV6cX" },
    "invoice.paid": { path: ["livemode"], set: "false" },
  },
});

describe("stripe", () => {
  it("types each event as stripe-node does, and an event type it does not know by the envelope", () => {
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("customer.subscription.updated", (event) => {
        expectTypeOf(event.data.object).toEqualTypeOf<Stripe.Subscription>();
        expectTypeOf(event.data.previous_attributes).toEqualTypeOf<
          Partial<Stripe.Subscription> | undefined
        >();
      })
      .on("v2.core.future_event", (event) => {
        expectTypeOf(event).toEqualTypeOf<StripeEvent<string>>();
      });
    // @ts-expect-error: Stripe's `invoice.paid` has no `data.object.email`.
    hooks.on("invoice.paid", (event) => event.data.object.email);
    expect(hooks).toBeDefined();
  });

  it("routes by the body's `type`, dedupes by its `id` across Stripe's retries, and dates it by `created`", async () => {
    const body = fixtureText("stripe", "invoice.paid");
    const seen: [string, string, Stripe.Invoice][] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "invoice.paid",
      (event, context) => {
        // Stripe's own types, from the `stripe` package (an optional peer, installed here).
        expectTypeOf(event).toEqualTypeOf<Stripe.InvoicePaidEvent>();
        expectTypeOf(event.data.object).toEqualTypeOf<Stripe.Invoice>();
        seen.push([context.type, context.id, event.data.object]);
      },
    );
    expect(await answer(hooks, post(signed(body), body))).toEqual({ status: 200, body: { ok: true } });
    // A retry is signed anew, a little later, over the same body.
    expect(await answer(hooks, post(signed(body, NOW_S + 60), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(seen).toEqual([["invoice.paid", "evt_1Pq8LsA2eZvKYlo2Tz8fL1qR", JSON.parse(body).data.object]]);
    expect(provider().eventTime?.(JSON.parse(body))).toBe(1787234521 * 1000);
  });

  it("lets an event type it does not list through to its handler, the envelope unvalidated", async () => {
    const body = JSON.stringify({
      id: "evt_1Pq8M0A2eZvKYlo2Qw9eR3tY",
      object: "event",
      type: "customer.created",
      created: NOW_S - 30,
      data: { object: { id: "cus_Qh7sW2nLk9XcVb", object: "customer" } },
    });
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("customer.created", (event) => {
      seen.push(event.id);
    });
    expect(await answer(hooks, post(signed(body), body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual(["evt_1Pq8M0A2eZvKYlo2Qw9eR3tY"]);
  });

  it("refuses a request signed more than 300 s ago, as Stripe's own library does", async () => {
    const body = fixtureText("stripe", "payment_intent.succeeded");
    const result = await answer(
      createWebhooks({ provider: provider(), now: clock }),
      post(signed(body, NOW_S - 301), body),
    );
    expect([result.status, result.body.error?.code]).toEqual([401, "timestamp_expired"]);
  });
});

const mac = (algorithm: string, key: string, data: string) =>
  createHmac(algorithm, key).update(data).digest("hex");

/** A scheme request: headers read, body as bytes. */
const request = (headers: Record<string, string>, body: string | Uint8Array) => ({
  header: readHeaders(headers),
  body: typeof body === "string" ? utf8(body) : body,
});

describe("stripeHmac: `t=…,v1=…`", () => {
  const secret = "whsec_stripe_test_secret_value";
  const body = '{"id":"evt_1","object":"event"}';
  const t = 1700000000;
  const good = mac("sha256", secret, `${t}.${body}`);
  const bad = mac("sha256", "another", `${t}.${body}`);

  it("signs `t=<ts>,v1=<hex>` over `<t>.<body>` and reads the timestamp back", async () => {
    const scheme = stripeHmac({ secret });
    expect(await scheme.sign({ body, timestamp: t })).toEqual({ "stripe-signature": `t=${t},v1=${good}` });
    expect(await scheme.verify(request({ "stripe-signature": `t=${t},v1=${good}` }, body))).toEqual({
      timestamp: t,
      keyIndex: 0,
    });
  });

  it("passes when one of several v1 values matches, ignoring other schemes", async () => {
    const scheme = stripeHmac({ secret });
    const header = `t=${t},v1=${bad},v0=${good},v1=${good.toUpperCase()}`;
    expect(await outcome(() => scheme.verify(request({ "stripe-signature": header }, body)))).toBe("ok");
    const onlyV0 = `t=${t},v1=${bad},v0=${good}`;
    expect(await outcome(() => scheme.verify(request({ "stripe-signature": onlyV0 }, body)))).toBe(
      "invalid_signature",
    );
  });

  it("rejects a signature replayed under another timestamp", async () => {
    const header = `t=${t + 1},v1=${good}`;
    expect(
      await outcome(() => stripeHmac({ secret }).verify(request({ "stripe-signature": header }, body))),
    ).toBe("invalid_signature");
  });

  it("reports a header without `t=` or without `v1=` as malformed", async () => {
    const scheme = stripeHmac({ secret });
    for (const [value, says] of [
      [`v1=${good}`, "`t=`"],
      [`t=${t}`, "`v1=`"],
      [`t=${t},v1=`, "`v1=`"],
      [`t=soon,v1=${good}`, "unix seconds"],
    ] as const) {
      const error = await rejection(() => scheme.verify(request({ "stripe-signature": value }, body)));
      expect([error.code, error.header]).toEqual(["malformed_header", "stripe-signature"]);
      expect(error.message).toContain(says);
    }
  });
});
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
