/**
 * Intercom's event catalogue: the notification object `{ type: "notification_event", id, topic, app_id, data: {
 * item }, created_at, … }`, `data.item` the contact, conversation… the topic is about.
 *
 * Source: developers.intercom.com/docs/references/webhooks/webhook-models ("Webhook Notification object") and
 * the topic reference (each topic's `item` type).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, shape } from "../kit/shape.js";

/** The object a notification is about: `{ type, id, … }`, typed at its kind and id. */
export interface IntercomItem {
  /** `contact`, `conversation`, `ping`… */
  type: string;
  id?: string;
}

/** Every Intercom notification. */
export interface IntercomEvent<Topic extends string, Item> {
  type: "notification_event";
  /** `notif_…`: the notification's id, the same on every attempt (signed): the dedupe key. */
  id: string;
  topic: Topic;
  app_id: string;
  data: { type?: string; item: Item };
  /** When the notification was created, unix seconds. */
  created_at: number;
  /** Per attempt; differs between retries of one notification. */
  delivery_attempts?: number;
  delivery_status?: string | null;
  delivered_at?: number;
  first_sent_at?: number;
  links?: Record<string, unknown>;
  self?: string | null;
}

/** The Intercom topics listed, each with its `data.item`. */
export type IntercomEventData = {
  ping: IntercomItem;
  "contact.user.created": IntercomItem;
  "conversation.user.created": IntercomItem;
  "conversation.admin.replied": IntercomItem;
};

/** Intercom's events: the listed topics, and any other with the notification's shape. */
export type IntercomEvents = {
  [Topic in keyof IntercomEventData & string]: IntercomEvent<Topic, IntercomEventData[Topic]>;
} & { [topic: string]: IntercomEvent<string, Record<string, unknown>> };

const item = shape<IntercomItem>({ type: v.string(), id: v.optional(v.string()) });

/** The notification around one topic's item. */
function intercomEvent<Topic extends string, Item>(
  topic: Topic,
  itemSchema: v.GenericSchema<unknown, Item>,
): v.GenericSchema<unknown, IntercomEvent<Topic, Item>> {
  return v.looseObject({
    type: v.literal("notification_event"),
    id: v.string(),
    topic: v.literal(topic),
    app_id: v.string(),
    data: v.looseObject({ type: v.optional(v.string()), item: itemSchema }),
    created_at: v.number(),
    delivery_attempts: v.optional(v.number()),
    delivery_status: v.nullish(v.string()),
    delivered_at: v.optional(v.number()),
    first_sent_at: v.optional(v.number()),
    links: v.optional(jsonObject),
    self: v.nullish(v.string()),
  }) as v.GenericSchema<unknown, IntercomEvent<Topic, Item>>;
}

/**
 * The runtime schemas of the listed Intercom topics (Standard Schema v1).
 *
 * @example
 * const result = await intercomCatalogue["contact.user.created"]["~standard"].validate(body);
 */
export const intercomCatalogue: EventCatalogue<IntercomEvents> = catalogue<IntercomEvents, IntercomEventData>(
  intercomEvent,
  {
    ping: item,
    "contact.user.created": item,
    "conversation.user.created": item,
    "conversation.admin.replied": item,
  },
);
