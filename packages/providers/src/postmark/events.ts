/**
 * Postmark's catalogue: one event per request, named by `RecordType` (`Delivery`, `Bounce`, `SpamComplaint`,
 * `Open`, `Click`, `SubscriptionChange`); an inbound email has no `RecordType` and routes as `Inbound`.
 * Postmark's sender is closed source: the payloads follow the types of its official client and its docs,
 * so only what those always show is required, and Postmark's added fields pass through.
 *
 * Sources: npm `postmark` 5.1.0 (ActiveCampaign/postmark.js) `dist/client/models/webhooks/payload/
 * {Delivery,Bounce,SpamComplaint,Open,Click,SubscriptionChange,Inbound}Webhook.d.ts`; postmarkapp.com/developer/webhooks/*
 * (the example payloads the fixtures copy).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** What every outbound-message event carries. */
export interface PostmarkMessageEvent<Type extends string> {
  RecordType: Type;
  /** The stream the message went through: `outbound`, `broadcast`… */
  MessageStream: string;
  /** The **email's** id, shared by all its events (Delivery, Open, Click…): never an event id. */
  MessageID: string;
  /** The metadata the message was sent with. */
  Metadata?: Record<string, unknown>;
  Tag?: string;
}

/** `Delivery` (`DeliveryWebhook`). */
export interface PostmarkDelivery extends PostmarkMessageEvent<"Delivery"> {
  ServerID: number;
  Recipient: string;
  /** ISO 8601, up to 7 fractional digits. */
  DeliveredAt: string;
  Details: string;
}

/** `Bounce` and `SpamComplaint` (`BounceWebhook`, `SpamComplaintWebhook`): a bounce record. */
export interface PostmarkBounce<Type extends "Bounce" | "SpamComplaint"> extends PostmarkMessageEvent<Type> {
  /** The bounce's id (a number). */
  ID: number;
  /** `HardBounce`, `SoftBounce`, `Transient`, `SpamComplaint`… */
  Type: string;
  TypeCode: number;
  Name?: string;
  ServerID?: number;
  Description?: string;
  Details?: string;
  Email: string;
  From?: string;
  /** ISO 8601. */
  BouncedAt: string;
  DumpAvailable?: boolean;
  Inactive?: boolean;
  CanActivate?: boolean;
  Subject?: string;
  /** The raw bounce, only with the trigger's `IncludeContent`. */
  Content?: string;
}

/** A user agent's parts, as Postmark resolves them. */
export interface PostmarkClient {
  Name?: string;
  Company?: string;
  Family?: string;
}

/** `Open` and `Click` (`OpenWebhook`, `ClickWebhook`): a tracked view or link. */
export interface PostmarkTracking<Type extends "Open" | "Click"> extends PostmarkMessageEvent<Type> {
  Recipient: string;
  /** ISO 8601. */
  ReceivedAt: string;
  Client?: PostmarkClient;
  OS?: PostmarkClient;
  Platform?: string;
  UserAgent?: string;
  Geo?: Record<string, unknown>;
}

/** `Open`. */
export interface PostmarkOpen extends PostmarkTracking<"Open"> {
  FirstOpen: boolean;
  ReadSeconds?: number;
}

/** `Click`. */
export interface PostmarkClick extends PostmarkTracking<"Click"> {
  /** `HTML` or `Text`. */
  ClickLocation?: "HTML" | "Text" | (string & Record<never, never>);
  OriginalLink: string;
}

/** `SubscriptionChange` (`SubscriptionChangeWebhook`): a recipient suppressed or reactivated. */
export interface PostmarkSubscriptionChange extends PostmarkMessageEvent<"SubscriptionChange"> {
  ServerID?: number;
  /** ISO 8601. */
  ChangedAt: string;
  Recipient: string;
  /** `Recipient`, `Customer` or `Admin`. */
  Origin?: string;
  SuppressSending: boolean;
  /** `HardBounce`, `SpamComplaint`, `ManualSuppression`; `null` when reactivated. */
  SuppressionReason?: string | null;
}

/** An address with its name. */
export interface PostmarkAddress {
  Email: string;
  Name?: string;
  MailboxHash?: string;
}

/** An inbound email (`InboundWebhook`): no `RecordType`. */
export interface PostmarkInbound {
  MessageStream?: string;
  MessageID: string;
  From: string;
  FromName?: string;
  FromFull?: PostmarkAddress;
  To: string;
  ToFull?: PostmarkAddress[];
  Cc?: string;
  CcFull?: PostmarkAddress[];
  Bcc?: string;
  BccFull?: PostmarkAddress[];
  OriginalRecipient?: string;
  ReplyTo?: string;
  Subject: string;
  /** The email's `Date` header, RFC 2822 text. */
  Date?: string;
  MailboxHash?: string;
  TextBody?: string;
  HtmlBody?: string;
  StrippedTextReply?: string;
  Tag?: string;
  Headers?: { Name: string; Value: string }[];
  /** Base64 `Content`: an inbound email can be many MB, raise `maxBodyBytes` for its endpoint. */
  Attachments?: Record<string, unknown>[];
}

/** The event types and what each carries. */
export type PostmarkEventData = {
  Delivery: PostmarkDelivery;
  Bounce: PostmarkBounce<"Bounce">;
  SpamComplaint: PostmarkBounce<"SpamComplaint">;
  Open: PostmarkOpen;
  Click: PostmarkClick;
  SubscriptionChange: PostmarkSubscriptionChange;
  Inbound: PostmarkInbound;
};

/** Postmark's events: the listed types, and any other as Postmark sent it. */
export type PostmarkEvents = PostmarkEventData & { [type: string]: Record<string, unknown> };

const base = {
  MessageStream: v.string(),
  MessageID: v.string(),
  Metadata: v.optional(jsonObject),
  Tag: v.optional(v.string()),
};

// `shape` cannot see that the literal of a generic type is not nullable; the envelope sets it anyway.
const recordType = v.string() as never;

const bounce = <Type extends "Bounce" | "SpamComplaint">() =>
  shape<PostmarkBounce<Type>>({
    ...base,
    RecordType: recordType,
    ID: v.number(),
    Type: v.string(),
    TypeCode: v.number(),
    Name: v.optional(v.string()),
    ServerID: v.optional(v.number()),
    Description: v.optional(v.string()),
    Details: v.optional(v.string()),
    Email: v.string(),
    From: v.optional(v.string()),
    BouncedAt: v.string(),
    DumpAvailable: v.optional(v.boolean()),
    Inactive: v.optional(v.boolean()),
    CanActivate: v.optional(v.boolean()),
    Subject: v.optional(v.string()),
    Content: v.optional(v.string()),
  });

const client = shape<PostmarkClient>({
  Name: v.optional(v.string()),
  Company: v.optional(v.string()),
  Family: v.optional(v.string()),
});

const tracking = {
  ...base,
  Recipient: v.string(),
  ReceivedAt: v.string(),
  Client: v.optional(client),
  OS: v.optional(client),
  Platform: v.optional(v.string()),
  UserAgent: v.optional(v.string()),
  Geo: v.optional(jsonObject),
};

const address = shape<PostmarkAddress>({
  Email: v.string(),
  Name: v.optional(v.string()),
  MailboxHash: v.optional(v.string()),
});

/** Adds `RecordType: <type>` to every event but `Inbound`, which has none. */
function postmarkEvent(
  type: string,
  inner: v.GenericSchema<unknown, unknown>,
): v.GenericSchema<unknown, unknown> {
  if (type === "Inbound") return inner;
  return v.looseObject({
    ...(inner as unknown as v.LooseObjectSchema<v.ObjectEntries, undefined>).entries,
    RecordType: v.literal(type),
  });
}

/**
 * The runtime schemas of Postmark's events (Standard Schema v1).
 *
 * @example
 * const result = await postmarkCatalogue.Bounce["~standard"].validate(body);
 */
export const postmarkCatalogue: EventCatalogue<PostmarkEvents> = catalogue<PostmarkEvents, PostmarkEventData>(
  postmarkEvent,
  {
    Delivery: shape<PostmarkDelivery>({
      ...base,
      RecordType: recordType,
      ServerID: v.number(),
      Recipient: v.string(),
      DeliveredAt: v.string(),
      Details: v.string(),
    }),
    Bounce: bounce<"Bounce">(),
    SpamComplaint: bounce<"SpamComplaint">(),
    Open: shape<PostmarkOpen>({
      ...tracking,
      RecordType: recordType,
      FirstOpen: v.boolean(),
      ReadSeconds: v.optional(v.number()),
    }),
    Click: shape<PostmarkClick>({
      ...tracking,
      RecordType: recordType,
      ClickLocation: v.optional(openString<"HTML" | "Text">()),
      OriginalLink: v.string(),
    }),
    SubscriptionChange: shape<PostmarkSubscriptionChange>({
      ...base,
      RecordType: recordType,
      ServerID: v.optional(v.number()),
      ChangedAt: v.string(),
      Recipient: v.string(),
      Origin: v.optional(v.string()),
      SuppressSending: v.boolean(),
      SuppressionReason: v.nullish(v.string()),
    }),
    Inbound: shape<PostmarkInbound>({
      MessageStream: v.optional(v.string()),
      MessageID: v.string(),
      From: v.string(),
      FromName: v.optional(v.string()),
      FromFull: v.optional(address),
      To: v.string(),
      ToFull: v.optional(v.array(address)),
      Cc: v.optional(v.string()),
      CcFull: v.optional(v.array(address)),
      Bcc: v.optional(v.string()),
      BccFull: v.optional(v.array(address)),
      OriginalRecipient: v.optional(v.string()),
      ReplyTo: v.optional(v.string()),
      Subject: v.string(),
      Date: v.optional(v.string()),
      MailboxHash: v.optional(v.string()),
      TextBody: v.optional(v.string()),
      HtmlBody: v.optional(v.string()),
      StrippedTextReply: v.optional(v.string()),
      Tag: v.optional(v.string()),
      Headers: v.optional(v.array(v.looseObject({ Name: v.string(), Value: v.string() }))),
      Attachments: v.optional(v.array(jsonObject)),
    }),
  },
);
