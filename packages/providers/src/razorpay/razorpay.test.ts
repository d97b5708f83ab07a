import { createHash, createHmac } from "node:crypto";
import { createWebhooks, readHeaders } from "@hookproof/core";
import Razorpay from "razorpay";
import { describe, expect, it } from "vitest";
import { outcome, utf8 } from "../../test/bodies.js";
import { crossCheck } from "../../test/cross-check.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { razorpay, razorpayHmac } from "./index.js";

const SECRET = "rzp_whsec_test_0123456789";
const provider = () => razorpay({ secret: SECRET });
const DOCS = "razorpay/markdown-docs webhooks/payments.md";

/** What Razorpay sends with a body: the signature and its unsigned event id. */
const delivery = (body: string, id = "HhQkDNa6FQCkV6") => razorpayHmac({ secret: SECRET }).sign({ body, id });

/** A fixture with its `created_at` moved to `at`. */
const dated = (type: string, at: number) =>
  JSON.stringify({ ...JSON.parse(fixtureText("razorpay", type)), created_at: at });

fixtureSuite({
  title: "razorpay fixtures (markdown-docs samples)",
  fixtures: "razorpay",
  provider,
  sign: (body) => delivery(body),
  mutations: {
    "payment.authorized": { path: ["payload", "payment", "entity", "amount"], set: "100" },
    "payment.captured": { path: ["payload", "payment", "entity", "id"] },
    "payment.failed": { path: ["contains"] },
    "order.paid": { path: ["payload", "order", "entity", "status"] },
  },
});

allowedSuite({
  title: "razorpay: never stricter than its docs",
  fixtures: "razorpay",
  provider,
  sign: (body) => delivery(body),
  allowed: [
    {
      type: "payment.captured",
      path: ["payload", "payment", "entity", "notes"],
      set: { order: "42" },
      source: `${DOCS} (\`notes\` as key-value pairs)`,
    },
    { type: "payment.failed", path: ["payload", "payment", "entity", "email"], set: null, source: DOCS },
    {
      type: "order.paid",
      path: ["payload", "order", "entity", "receipt"],
      set: null,
      source: "razorpay/markdown-docs api/orders.md",
    },
  ],
});

describe("razorpay", () => {
  it("dedupes by the body's SHA-256: a retry with a fresh `x-razorpay-event-id` is a duplicate", async () => {
    const body = fixtureText("razorpay", "payment.captured");
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny((_, context) => {
      ids.push(context.id);
    });
    expect(await answer(hooks, post(await delivery(body, "e-1"), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(await delivery(body, "e-2"), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(ids).toEqual([`sha256:${createHash("sha256").update(body).digest("hex")}`]);
  });

  it("accepts an event retried 24 h after it was created, refuses one signed 36 h and a second ago", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock }).onAny(() => {});
    const late = dated("payment.captured", NOW_S - 86_400);
    expect(await answer(hooks, post(await delivery(late), late))).toEqual({
      status: 200,
      body: { ok: true },
    });
    const old = dated("payment.failed", NOW_S - 129_601);
    const result = await answer(hooks, post(await delivery(old), old));
    expect(result.status).toBe(401);
    expect(result.body.error?.code).toBe("timestamp_expired");
  });

  it("verifies the research vector, and refuses a `sha256=`-prefixed MAC", async () => {
    const body =
      '{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],"payload":{"payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","entity":"payment","amount":100,"currency":"INR","status":"captured","created_at":1567674599}}},"created_at":1567674606}';
    const value = "38f73151153bac41a96fd4a37a2271b62fb8a3610ac99350a4e38610e7333e11";
    const verify = (signature: string) =>
      outcome(() =>
        razorpayHmac({ secret: SECRET }).verify({
          header: readHeaders({ "x-razorpay-signature": signature }),
          body: utf8(body),
        }),
      );
    expect(await verify(value)).toBe("ok");
    expect(await verify(`sha256=${value}`)).toBe("invalid_signature");
  });
});

crossCheck({
  scheme: () => razorpayHmac({ secret: SECRET }),
  wrong: () => razorpayHmac({ secret: "rzp_whsec_live_9876543210" }),
  header: "x-razorpay-signature",
  sdk: {
    // The SDK cannot sign; Razorpay's docs sign `hmac_sha256(body, secret)` in hex, which node:crypto computes.
    name: "razorpay 2.9.8 validateWebhookSignature",
    sign: (body) => createHmac("sha256", SECRET).update(body).digest("hex"),
    verify: (body, value) => Razorpay.validateWebhookSignature(body, value, SECRET),
  },
});
