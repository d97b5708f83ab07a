/**
 * Square's event catalogue: the notification envelope, and in `data.object` the object each event carries, typed
 * at the fields handlers key on, in the snake_case the wire carries.
 *
 * Source: `square` 46.0.0 `api/types/` (the SDK camel-cases the wire's names): `PaymentCreatedEvent`,
 * `PaymentCreatedEventData`, `PaymentCreatedEventObject`, `Payment`, `Money`, `RefundCreatedEventObject`,
 * `PaymentRefund`, `CustomerCreatedEventObject`, `Customer`, `OrderCreatedObject`, `OrderCreated`. The SDK marks
 * nearly every field optional: so does this catalogue, except the envelope's `type`, `event_id` and `created_at`,
 * which Square always sends and the preset routes, dedupes and bounds replays by.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** Every Square notification (`*Event`), its `data.object` holding the object under its own name. */
export interface SquareEvent<Type extends string, Object> {
  /** The seller's merchant id. */
  merchant_id?: string | null;
  type: Type;
  /** A UUID: Square's idempotency value for the event, the same on every retry; the dedupe key. */
  event_id: string;
  /** When the event was created, RFC 3339 with up to nanoseconds. */
  created_at: string;
  data?: {
    /** The object's type: `payment`, `refund`, `customer`, `order_created`… */
    type?: string | null;
    /** The object's id. */
    id?: string;
    object?: Object;
  };
}

/** `Money`: an amount in the currency's smallest unit. */
export interface SquareMoney {
  amount?: number | null;
  /** ISO 4217. */
  currency?: string;
}

/** A payment (`Payment`). */
export interface SquarePayment {
  id?: string;
  created_at?: string;
  updated_at?: string;
  amount_money?: SquareMoney;
  tip_money?: SquareMoney;
  total_money?: SquareMoney;
  approved_money?: SquareMoney;
  refunded_money?: SquareMoney;
  status?: "APPROVED" | "PENDING" | "COMPLETED" | "CANCELED" | "FAILED" | (string & Record<never, never>);
  /** `CARD`, `BANK_ACCOUNT`, `WALLET`, `CASH`, `EXTERNAL`… */
  source_type?: string;
  card_details?: Record<string, unknown>;
  location_id?: string;
  order_id?: string;
  reference_id?: string;
  customer_id?: string;
  refund_ids?: string[];
  buyer_email_address?: string;
  note?: string;
  receipt_number?: string;
  receipt_url?: string;
  /** Square's `version_token` for optimistic concurrency. */
  version_token?: string | null;
}

/** A refund (`PaymentRefund`). */
export interface SquareRefund {
  id: string;
  status?: "PENDING" | "COMPLETED" | "REJECTED" | "FAILED" | (string & Record<never, never>) | null;
  location_id?: string | null;
  amount_money: SquareMoney;
  payment_id?: string | null;
  order_id?: string | null;
  reason?: string | null;
  created_at?: string;
  updated_at?: string;
}

/** A customer (`Customer`). */
export interface SquareCustomer {
  id?: string;
  created_at?: string;
  updated_at?: string;
  given_name?: string | null;
  family_name?: string | null;
  company_name?: string | null;
  email_address?: string | null;
  phone_number?: string | null;
  /** Your own id for the customer. */
  reference_id?: string | null;
  /** `THIRD_PARTY`, `DIRECTORY`, `MERGE`… */
  creation_source?: string;
  version?: number;
}

/** `order.created`'s object (`OrderCreated`): the order's id and state, not the order. */
export interface SquareOrderCreated {
  order_id?: string | null;
  version?: number;
  location_id?: string | null;
  state?: "OPEN" | "COMPLETED" | "CANCELED" | "DRAFT" | (string & Record<never, never>);
  created_at?: string;
}

/** The Square event types listed, each with its `data.object`. */
export type SquareEventData = {
  "customer.created": { customer?: SquareCustomer };
  "order.created": { order_created?: SquareOrderCreated };
  "payment.created": { payment?: SquarePayment };
  "payment.updated": { payment?: SquarePayment };
  "refund.created": { refund?: SquareRefund };
};

/** Square's events: the listed types, and any other type with the envelope. */
export type SquareEvents = {
  [Type in keyof SquareEventData & string]: SquareEvent<Type, SquareEventData[Type]>;
} & { [type: string]: SquareEvent<string, Record<string, unknown>> };

const money = v.optional(
  shape<SquareMoney>({ amount: v.nullish(v.number()), currency: v.optional(v.string()) }),
);
const text = v.optional(v.string());
const nullishText = v.nullish(v.string());

const payment = shape<SquarePayment>({
  id: text,
  created_at: text,
  updated_at: text,
  amount_money: money,
  tip_money: money,
  total_money: money,
  approved_money: money,
  refunded_money: money,
  status: v.optional(openString<"APPROVED" | "PENDING" | "COMPLETED" | "CANCELED" | "FAILED">()),
  source_type: text,
  card_details: v.optional(jsonObject),
  location_id: text,
  order_id: text,
  reference_id: text,
  customer_id: text,
  refund_ids: v.optional(v.array(v.string())),
  buyer_email_address: text,
  note: text,
  receipt_number: text,
  receipt_url: text,
  version_token: nullishText,
});
const paymentObject = shape<{ payment?: SquarePayment }>({ payment: v.optional(payment) });

/** The notification envelope around one event type's `data.object`. */
function squareEvent<Type extends string, Object>(
  type: Type,
  object: v.GenericSchema<unknown, Object>,
): v.GenericSchema<unknown, SquareEvent<Type, Object>> {
  return v.looseObject({
    merchant_id: nullishText,
    type: v.literal(type),
    event_id: v.string(),
    // The event's time for `maxAge`: a value that does not parse would switch the check off.
    created_at: isoDate,
    data: v.optional(v.looseObject({ type: nullishText, id: text, object: v.optional(object) })),
  }) as v.GenericSchema<unknown, SquareEvent<Type, Object>>;
}

/**
 * The runtime schemas of the listed Square events (Standard Schema v1).
 *
 * @example
 * const result = await squareCatalogue["payment.updated"]["~standard"].validate(body);
 */
export const squareCatalogue: EventCatalogue<SquareEvents> = catalogue<SquareEvents, SquareEventData>(
  squareEvent,
  {
    "customer.created": shape<{ customer?: SquareCustomer }>({
      customer: v.optional(
        shape<SquareCustomer>({
          id: text,
          created_at: text,
          updated_at: text,
          given_name: nullishText,
          family_name: nullishText,
          company_name: nullishText,
          email_address: nullishText,
          phone_number: nullishText,
          reference_id: nullishText,
          creation_source: text,
          version: v.optional(v.number()),
        }),
      ),
    }),
    "order.created": shape<{ order_created?: SquareOrderCreated }>({
      order_created: v.optional(
        shape<SquareOrderCreated>({
          order_id: nullishText,
          version: v.optional(v.number()),
          location_id: nullishText,
          state: v.optional(openString<"OPEN" | "COMPLETED" | "CANCELED" | "DRAFT">()),
          created_at: text,
        }),
      ),
    }),
    "payment.created": paymentObject,
    "payment.updated": paymentObject,
    "refund.created": shape<{ refund?: SquareRefund }>({
      refund: v.optional(
        shape<SquareRefund>({
          id: v.string(),
          status: v.nullish(openString<"PENDING" | "COMPLETED" | "REJECTED" | "FAILED">()),
          location_id: nullishText,
          amount_money: shape<SquareMoney>({
            amount: v.nullish(v.number()),
            currency: v.optional(v.string()),
          }),
          payment_id: nullishText,
          order_id: nullishText,
          reason: nullishText,
          created_at: text,
          updated_at: text,
        }),
      ),
    }),
  },
);
