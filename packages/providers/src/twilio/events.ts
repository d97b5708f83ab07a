/**
 * Twilio's catalogue: the form parameters of Messaging and Voice callbacks, routed by the SID they carry
 * and their status (`message.delivered`, `call.completed`; an inbound message is `message.received`, its
 * `SmsStatus`). Every value arrives as form text, so every field is a string. Twilio adds parameters
 * without notice ("Webhook parameters can change"), so unknown ones pass through.
 *
 * Sources: twilio.com/docs/messaging/guides/webhook-request (an inbound message's parameters),
 * twilio.com/docs/messaging/guides/track-outbound-message-status (`MessageStatus`, `ErrorCode`),
 * twilio.com/docs/voice/twiml#request-parameters (a call's parameters),
 * twilio.com/docs/voice/api/call-resource#statuscallback (`CallDuration`, `Timestamp`, `SequenceNumber`).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { openString, shape } from "../kit/shape.js";

/** What every Messaging request carries. */
export interface TwilioMessageBase {
  /** `SM…` (SMS) or `MM…` (MMS): the message, the same in each of its status callbacks. */
  MessageSid: string;
  /** `AC…`: the account. */
  AccountSid: string;
  /** `MG…`, when the message went through a Messaging Service. */
  MessagingServiceSid?: string;
  /** E.164 number, `whatsapp:+…`, or a channel address. */
  From: string;
  To: string;
  /** `2010-04-01`. */
  ApiVersion: string;
  /** Deprecated copy of `MessageSid`. */
  SmsSid?: string;
}

/** An inbound message (`message.received`): Twilio's request to the number's messaging webhook. */
export interface TwilioMessageReceived extends TwilioMessageBase {
  /** Deprecated copy of `MessageSid`. */
  SmsMessageSid?: string;
  SmsStatus: "received";
  /** The text, up to 1,600 characters. */
  Body: string;
  /** How many media items (`MediaUrl0`, `MediaContentType0`…) follow, as text: `"0"`. */
  NumMedia: string;
  /** How many segments the message had, as text. */
  NumSegments?: string;
}

/** A status callback of an outbound message (`message.<MessageStatus>`). */
export interface TwilioMessageStatus<Status extends string> extends TwilioMessageBase {
  MessageStatus: Status;
  /** The deprecated copy of `MessageStatus`. */
  SmsStatus?: string;
  /** A Twilio error code (`30003`), for `failed` and `undelivered`. */
  ErrorCode?: string;
  /** The carrier's delivery receipt time, `YYMMDDhhmm`, on `delivered` and `undelivered` SMS. */
  RawDlrDoneDate?: string;
}

/** What every Voice request carries (`call.<CallStatus>`). */
export interface TwilioCall<Status extends string> {
  /** `CA…`: the call, the same in each of its callbacks. */
  CallSid: string;
  AccountSid: string;
  From: string;
  To: string;
  CallStatus: Status;
  ApiVersion: string;
  /** `inbound`, `outbound-api` or `outbound-dial`. */
  Direction: "inbound" | "outbound-api" | "outbound-dial" | (string & Record<never, never>);
  ForwardedFrom?: string;
  /** CNAM lookup, when enabled. */
  CallerName?: string;
  /** `CA…` of the call that created this one (a `<Dial>` leg). */
  ParentCallSid?: string;
  /** The token to forward this call, on inbound calls. */
  CallToken?: string;
}

/** A call's status callback: what {@link TwilioCall} has, and where in the call's life it was sent. */
export interface TwilioCallStatus<Status extends string> extends TwilioCall<Status> {
  /** Seconds, on `completed`. */
  CallDuration?: string;
  /** When Twilio sent it, RFC 2822: `Thu, 20 Aug 2026 14:03:21 +0000`. */
  Timestamp?: string;
  /** `call-progress-events`. */
  CallbackSource?: string;
  /** Orders the callbacks of one call: `"0"`, `"1"`… */
  SequenceNumber?: string;
}

/** The listed event types and what each carries. */
export type TwilioEventData = {
  "message.received": TwilioMessageReceived;
  "message.sent": TwilioMessageStatus<"sent">;
  "message.delivered": TwilioMessageStatus<"delivered">;
  "message.undelivered": TwilioMessageStatus<"undelivered">;
  "message.failed": TwilioMessageStatus<"failed">;
  "call.ringing": TwilioCall<"ringing">;
  "call.completed": TwilioCallStatus<"completed">;
};

/** Twilio's events: the listed types, and any other (a recording's, an unlisted status) as Twilio sent it. */
export type TwilioEvents = TwilioEventData & { [type: string]: Record<string, unknown> };

const messageBase = {
  MessageSid: v.string(),
  AccountSid: v.string(),
  MessagingServiceSid: v.optional(v.string()),
  From: v.string(),
  To: v.string(),
  ApiVersion: v.string(),
  SmsSid: v.optional(v.string()),
};

const received = shape<TwilioMessageReceived>({
  ...messageBase,
  SmsMessageSid: v.optional(v.string()),
  SmsStatus: v.literal("received"),
  Body: v.string(),
  NumMedia: v.string(),
  NumSegments: v.optional(v.string()),
});

function messageStatus<Status extends string>(status: Status) {
  return shape<TwilioMessageStatus<Status>>({
    ...messageBase,
    // `shape` cannot see that a literal of the generic `Status` is not nullable; it produces `Status` exactly.
    MessageStatus: v.literal(status) as never,
    SmsStatus: v.optional(v.string()),
    ErrorCode: v.optional(v.string()),
    RawDlrDoneDate: v.optional(v.string()),
  });
}

function call<Status extends string>(status: Status) {
  return {
    CallSid: v.string(),
    AccountSid: v.string(),
    From: v.string(),
    To: v.string(),
    CallStatus: v.literal(status) as never,
    ApiVersion: v.string(),
    Direction: openString<"inbound" | "outbound-api" | "outbound-dial">(),
    ForwardedFrom: v.optional(v.string()),
    CallerName: v.optional(v.string()),
    ParentCallSid: v.optional(v.string()),
    CallToken: v.optional(v.string()),
  };
}

function callStatus<Status extends string>(status: Status) {
  return shape<TwilioCallStatus<Status>>({
    ...call(status),
    CallDuration: v.optional(v.string()),
    Timestamp: v.optional(v.string()),
    CallbackSource: v.optional(v.string()),
    SequenceNumber: v.optional(v.string()),
  });
}

/** The fields are the event: no wrapper around them. */
const fields = (_type: string, inner: v.GenericSchema<unknown, unknown>) => inner;

/**
 * The runtime schemas of the listed Twilio events (Standard Schema v1).
 *
 * @example
 * const result = await twilioCatalogue["message.received"]["~standard"].validate(fields);
 */
export const twilioCatalogue: EventCatalogue<TwilioEvents> = catalogue<TwilioEvents, TwilioEventData>(
  fields,
  {
    "message.received": received,
    "message.sent": messageStatus("sent"),
    "message.delivered": messageStatus("delivered"),
    "message.undelivered": messageStatus("undelivered"),
    "message.failed": messageStatus("failed"),
    "call.ringing": shape<TwilioCall<"ringing">>(call("ringing")),
    "call.completed": callStatus("completed"),
  },
);
