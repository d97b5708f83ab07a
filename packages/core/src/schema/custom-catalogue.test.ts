import { createWebhooks } from "@hookproof/core";
import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { genericHmac } from "../../test/hmac-presets.js";
import { answer, clock, post } from "../../test/requests.js";

const SECRET = "shop-webhook-secret-2f8d";
const scheme = genericHmac({ secret: SECRET });
const paid =
  '{"id":"evt_9f1c","type":"order.paid","data":{"order_id":"ord_1042","amount":4999,"currency":"EUR"}}';
const unpaid =
  '{"id":"evt_9f1d","type":"order.paid","data":{"order_id":"ord_1043","amount":"49.99","currency":"EUR"}}';

const zodCatalogue = {
  "order.paid": z.object({
    id: z.string(),
    type: z.literal("order.paid"),
    data: z.object({ order_id: z.string(), amount: z.number().int(), currency: z.string().length(3) }),
  }),
  "order.refunded": z.object({
    id: z.string(),
    type: z.literal("order.refunded"),
    data: z.object({ order_id: z.string() }),
  }),
};

const valibotCatalogue = {
  "order.paid": v.object({
    id: v.string(),
    type: v.literal("order.paid"),
    data: v.object({
      order_id: v.string(),
      amount: v.pipe(v.number(), v.integer()),
      currency: v.pipe(v.string(), v.length(3)),
    }),
  }),
  "order.refunded": v.object({
    id: v.string(),
    type: v.literal("order.refunded"),
    data: v.object({ order_id: v.string() }),
  }),
};

describe.each([
  ["zod", zodCatalogue],
  ["valibot", valibotCatalogue],
] as const)("a custom catalogue in %s", (_library, events) => {
  it("routes, validates and dedupes by the body's id", async () => {
    const seen: unknown[] = [];
    const hooks = createWebhooks({ scheme, events, now: clock, replayBound: "retention" }).on(
      "order.paid",
      (event, context) => {
        seen.push([event.data.amount, context.id]);
      },
    );
    const headers = await scheme.sign({ body: paid });
    expect(await answer(hooks, post(headers, paid))).toEqual({ status: 200, body: { ok: true } });
    expect((await answer(hooks, post(headers, paid))).body).toEqual({ ok: true, duplicate: true });
    expect(seen).toEqual([[4999, "evt_9f1c"]]);
  });

  it("refuses a payload that breaks its schema, naming the field", async () => {
    const hooks = createWebhooks({ scheme, events, now: clock, replayBound: "retention" }).on(
      "order.paid",
      () => {
        throw new Error("must not run");
      },
    );
    const result = await answer(hooks, post(await scheme.sign({ body: unpaid }), unpaid));
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe("invalid_payload");
    expect(result.body.error?.message).toContain("`data.amount`");
  });
});

describe("custom catalogue types", () => {
  it("narrows each handler's event by its schema's output, for zod and valibot alike", () => {
    createWebhooks({ scheme, events: zodCatalogue, replayBound: "retention" })
      .on("order.paid", (event) => {
        expectTypeOf(event.data.amount).toEqualTypeOf<number>();
        expectTypeOf(event.type).toEqualTypeOf<"order.paid">();
      })
      .on("order.refunded", (event) => {
        expectTypeOf(event.data).toEqualTypeOf<{ order_id: string }>();
      });
    createWebhooks({ scheme, events: valibotCatalogue, replayBound: "retention" })
      .on("order.paid", (event) => {
        expectTypeOf(event.data.currency).toEqualTypeOf<string>();
      })
      // @ts-expect-error: not in the catalogue
      .on("order.shipped", () => {});
    // @ts-expect-error: not in the catalogue
    createWebhooks({ scheme, events: zodCatalogue, replayBound: "retention" }).on("nonexistent", () => {});
  });
});
