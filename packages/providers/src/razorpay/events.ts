/**
 * Razorpay's event catalogue: `{ entity: "event", account_id, event, contains, payload, created_at }`, where
 * `payload` holds one `{ entity }` per name in `contains` (`payload.payment.entity`).
 *
 * Source: razorpay/markdown-docs at 31d81031 `webhooks/payments.md` and `webhooks/orders.md` (the sample
 * deliveries, field by field), `api/payments.md` and `api/orders.md` (the entities).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** Every Razorpay event. */
export interface RazorpayEvent<Type extends string, Payload> {
  entity: "event";
  /** `acc_…`: the merchant account. */
  account_id: string;
  event: Type;
  /** The keys of `payload` this event carries: `["payment"]`, `["payment", "order"]`. */
  contains: string[];
  payload: Payload;
  /** When the event was created, unix **seconds** (signed: the replay bound). */
  created_at: number;
}

/** Notes: key-value pairs you attached, or `[]` when none (as Razorpay's samples send them). */
export type RazorpayNotes = Record<string, unknown> | unknown[];

/** A payment entity (`pay_…`). */
export interface RazorpayPayment {
  id: string;
  entity: "payment";
  /** In the currency's smallest unit (paise). */
  amount: number;
  currency: string;
  status: "created" | "authorized" | "captured" | "refunded" | "failed" | (string & Record<never, never>);
  order_id?: string | null;
  /** `card`, `netbanking`, `upi`, `wallet`… */
  method?: string;
  captured?: boolean;
  email?: string | null;
  contact?: string | null;
  notes?: RazorpayNotes;
  error_code?: string | null;
  error_description?: string | null;
  created_at: number;
}

/** An order entity (`order_…`). */
export interface RazorpayOrder {
  id: string;
  entity: "order";
  amount: number;
  amount_paid?: number;
  amount_due?: number;
  currency: string;
  receipt?: string | null;
  status: "created" | "attempted" | "paid" | (string & Record<never, never>);
  attempts?: number;
  notes?: RazorpayNotes;
  created_at: number;
}

/** `payload` of the payment events. */
export interface RazorpayPaymentPayload {
  payment: { entity: RazorpayPayment };
}

/** `payload` of `order.paid`. */
export interface RazorpayOrderPaidPayload {
  payment: { entity: RazorpayPayment };
  order: { entity: RazorpayOrder };
}

/** The Razorpay event types listed, each with its `payload`. */
export type RazorpayEventData = {
  "payment.authorized": RazorpayPaymentPayload;
  "payment.captured": RazorpayPaymentPayload;
  "payment.failed": RazorpayPaymentPayload;
  "order.paid": RazorpayOrderPaidPayload;
};

/** Razorpay's events: the listed types, and any other type with the envelope. */
export type RazorpayEvents = {
  [Type in keyof RazorpayEventData & string]: RazorpayEvent<Type, RazorpayEventData[Type]>;
} & { [type: string]: RazorpayEvent<string, Record<string, unknown>> };

const notes = v.optional(v.union([v.array(v.unknown()), jsonObject]));

const payment = shape<{ entity: RazorpayPayment }>({
  entity: shape<RazorpayPayment>({
    id: v.string(),
    entity: v.literal("payment"),
    amount: v.number(),
    currency: v.string(),
    status: openString<"created" | "authorized" | "captured" | "refunded" | "failed">(),
    order_id: v.nullish(v.string()),
    method: v.optional(v.string()),
    captured: v.optional(v.boolean()),
    email: v.nullish(v.string()),
    contact: v.nullish(v.string()),
    notes,
    error_code: v.nullish(v.string()),
    error_description: v.nullish(v.string()),
    created_at: v.number(),
  }),
});

const paymentPayload = shape<RazorpayPaymentPayload>({ payment });

/** The event envelope around one type's `payload`. */
function razorpayEvent<Type extends string, Payload>(
  type: Type,
  payload: v.GenericSchema<unknown, Payload>,
): v.GenericSchema<unknown, RazorpayEvent<Type, Payload>> {
  return v.looseObject({
    entity: v.literal("event"),
    account_id: v.string(),
    event: v.literal(type),
    contains: v.array(v.string()),
    payload,
    created_at: v.number(),
  }) as v.GenericSchema<unknown, RazorpayEvent<Type, Payload>>;
}

/**
 * The runtime schemas of the listed Razorpay events (Standard Schema v1).
 *
 * @example
 * const result = await razorpayCatalogue["payment.captured"]["~standard"].validate(body);
 */
export const razorpayCatalogue: EventCatalogue<RazorpayEvents> = catalogue<RazorpayEvents, RazorpayEventData>(
  razorpayEvent,
  {
    "payment.authorized": paymentPayload,
    "payment.captured": paymentPayload,
    "payment.failed": paymentPayload,
    "order.paid": shape<RazorpayOrderPaidPayload>({
      payment,
      order: shape<{ entity: RazorpayOrder }>({
        entity: shape<RazorpayOrder>({
          id: v.string(),
          entity: v.literal("order"),
          amount: v.number(),
          amount_paid: v.optional(v.number()),
          amount_due: v.optional(v.number()),
          currency: v.string(),
          receipt: v.nullish(v.string()),
          status: openString<"created" | "attempted" | "paid">(),
          attempts: v.optional(v.number()),
          notes,
          created_at: v.number(),
        }),
      }),
    }),
  },
);
