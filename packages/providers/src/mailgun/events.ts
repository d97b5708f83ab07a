/**
 * Mailgun's catalogue: one event per request, `{ "signature": {…}, "event-data": {…} }`, named by
 * `event-data.event` (`accepted`, `delivered`, `failed`, `opened`, `clicked`, `unsubscribed`, `complained`).
 * Mailgun's sender is closed source: the payloads follow the `DomainEvent` type of its official client and the
 * docs' examples, so only what every event shows is required, and Mailgun's added fields pass through.
 *
 * Sources: mailgun/mailgun.js 14.0.0 (commit 2fa8ffff) `lib/Types/Events/Events.ts` (`DomainEvent`),
 * `lib/Enums/index.ts` (`WebhooksIds`); documentation.mailgun.com/docs/mailgun/user-manual/events (the payloads).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** The signed block: `signature` is the hex HMAC-SHA256 of `timestamp + token`, and covers nothing else. */
export interface MailgunSignature {
  /** Unix seconds, as a string of digits. */
  timestamp: string;
  /** 50 random characters, unique per event and kept on retries: the event id. */
  token: string;
  signature: string;
  /** For a subaccount's domain: the same HMAC under the primary account's key. */
  "parent-signature"?: string;
}

/** The message an event is about (`DomainEvent.message`). */
export interface MailgunMessage {
  headers: {
    "message-id": string;
    from?: string;
    to?: string;
    subject?: string;
  };
  attachments?: unknown[];
  size?: number;
}

/** What every event carries (`DomainEvent`). Nothing here is signed. */
export interface MailgunEventBase<Type extends string> {
  event: Type;
  /** Mailgun's id of the event (not signed: never the dedupe id). */
  id: string;
  /** Unix seconds with a microsecond fraction: `1521472262.908181`. */
  timestamp: number;
  /** `info`, `warn` or `error`. */
  "log-level"?: string;
  recipient: string;
  "recipient-domain"?: string;
  message?: MailgunMessage;
  tags?: string[];
  /** The `v:` variables the message was sent with. */
  "user-variables"?: Record<string, unknown>;
  envelope?: Record<string, unknown>;
  flags?: Record<string, unknown>;
  storage?: { url: string; key: string };
  campaigns?: unknown[];
}

/** The SMTP exchange of a delivery or a failure. */
export interface MailgunDeliveryStatus {
  code?: number;
  message?: string;
  description?: string;
  "attempt-no"?: number;
  "session-seconds"?: number;
  tls?: boolean;
  "mx-host"?: string;
}

/** `accepted`: Mailgun took the message for delivery. */
export interface MailgunAccepted extends MailgunEventBase<"accepted"> {
  /** `inbound` or `outbound`. */
  method?: string;
}

/** `delivered`: the recipient's server accepted it. Never retried by Mailgun. */
export interface MailgunDelivered extends MailgunEventBase<"delivered"> {
  "delivery-status"?: MailgunDeliveryStatus;
}

/** `failed`: a permanent failure (a bounce, a suppression) or a temporary one Mailgun will retry. */
export interface MailgunFailed extends MailgunEventBase<"failed"> {
  severity: "permanent" | "temporary" | (string & Record<never, never>);
  /** `bounce`, `suppress-bounce`, `generic`, `espblock`… */
  reason?: string;
  "delivery-status"?: MailgunDeliveryStatus;
}

/** Where and with what an open, click or unsubscribe came. */
export interface MailgunEngagement<Type extends string> extends MailgunEventBase<Type> {
  ip?: string;
  geolocation?: Record<string, unknown>;
  "client-info"?: Record<string, unknown>;
}

/** `clicked`: a tracked link. */
export interface MailgunClicked extends MailgunEngagement<"clicked"> {
  url: string;
}

/** The event types and what each `event-data` carries. */
export type MailgunEventData = {
  accepted: MailgunAccepted;
  delivered: MailgunDelivered;
  failed: MailgunFailed;
  opened: MailgunEngagement<"opened">;
  clicked: MailgunClicked;
  unsubscribed: MailgunEngagement<"unsubscribed">;
  complained: MailgunEventBase<"complained">;
};

/** A delivery as Mailgun posts it: the signed block and the (unsigned) event. */
export interface MailgunWebhook<Data> {
  signature: MailgunSignature;
  "event-data": Data;
}

/** Mailgun's events: the listed types, and any other as Mailgun sent it. */
export type MailgunEvents = { [Type in keyof MailgunEventData]: MailgunWebhook<MailgunEventData[Type]> } & {
  [type: string]: MailgunWebhook<Record<string, unknown>>;
};

const signature = shape<MailgunSignature>({
  timestamp: v.string(),
  token: v.string(),
  signature: v.string(),
  "parent-signature": v.optional(v.string()),
});

const message = shape<MailgunMessage>({
  headers: v.looseObject({
    "message-id": v.string(),
    from: v.optional(v.string()),
    to: v.optional(v.string()),
    subject: v.optional(v.string()),
  }),
  attachments: v.optional(v.array(v.unknown())),
  size: v.optional(v.number()),
});

const deliveryStatus = shape<MailgunDeliveryStatus>({
  code: v.optional(v.number()),
  message: v.optional(v.string()),
  description: v.optional(v.string()),
  "attempt-no": v.optional(v.number()),
  "session-seconds": v.optional(v.number()),
  tls: v.optional(v.boolean()),
  "mx-host": v.optional(v.string()),
});

// `shape` cannot see that the literal of a generic type is not nullable; the envelope sets it anyway.
const event = v.string() as never;

const base = {
  event,
  id: v.string(),
  timestamp: v.number(),
  "log-level": v.optional(v.string()),
  recipient: v.string(),
  "recipient-domain": v.optional(v.string()),
  message: v.optional(message),
  tags: v.optional(v.array(v.string())),
  "user-variables": v.optional(jsonObject),
  envelope: v.optional(jsonObject),
  flags: v.optional(jsonObject),
  storage: v.optional(v.looseObject({ url: v.string(), key: v.string() })),
  campaigns: v.optional(v.array(v.unknown())),
};

const engagement = {
  ...base,
  ip: v.optional(v.string()),
  geolocation: v.optional(jsonObject),
  "client-info": v.optional(jsonObject),
};

/** Wraps `event-data` of one type in Mailgun's envelope, `event-data.event` its literal. */
function mailgunEvent(
  type: string,
  inner: v.GenericSchema<unknown, unknown>,
): v.GenericSchema<unknown, unknown> {
  return v.looseObject({
    signature,
    "event-data": v.looseObject({
      ...(inner as unknown as v.LooseObjectSchema<v.ObjectEntries, undefined>).entries,
      event: v.literal(type),
    }),
  });
}

/**
 * The runtime schemas of Mailgun's events (Standard Schema v1).
 *
 * @example
 * const result = await mailgunCatalogue.failed["~standard"].validate(body);
 */
export const mailgunCatalogue: EventCatalogue<MailgunEvents> = catalogue<MailgunEvents, MailgunEventData>(
  mailgunEvent,
  {
    accepted: shape<MailgunAccepted>({ ...base, method: v.optional(v.string()) }),
    delivered: shape<MailgunDelivered>({ ...base, "delivery-status": v.optional(deliveryStatus) }),
    failed: shape<MailgunFailed>({
      ...base,
      severity: openString<"permanent" | "temporary">(),
      reason: v.optional(v.string()),
      "delivery-status": v.optional(deliveryStatus),
    }),
    opened: shape<MailgunEngagement<"opened">>(engagement),
    clicked: shape<MailgunClicked>({ ...engagement, url: v.string() }),
    unsubscribed: shape<MailgunEngagement<"unsubscribed">>(engagement),
    complained: shape<MailgunEventBase<"complained">>(base),
  },
);
