/**
 * SendGrid's Event Webhook: a delivery is a JSON array of events, each an object naming its kind in `event`,
 * with the sender's custom arguments flattened into it (unknown keys pass through).
 *
 * Sources: twilio.com/docs/sendgrid/for-developers/tracking-events/event (the event reference: common fields,
 * each event's fields and example); sendgrid/sendgrid-nodejs @ 498e2329 `packages/eventwebhook/src/eventwebhook.spec.js`
 * (real bodies: `sg_message_id` absent on some events, `category` a string or a list).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { openString, shape } from "../kit/shape.js";

/** What every event carries (the event reference's common fields). */
export interface SendGridEventBase<Type extends string> {
  /** The recipient. */
  email: string;
  /** When the event happened, unix seconds. */
  timestamp: number;
  event: Type;
  /** Unique per event (base64url, up to 100 characters; older events padded base64): the dedupe id. */
  sg_event_id: string;
  /** The message; absent on some events (an asynchronous bounce). */
  sg_message_id?: string;
  "smtp-id"?: string;
  /** One category or several, as the message was sent. */
  category?: string | string[];
  marketing_campaign_id?: number | string;
  marketing_campaign_name?: string;
  /** The unsubscribe group of the message. */
  asm_group_id?: number;
}

/** `processed`: accepted for delivery. */
export interface SendGridProcessed extends SendGridEventBase<"processed"> {
  /** The IP pool it was sent from. */
  pool?: { name?: string; id?: number };
  /** The scheduled send time, unix seconds (0: now). */
  send_at?: number;
}

/** `deferred`: the receiving server asked to try again later. */
export interface SendGridDeferred extends SendGridEventBase<"deferred"> {
  response?: string;
  /** The number of attempts so far, as a string. */
  attempt?: string;
}

/** `delivered`: accepted by the receiving server. */
export interface SendGridDelivered extends SendGridEventBase<"delivered"> {
  /** The receiving server's answer. */
  response?: string;
  ip?: string;
  /** 1 when the connection used TLS. */
  tls?: number;
  cert_err?: number;
}

/** `bounce`: refused by the receiving server (`type: "blocked"` for a temporary block). */
export interface SendGridBounce extends SendGridEventBase<"bounce"> {
  reason?: string;
  status?: string;
  /** `bounce` or `blocked`. */
  type?: "bounce" | "blocked" | (string & Record<never, never>);
  bounce_classification?: string;
  ip?: string;
  tls?: number;
}

/** `dropped`: not sent (a suppressed address, invalid content…). */
export interface SendGridDropped extends SendGridEventBase<"dropped"> {
  reason?: string;
  status?: string;
}

/** `open`: the message was opened (or prefetched: `sg_machine_open`). */
export interface SendGridOpen extends SendGridEventBase<"open"> {
  useragent?: string;
  ip?: string;
  /** `true` when a mail client opened it by itself (Apple Mail Privacy Protection). */
  sg_machine_open?: boolean;
}

/** `click`: a link was clicked. */
export interface SendGridClick extends SendGridEventBase<"click"> {
  url: string;
  /** Which link of the message, and in which part. */
  url_offset?: { index?: number; type?: string };
  useragent?: string;
  ip?: string;
}

/** `spamreport` and `unsubscribe`: the common fields only. */
export type SendGridSpamReport = SendGridEventBase<"spamreport">;
export type SendGridUnsubscribe = SendGridEventBase<"unsubscribe">;

/** `group_unsubscribe` / `group_resubscribe`: the recipient left or rejoined an unsubscribe group. */
export interface SendGridGroupChange<Type extends "group_unsubscribe" | "group_resubscribe">
  extends SendGridEventBase<Type> {
  asm_group_id: number;
  useragent?: string;
  ip?: string;
}

const category = v.optional(v.union([v.string(), v.array(v.string())]));

function base<Type extends string>(type: Type) {
  return {
    email: v.string(),
    timestamp: v.number(),
    event: v.literal(type) as v.GenericSchema<unknown, Type>,
    sg_event_id: v.string(),
    sg_message_id: v.optional(v.string()),
    "smtp-id": v.optional(v.string()),
    category,
    marketing_campaign_id: v.optional(v.union([v.number(), v.string()])),
    marketing_campaign_name: v.optional(v.string()),
    asm_group_id: v.optional(v.number()),
  };
}

const seen = { useragent: v.optional(v.string()), ip: v.optional(v.string()) };

/** Each event type SendGrid documents, and what it carries. */
export type SendGridEventData = {
  processed: SendGridProcessed;
  deferred: SendGridDeferred;
  delivered: SendGridDelivered;
  bounce: SendGridBounce;
  dropped: SendGridDropped;
  open: SendGridOpen;
  click: SendGridClick;
  spamreport: SendGridSpamReport;
  unsubscribe: SendGridUnsubscribe;
  group_unsubscribe: SendGridGroupChange<"group_unsubscribe">;
  group_resubscribe: SendGridGroupChange<"group_resubscribe">;
};

/** SendGrid's events: those above, and an event SendGrid adds later unvalidated. */
export type SendGridEvents = { [Type in keyof SendGridEventData]: SendGridEventData[Type] } & {
  [type: string]: unknown;
};

/** Each event is the whole item of the delivery's array. */
function sendGridEvent<Data>(
  _type: string,
  item: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, Data> {
  return item;
}

/**
 * The runtime schemas of SendGrid's events (Standard Schema v1), one per item of a delivery.
 *
 * @example
 * const result = await sendgridCatalogue.delivered["~standard"].validate(events[0]);
 */
export const sendgridCatalogue: EventCatalogue<SendGridEvents> = catalogue<SendGridEvents, SendGridEventData>(
  sendGridEvent,
  {
    processed: shape<SendGridProcessed>({
      ...base("processed"),
      pool: v.optional(
        shape<{ name?: string; id?: number }>({ name: v.optional(v.string()), id: v.optional(v.number()) }),
      ),
      send_at: v.optional(v.number()),
    }),
    deferred: shape<SendGridDeferred>({
      ...base("deferred"),
      response: v.optional(v.string()),
      attempt: v.optional(v.string()),
    }),
    delivered: shape<SendGridDelivered>({
      ...base("delivered"),
      response: v.optional(v.string()),
      ip: v.optional(v.string()),
      tls: v.optional(v.number()),
      cert_err: v.optional(v.number()),
    }),
    bounce: shape<SendGridBounce>({
      ...base("bounce"),
      reason: v.optional(v.string()),
      status: v.optional(v.string()),
      type: v.optional(openString<"bounce" | "blocked">()),
      bounce_classification: v.optional(v.string()),
      ip: v.optional(v.string()),
      tls: v.optional(v.number()),
    }),
    dropped: shape<SendGridDropped>({
      ...base("dropped"),
      reason: v.optional(v.string()),
      status: v.optional(v.string()),
    }),
    open: shape<SendGridOpen>({ ...base("open"), ...seen, sg_machine_open: v.optional(v.boolean()) }),
    click: shape<SendGridClick>({
      ...base("click"),
      ...seen,
      url: v.string(),
      url_offset: v.optional(
        shape<{ index?: number; type?: string }>({
          index: v.optional(v.number()),
          type: v.optional(v.string()),
        }),
      ),
    }),
    spamreport: shape<SendGridSpamReport>(base("spamreport")),
    unsubscribe: shape<SendGridUnsubscribe>(base("unsubscribe")),
    group_unsubscribe: shape<SendGridGroupChange<"group_unsubscribe">>({
      ...base("group_unsubscribe"),
      ...seen,
      asm_group_id: v.number(),
    }),
    group_resubscribe: shape<SendGridGroupChange<"group_resubscribe">>({
      ...base("group_resubscribe"),
      ...seen,
      asm_group_id: v.number(),
    }),
  },
);
