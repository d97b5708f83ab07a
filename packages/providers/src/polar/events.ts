/**
 * Polar's event catalogue: `{ type, timestamp, data }`, with `data` typed at the fields handlers key on.
 *
 * Source: `@polar-sh/sdk` 0.49.0 `models/components/webhook*payload` (the envelope per event), `order`,
 * `subscription`, `customer` (the resources; the SDK camel-cases the wire's snake_case names); polarsource/polar
 * `server/polar/webhook/webhooks.py` (`BaseWebhookPayload`, the raw format's body).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** Every Polar event of the `raw` endpoint format. */
export interface PolarEvent<Type extends string, Data> {
  type: Type;
  /** When the event happened, ISO 8601 (signed, inside the body). */
  timestamp: string;
  data: Data;
}

/** What each of Polar's resources carries. */
export interface PolarResource {
  /** A UUID. */
  id: string;
  created_at: string;
  modified_at: string | null;
}

/** An order (`Order`). */
export interface PolarOrder extends PolarResource {
  status: "pending" | "paid" | "refunded" | "partially_refunded" | (string & Record<never, never>);
  customer_id: string;
  paid?: boolean;
  /** Cents, in `currency`. */
  total_amount?: number;
  currency?: string;
  product_id?: string | null;
  subscription_id?: string | null;
  /** `purchase`, `subscription_create`, `subscription_cycle`, `subscription_update`. */
  billing_reason?: string;
  metadata?: Record<string, unknown>;
}

/** A subscription (`Subscription`). */
export interface PolarSubscription extends PolarResource {
  status:
    | "incomplete"
    | "incomplete_expired"
    | "trialing"
    | "active"
    | "past_due"
    | "canceled"
    | "unpaid"
    | (string & Record<never, never>);
  customer_id: string;
  product_id: string;
  cancel_at_period_end?: boolean;
  current_period_end?: string;
  canceled_at?: string | null;
  metadata?: Record<string, unknown>;
}

/** A customer (`Customer`). */
export interface PolarCustomer extends PolarResource {
  email: string;
  /** Your own id for the customer, when you set one. */
  external_id?: string | null;
  name?: string | null;
  metadata?: Record<string, unknown>;
}

/** The Polar event types listed, each with its `data`. */
export type PolarEventData = {
  "order.paid": PolarOrder;
  "subscription.created": PolarSubscription;
  "subscription.canceled": PolarSubscription;
  "customer.created": PolarCustomer;
};

/** Polar's events: the listed types, and any other type with the envelope. */
export type PolarEvents = {
  [Type in keyof PolarEventData & string]: PolarEvent<Type, PolarEventData[Type]>;
} & { [type: string]: PolarEvent<string, Record<string, unknown>> };

const resource = { id: v.string(), created_at: v.string(), modified_at: v.nullable(v.string()) };

const subscription = shape<PolarSubscription>({
  ...resource,
  status: openString<
    "incomplete" | "incomplete_expired" | "trialing" | "active" | "past_due" | "canceled" | "unpaid"
  >(),
  customer_id: v.string(),
  product_id: v.string(),
  cancel_at_period_end: v.optional(v.boolean()),
  current_period_end: v.optional(v.string()),
  canceled_at: v.nullish(v.string()),
  metadata: v.optional(jsonObject),
});

/** `{ type, timestamp, data }` around one event type's data. */
function polarEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, PolarEvent<Type, Data>> {
  return v.looseObject({ type: v.literal(type), timestamp: v.string(), data }) as v.GenericSchema<
    unknown,
    PolarEvent<Type, Data>
  >;
}

/**
 * The runtime schemas of the listed Polar events (Standard Schema v1).
 *
 * @example
 * const result = await polarCatalogue["order.paid"]["~standard"].validate(body);
 */
export const polarCatalogue: EventCatalogue<PolarEvents> = catalogue<PolarEvents, PolarEventData>(
  polarEvent,
  {
    "order.paid": shape<PolarOrder>({
      ...resource,
      status: openString<"pending" | "paid" | "refunded" | "partially_refunded">(),
      customer_id: v.string(),
      paid: v.optional(v.boolean()),
      total_amount: v.optional(v.number()),
      currency: v.optional(v.string()),
      product_id: v.nullish(v.string()),
      subscription_id: v.nullish(v.string()),
      billing_reason: v.optional(v.string()),
      metadata: v.optional(jsonObject),
    }),
    "subscription.created": subscription,
    "subscription.canceled": subscription,
    "customer.created": shape<PolarCustomer>({
      ...resource,
      email: v.string(),
      external_id: v.nullish(v.string()),
      name: v.nullish(v.string()),
      metadata: v.optional(jsonObject),
    }),
  },
);
