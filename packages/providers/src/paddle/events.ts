/**
 * Paddle Billing's event catalogue: the notification envelope, with `data` typed at the fields handlers key on,
 * in the snake_case the wire carries.
 *
 * Source: `@paddle/paddle-node-sdk` 3.10.0 `types/events/events-response.d.ts` (`IEventsResponse`),
 * `notifications/types/customer/customer-notification-response.d.ts`,
 * `notifications/types/subscription/subscription-notification-response.d.ts`,
 * `subscription-created-notification-response.d.ts`, `subscription-item-notification-response.d.ts`,
 * `notifications/types/transaction/transaction-notification-response.d.ts`, `enums/` (the status values).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** Every Paddle notification (`IEventsResponse`). */
export interface PaddleEvent<Type extends string, Data> {
  /** `evt_…`: the event, the same on every retry; the dedupe key. */
  event_id: string;
  event_type: Type;
  /** When the event happened, RFC 3339 with microseconds. */
  occurred_at: string;
  /** `ntf_…`: this event's delivery to one destination; `null` when not sent as a notification. */
  notification_id: string | null;
  data: Data;
}

/** `ITimePeriodNotification`: how often a subscription bills. */
export interface PaddleBillingCycle {
  interval: "day" | "week" | "month" | "year" | (string & Record<never, never>);
  frequency: number;
}

/** A customer (`ICustomerNotificationResponse`). */
export interface PaddleCustomer {
  /** `ctm_…`. */
  id: string;
  name?: string | null;
  email: string;
  marketing_consent: boolean;
  status: "active" | "archived" | (string & Record<never, never>);
  /** Your own key-value data, as you set it. */
  custom_data?: Record<string, unknown> | null;
  locale: string;
  created_at: string;
  updated_at: string;
  import_meta?: Record<string, unknown> | null;
}

/** One item of a subscription (`ISubscriptionItemNotificationResponse`). */
export interface PaddleSubscriptionItem {
  status: "active" | "inactive" | "trialing" | (string & Record<never, never>);
  quantity: number;
  recurring: boolean;
  created_at: string;
  updated_at: string;
  previously_billed_at?: string | null;
  next_billed_at?: string | null;
  trial_dates?: Record<string, unknown> | null;
  /** The price (`pri_…`) with its product id and billing cycle. */
  price?: Record<string, unknown> | null;
  product?: Record<string, unknown> | null;
}

/** A subscription (`ISubscriptionNotificationResponse`). */
export interface PaddleSubscription {
  /** `sub_…`. */
  id: string;
  status: "active" | "canceled" | "past_due" | "paused" | "trialing" | (string & Record<never, never>);
  customer_id: string;
  address_id: string;
  business_id?: string | null;
  /** ISO 4217, upper case. */
  currency_code: string;
  created_at: string;
  updated_at: string;
  started_at?: string | null;
  first_billed_at?: string | null;
  next_billed_at?: string | null;
  paused_at?: string | null;
  canceled_at?: string | null;
  discount?: Record<string, unknown> | null;
  collection_mode: "automatic" | "manual" | (string & Record<never, never>);
  billing_details?: Record<string, unknown> | null;
  /** `{ starts_at, ends_at }` of the period paid for. */
  current_billing_period?: { starts_at: string; ends_at: string } | null;
  billing_cycle: PaddleBillingCycle;
  /** A change Paddle applies at the end of the period (`{ action: "cancel" | "pause" | "resume", effective_at, … }`). */
  scheduled_change?: Record<string, unknown> | null;
  items: PaddleSubscriptionItem[];
  custom_data?: Record<string, unknown> | null;
  import_meta?: Record<string, unknown> | null;
}

/** `subscription.created` (`ISubscriptionCreatedNotificationResponse`): the transaction that created it, too. */
export interface PaddleCreatedSubscription extends PaddleSubscription {
  /** `txn_…`. */
  transaction_id: string;
}

/** A transaction (`ITransactionNotificationResponse`). */
export interface PaddleTransaction {
  /** `txn_…`. */
  id: string;
  status:
    | "draft"
    | "ready"
    | "billed"
    | "paid"
    | "completed"
    | "canceled"
    | "past_due"
    | (string & Record<never, never>);
  customer_id?: string | null;
  address_id?: string | null;
  business_id?: string | null;
  custom_data?: Record<string, unknown> | null;
  currency_code: string;
  /** `web`, `api`, `subscription_recurring`… */
  origin: string;
  subscription_id?: string | null;
  invoice_id?: string | null;
  invoice_number?: string | null;
  collection_mode: "automatic" | "manual" | (string & Record<never, never>);
  discount_id?: string | null;
  billing_details?: Record<string, unknown> | null;
  billing_period?: { starts_at: string; ends_at: string } | null;
  /** `{ price_id, price, quantity, proration }` per line. */
  items: Record<string, unknown>[];
  /** Totals, tax rates and line items, amounts as strings in the lowest denomination. */
  details?: Record<string, unknown> | null;
  /** Each payment attempt. */
  payments: Record<string, unknown>[];
  checkout?: { url?: string | null } | null;
  created_at: string;
  updated_at: string;
  billed_at?: string | null;
  revised_at?: string | null;
}

/** The Paddle event types listed, each with its `data`. */
export type PaddleEventData = {
  "customer.created": PaddleCustomer;
  "customer.updated": PaddleCustomer;
  "subscription.canceled": PaddleSubscription;
  "subscription.created": PaddleCreatedSubscription;
  "subscription.updated": PaddleSubscription;
  "transaction.completed": PaddleTransaction;
  "transaction.paid": PaddleTransaction;
};

/** Paddle's events: the listed types, and any other type with the envelope (the SDK's `GenericEvent`). */
export type PaddleEvents = {
  [Type in keyof PaddleEventData & string]: PaddleEvent<Type, PaddleEventData[Type]>;
} & { [type: string]: PaddleEvent<string, Record<string, unknown>> };

const nullishObject = v.nullish(jsonObject);
const period = v.nullish(v.looseObject({ starts_at: v.string(), ends_at: v.string() }));

const customer = shape<PaddleCustomer>({
  id: v.string(),
  name: v.nullish(v.string()),
  email: v.string(),
  marketing_consent: v.boolean(),
  status: openString<"active" | "archived">(),
  custom_data: nullishObject,
  locale: v.string(),
  created_at: v.string(),
  updated_at: v.string(),
  import_meta: nullishObject,
});

const item = shape<PaddleSubscriptionItem>({
  status: openString<"active" | "inactive" | "trialing">(),
  quantity: v.number(),
  recurring: v.boolean(),
  created_at: v.string(),
  updated_at: v.string(),
  previously_billed_at: v.nullish(v.string()),
  next_billed_at: v.nullish(v.string()),
  trial_dates: nullishObject,
  price: nullishObject,
  product: nullishObject,
});

const subscriptionFields = {
  id: v.string(),
  status: openString<"active" | "canceled" | "past_due" | "paused" | "trialing">(),
  customer_id: v.string(),
  address_id: v.string(),
  business_id: v.nullish(v.string()),
  currency_code: v.string(),
  created_at: v.string(),
  updated_at: v.string(),
  started_at: v.nullish(v.string()),
  first_billed_at: v.nullish(v.string()),
  next_billed_at: v.nullish(v.string()),
  paused_at: v.nullish(v.string()),
  canceled_at: v.nullish(v.string()),
  discount: nullishObject,
  collection_mode: openString<"automatic" | "manual">(),
  billing_details: nullishObject,
  current_billing_period: period,
  billing_cycle: shape<PaddleBillingCycle>({
    interval: openString<"day" | "week" | "month" | "year">(),
    frequency: v.number(),
  }),
  scheduled_change: nullishObject,
  items: v.array(item),
  custom_data: nullishObject,
  import_meta: nullishObject,
};
const subscription = shape<PaddleSubscription>(subscriptionFields);

const transaction = shape<PaddleTransaction>({
  id: v.string(),
  status: openString<"draft" | "ready" | "billed" | "paid" | "completed" | "canceled" | "past_due">(),
  customer_id: v.nullish(v.string()),
  address_id: v.nullish(v.string()),
  business_id: v.nullish(v.string()),
  custom_data: nullishObject,
  currency_code: v.string(),
  origin: v.string(),
  subscription_id: v.nullish(v.string()),
  invoice_id: v.nullish(v.string()),
  invoice_number: v.nullish(v.string()),
  collection_mode: openString<"automatic" | "manual">(),
  discount_id: v.nullish(v.string()),
  billing_details: nullishObject,
  billing_period: period,
  items: v.array(jsonObject),
  details: nullishObject,
  payments: v.array(jsonObject),
  checkout: v.nullish(v.looseObject({ url: v.nullish(v.string()) })),
  created_at: v.string(),
  updated_at: v.string(),
  billed_at: v.nullish(v.string()),
  revised_at: v.nullish(v.string()),
});

/** The notification envelope around one event type's `data`. */
function paddleEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, PaddleEvent<Type, Data>> {
  return v.looseObject({
    event_id: v.string(),
    event_type: v.literal(type),
    // The event's time for `maxAge`: a value that does not parse would switch the check off.
    occurred_at: isoDate,
    notification_id: v.nullable(v.string()),
    data,
  }) as v.GenericSchema<unknown, PaddleEvent<Type, Data>>;
}

/**
 * The runtime schemas of the listed Paddle events (Standard Schema v1).
 *
 * @example
 * const result = await paddleCatalogue["transaction.completed"]["~standard"].validate(body);
 */
export const paddleCatalogue: EventCatalogue<PaddleEvents> = catalogue<PaddleEvents, PaddleEventData>(
  paddleEvent,
  {
    "customer.created": customer,
    "customer.updated": customer,
    "subscription.canceled": subscription,
    "subscription.created": shape<PaddleCreatedSubscription>({
      ...subscriptionFields,
      transaction_id: v.string(),
    }),
    "subscription.updated": subscription,
    "transaction.completed": transaction,
    "transaction.paid": transaction,
  },
);
