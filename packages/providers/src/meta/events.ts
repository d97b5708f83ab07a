/**
 * Meta's catalogue: one event per `entry[].changes[]` item (WhatsApp Cloud API, Graph fields) or
 * `entry[].messaging[]` item (Messenger, Instagram messaging), each as `{ object, entryId, time?, field, value }`.
 * Types follow Meta's webhook references (developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples,
 * developers.facebook.com/docs/messenger-platform/reference/webhook-events); Meta changes these shapes often, so the
 * schemas check the fields a handler routes on and let the rest through.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue, type Envelope } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** One event of a Meta delivery: a `changes[]` or `messaging[]` item with its entry's object, id and time. */
export interface MetaEvent<Field extends string, Value> {
  /** The delivery's `object`: `whatsapp_business_account`, `page`, `instagram`… */
  object: string;
  /** Its entry's `id`: the WhatsApp Business Account, Page or Instagram account. */
  entryId: string;
  /** Its entry's `time`: unix seconds (Graph), milliseconds (Messenger); absent on WhatsApp entries. */
  time?: number;
  /** The change's `field`, or `messaging` for a Messenger/Instagram messaging item. */
  field: Field;
  /** The change's `value`, or the messaging item itself. */
  value: Value;
}

/** A WhatsApp inbound message (`value.messages[]`). */
export interface WhatsAppMessage {
  /** The sender's WhatsApp number. */
  from: string;
  /** `wamid.…`: unique per message, the dedupe id when a change carries one message. */
  id: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  type:
    | "text"
    | "image"
    | "audio"
    | "video"
    | "document"
    | "sticker"
    | "location"
    | "contacts"
    | "interactive"
    | "button"
    | "reaction"
    | "order"
    | "system"
    | "unsupported"
    | (string & Record<never, never>);
  text?: { body: string };
  /** The message this one replies to, and other context. */
  context?: Record<string, unknown>;
}

/** A WhatsApp status of a message the business sent (`value.statuses[]`). */
export interface WhatsAppStatus {
  /** The `wamid.…` of the message it is about: one message gets `sent`, `delivered`, `read` statuses. */
  id: string;
  status: "sent" | "delivered" | "read" | "failed" | "deleted" | (string & Record<never, never>);
  /** Unix seconds, as a string. */
  timestamp: string;
  recipient_id: string;
  conversation?: Record<string, unknown>;
  pricing?: Record<string, unknown>;
  errors?: Record<string, unknown>[];
}

/** The `value` of a WhatsApp `messages` change: inbound messages and/or statuses of outbound ones. */
export interface WhatsAppMessagesValue {
  messaging_product: "whatsapp" | (string & Record<never, never>);
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: { wa_id: string; profile?: { name?: string } }[];
  messages?: WhatsAppMessage[];
  statuses?: WhatsAppStatus[];
  errors?: Record<string, unknown>[];
}

/** A Messenger message (`messaging[].message`). */
export interface MessengerMessage {
  /** Unique per message: the dedupe id. */
  mid: string;
  text?: string;
  /** `true` when it is the Page's own message echoed back. */
  is_echo?: boolean;
  attachments?: Record<string, unknown>[];
  quick_reply?: { payload: string };
  reply_to?: { mid: string };
}

/** One Messenger or Instagram messaging item: a message, postback, delivery, read, reaction… */
export interface MessengerMessaging {
  /** The person (PSID / IGSID), or the Page for echoes. */
  sender: { id: string };
  recipient: { id: string };
  /** Milliseconds since the epoch. */
  timestamp: number;
  message?: MessengerMessage;
  postback?: { title?: string; payload?: string; mid?: string };
  delivery?: Record<string, unknown>;
  read?: Record<string, unknown>;
  reaction?: Record<string, unknown>;
}

/** Meta's listed events: `<object>.<field>`, `whatsapp` standing for `whatsapp_business_account`. */
export type MetaEventData = {
  "whatsapp.messages": WhatsAppMessagesValue;
  "page.messaging": MessengerMessaging;
  "instagram.messaging": MessengerMessaging;
};

/** Meta's events: event type → one item of a delivery. */
export type MetaEvents = {
  [Type in keyof MetaEventData & string]: MetaEvent<
    Type extends `${string}.${infer Field}` ? Field : string,
    MetaEventData[Type]
  >;
};

const text = v.string();
const record = jsonObject;
/** Unix seconds as a string of digits, as WhatsApp sends them (`maxAge` reads them). */
const seconds = v.pipe(v.string(), v.regex(/^\d{1,12}$/));

const whatsappMessage = shape<WhatsAppMessage>({
  from: text,
  id: text,
  timestamp: seconds,
  type: openString<WhatsAppMessage["type"] & string>(),
  text: v.optional(v.looseObject({ body: text })),
  context: v.optional(record),
});

const whatsappStatus = shape<WhatsAppStatus>({
  id: text,
  status: openString<"sent" | "delivered" | "read" | "failed" | "deleted">(),
  timestamp: seconds,
  recipient_id: text,
  conversation: v.optional(record),
  pricing: v.optional(record),
  errors: v.optional(v.array(record)),
});

const whatsappMessages = shape<WhatsAppMessagesValue>({
  messaging_product: openString<"whatsapp">(),
  metadata: v.looseObject({ display_phone_number: text, phone_number_id: text }),
  contacts: v.optional(
    v.array(v.looseObject({ wa_id: text, profile: v.optional(v.looseObject({ name: v.optional(text) })) })),
  ),
  messages: v.optional(v.array(whatsappMessage)),
  statuses: v.optional(v.array(whatsappStatus)),
  errors: v.optional(v.array(record)),
});

const messaging = shape<MessengerMessaging>({
  sender: v.looseObject({ id: text }),
  recipient: v.looseObject({ id: text }),
  timestamp: v.number(),
  message: v.optional(
    shape<MessengerMessage>({
      mid: text,
      text: v.optional(text),
      is_echo: v.optional(v.boolean()),
      attachments: v.optional(v.array(record)),
      quick_reply: v.optional(v.looseObject({ payload: text })),
      reply_to: v.optional(v.looseObject({ mid: text })),
    }),
  ),
  postback: v.optional(
    v.looseObject({ title: v.optional(text), payload: v.optional(text), mid: v.optional(text) }),
  ),
  delivery: v.optional(record),
  read: v.optional(record),
  reaction: v.optional(record),
});

/** `{ object, entryId, time?, field, value }`, the field literal taken from the type after its first dot. */
const metaEvent: Envelope = (type, inner) =>
  v.looseObject({
    object: v.string(),
    entryId: v.string(),
    time: v.optional(v.number()),
    field: v.literal(type.slice(type.indexOf(".") + 1)),
    value: inner,
  });

/**
 * The runtime schemas of Meta's listed events (Standard Schema v1).
 *
 * @example
 * const result = await metaCatalogue["whatsapp.messages"]["~standard"].validate(item);
 */
export const metaCatalogue: EventCatalogue<MetaEvents> = catalogue<MetaEvents, MetaEventData>(metaEvent, {
  "whatsapp.messages": whatsappMessages,
  "page.messaging": messaging,
  "instagram.messaging": messaging,
});
