/**
 * Stripe's event catalogue, envelope-level for now: the Event object around `data.object`, checked for the
 * event types listed here; any other type passes unvalidated. Full Stripe types come later.
 *
 * Source: stripe-node 23.1.0 `esm/resources/Events.d.ts` (`EventBase`, `Event.Data`, `Event.Request`), and
 * Stripe's API reference, "The Event object".
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject } from "../kit/shape.js";

/** The API object an event is about (`Event.Data.Object`, an empty interface in stripe-node): untyped for now. */
export type StripeObject = Record<string, unknown>;

/**
 * Every Stripe event (`EventBase`). stripe-node types `object`, `created`, `api_version`, `livemode`,
 * `pending_webhooks` and `request` as always present; they are optional here, so an event built by hand in a
 * test, or rendered by an old API version, is not refused. Nothing here is stricter than stripe-node.
 */
export interface StripeEvent<Type extends string, Object = StripeObject> {
  /** `evt_…`: stable across retries, the dedupe key. */
  id: string;
  object?: "event";
  type: Type;
  /** When the event was created, unix **seconds**. */
  created?: number;
  data: {
    object: Object;
    /** On `*.updated` events: the changed attributes' previous values. */
    previous_attributes?: Record<string, unknown>;
  };
  /** The connected account the event comes from (Connect). */
  account?: string;
  /** The API version `data` is rendered in; `null` for events before 2014-10-31. */
  api_version?: string | null;
  context?: string;
  livemode?: boolean;
  pending_webhooks?: number;
  /** The API request that caused the event; `id` is `null` for automatic events. */
  request?: { id: string | null; idempotency_key?: string | null } | null;
}

/** The Stripe event types listed so far, each with its `data.object`: common ones, envelope-level. */
export type StripeEventData = {
  "payment_intent.succeeded": StripeObject;
  "checkout.session.completed": StripeObject;
  "customer.subscription.updated": StripeObject;
  "invoice.paid": StripeObject;
};

/** The listed types' events, as the runtime catalogue validates them: the envelope. */
export type StripeEnvelopeEvents = {
  [Type in keyof StripeEventData & string]: StripeEvent<Type, StripeEventData[Type]>;
} & { [type: string]: StripeEvent<string> };

// `EventBase`: `api_version` is `string | null`, `request` is `Event.Request | null` with both ids `string | null`.
const request = v.nullish(
  v.looseObject({ id: v.nullable(v.string()), idempotency_key: v.nullish(v.string()) }),
);

/** The Event object around one event type's `data.object`. */
function stripeEvent<Type extends string, Object>(
  type: Type,
  object: v.GenericSchema<unknown, Object>,
): v.GenericSchema<unknown, StripeEvent<Type, Object>> {
  return v.looseObject({
    id: v.string(),
    object: v.optional(v.literal("event")),
    type: v.literal(type),
    created: v.optional(v.number()),
    data: v.looseObject({ object, previous_attributes: v.optional(jsonObject) }),
    account: v.optional(v.string()),
    api_version: v.nullish(v.string()),
    context: v.optional(v.string()),
    livemode: v.optional(v.boolean()),
    pending_webhooks: v.optional(v.number()),
    request,
  }) as v.GenericSchema<unknown, StripeEvent<Type, Object>>;
}

/**
 * The runtime schemas of the listed Stripe events (Standard Schema v1).
 *
 * @example
 * const result = await stripeCatalogue["invoice.paid"]["~standard"].validate(body);
 */
export const stripeCatalogue: EventCatalogue<StripeEnvelopeEvents> = catalogue<
  StripeEnvelopeEvents,
  StripeEventData
>(stripeEvent, {
  "payment_intent.succeeded": jsonObject,
  "checkout.session.completed": jsonObject,
  "customer.subscription.updated": jsonObject,
  "invoice.paid": jsonObject,
});
