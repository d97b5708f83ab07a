/**
 * Lemon Squeezy's event catalogue: `{ meta, data }`, `data` the JSON:API resource the event is about (an order,
 * a subscription) and `meta.event_name` its type.
 *
 * Source: docs.lemonsqueezy.com/help/webhooks/webhook-requests (the body, `meta`, `custom_data`),
 * `/api/orders` and `/api/subscriptions` (the objects); `@lemonsqueezy/lemonsqueezy.js` 4.0.0 `dist/index.d.ts`
 * (`Events`, `Order`, `Subscription`).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** `meta` of every delivery. */
export interface LemonSqueezyMeta<Type extends string = string> {
  event_name: Type;
  test_mode: boolean;
  /** A UUID Lemon Squeezy does not document; not used as the event id. */
  webhook_id?: string;
  /** The checkout's custom data, on order, subscription and license key events when the checkout had some. */
  custom_data?: Record<string, unknown>;
}

/** Every Lemon Squeezy event. */
export interface LemonSqueezyEvent<Type extends string, Data> {
  meta: LemonSqueezyMeta<Type>;
  data: Data;
}

/** A JSON:API resource: `{ type, id, attributes, relationships?, links? }`. */
export interface LemonSqueezyResource<Kind extends string, Attributes> {
  type: Kind;
  /** The resource's id, as text: shared by every event about it. */
  id: string;
  attributes: Attributes;
  relationships?: Record<string, unknown>;
  links?: Record<string, unknown>;
}

/** An order's attributes (`Order`). */
export interface LemonSqueezyOrder {
  store_id: number;
  customer_id: number;
  /** A UUID. */
  identifier: string;
  order_number: number;
  user_name: string;
  user_email: string;
  currency: string;
  /** Cents. */
  total: number;
  status:
    | "pending"
    | "failed"
    | "paid"
    | "refunded"
    | "partial_refund"
    | "fraudulent"
    | (string & Record<never, never>);
  test_mode: boolean;
  created_at: string;
  updated_at: string;
}

/** A subscription's attributes (`Subscription`). */
export interface LemonSqueezySubscription {
  store_id: number;
  customer_id: number;
  order_id: number;
  product_id: number;
  variant_id: number;
  user_name: string;
  user_email: string;
  status:
    | "on_trial"
    | "active"
    | "paused"
    | "past_due"
    | "unpaid"
    | "cancelled"
    | "expired"
    | (string & Record<never, never>);
  cancelled: boolean;
  renews_at: string | null;
  ends_at: string | null;
  trial_ends_at: string | null;
  test_mode: boolean;
  created_at: string;
  updated_at: string;
}

/** An order resource. */
export type LemonSqueezyOrderResource = LemonSqueezyResource<"orders", LemonSqueezyOrder>;

/** A subscription resource. */
export type LemonSqueezySubscriptionResource = LemonSqueezyResource<
  "subscriptions",
  LemonSqueezySubscription
>;

/** The Lemon Squeezy event types listed, each with its `data`. */
export type LemonSqueezyEventData = {
  order_created: LemonSqueezyOrderResource;
  subscription_created: LemonSqueezySubscriptionResource;
  subscription_updated: LemonSqueezySubscriptionResource;
  subscription_cancelled: LemonSqueezySubscriptionResource;
};

/** Lemon Squeezy's events: the listed types, and any other with the envelope. */
export type LemonSqueezyEvents = {
  [Type in keyof LemonSqueezyEventData & string]: LemonSqueezyEvent<Type, LemonSqueezyEventData[Type]>;
} & { [type: string]: LemonSqueezyEvent<string, LemonSqueezyResource<string, Record<string, unknown>>> };

/** A JSON:API resource of one kind. */
function resource<Kind extends string, Attributes>(
  kind: Kind,
  attributes: v.GenericSchema<unknown, Attributes>,
): v.GenericSchema<unknown, LemonSqueezyResource<Kind, Attributes>> {
  return v.looseObject({
    type: v.literal(kind),
    id: v.string(),
    attributes,
    relationships: v.optional(jsonObject),
    links: v.optional(jsonObject),
  }) as v.GenericSchema<unknown, LemonSqueezyResource<Kind, Attributes>>;
}

const subscription = resource(
  "subscriptions",
  shape<LemonSqueezySubscription>({
    store_id: v.number(),
    customer_id: v.number(),
    order_id: v.number(),
    product_id: v.number(),
    variant_id: v.number(),
    user_name: v.string(),
    user_email: v.string(),
    status: openString<"on_trial" | "active" | "paused" | "past_due" | "unpaid" | "cancelled" | "expired">(),
    cancelled: v.boolean(),
    renews_at: v.nullable(v.string()),
    ends_at: v.nullable(v.string()),
    trial_ends_at: v.nullable(v.string()),
    test_mode: v.boolean(),
    created_at: v.string(),
    updated_at: v.string(),
  }),
);

/** `{ meta, data }` around one event type's resource. */
function lemonSqueezyEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, LemonSqueezyEvent<Type, Data>> {
  return v.looseObject({
    meta: v.looseObject({
      event_name: v.literal(type),
      test_mode: v.boolean(),
      webhook_id: v.optional(v.string()),
      custom_data: v.optional(jsonObject),
    }),
    data,
  }) as v.GenericSchema<unknown, LemonSqueezyEvent<Type, Data>>;
}

/**
 * The runtime schemas of the listed Lemon Squeezy events (Standard Schema v1).
 *
 * @example
 * const result = await lemonSqueezyCatalogue.order_created["~standard"].validate(body);
 */
export const lemonSqueezyCatalogue: EventCatalogue<LemonSqueezyEvents> = catalogue<
  LemonSqueezyEvents,
  LemonSqueezyEventData
>(lemonSqueezyEvent, {
  order_created: resource(
    "orders",
    shape<LemonSqueezyOrder>({
      store_id: v.number(),
      customer_id: v.number(),
      identifier: v.string(),
      order_number: v.number(),
      user_name: v.string(),
      user_email: v.string(),
      currency: v.string(),
      total: v.number(),
      status: openString<"pending" | "failed" | "paid" | "refunded" | "partial_refund" | "fraudulent">(),
      test_mode: v.boolean(),
      created_at: v.string(),
      updated_at: v.string(),
    }),
  ),
  subscription_created: subscription,
  subscription_updated: subscription,
  subscription_cancelled: subscription,
});
