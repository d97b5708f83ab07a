/**
 * SNS's catalogue: one event type, `Notification`, the envelope SNS signs around a publisher's `Message`
 * (docs.aws.amazon.com/sns/latest/dg/http-notification-json.html). `Message` is the publisher's text, never parsed
 * here: its shape belongs to whoever publishes to the topic (SES, S3, CloudWatch, your own code).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { flatEvent } from "../kit/flat-event.js";
import { isoDate } from "../kit/iso-date.js";
import { openString, shape } from "../kit/shape.js";

/** A message attribute the publisher set: `Type` `String`, `Number`, `Binary` or `String.Array`. Not signed. */
export interface SnsMessageAttribute {
  Type: string;
  Value: string;
}

/** An SNS `Notification` as an HTTP/S subscription receives it (not raw delivery). */
export interface SnsNotification {
  /** A UUID, the same on every retry: the dedupe id. */
  MessageId: string;
  /** `arn:aws:sns:<region>:<account>:<topic>`: route on it when one endpoint takes several topics. */
  TopicArn: string;
  /** The published message, as text: `JSON.parse` it yourself when the publisher sends JSON. */
  Message: string;
  /** ISO 8601, when SNS accepted the publish; kept on retries (what `maxAge` bounds). */
  Timestamp: string;
  SignatureVersion: "1" | "2" | (string & Record<never, never>);
  Signature: string;
  SigningCertURL: string;
  /** Present only when the publisher set one. */
  Subject?: string;
  UnsubscribeURL?: string;
  /** Not signed by SNS: anyone replaying the message may change them. Never decide on them. */
  MessageAttributes?: Record<string, SnsMessageAttribute>;
}

/** SNS's events: the one type a subscription delivers to handlers. */
export type SnsEventData = { Notification: SnsNotification };

/** SNS's events: event type → message, `Type` included. */
export type SnsEvents = { [Type in keyof SnsEventData & string]: { Type: Type } & SnsEventData[Type] };

const notification = shape<SnsNotification>({
  MessageId: v.string(),
  TopicArn: v.string(),
  Message: v.string(),
  // `maxAge` reads it.
  Timestamp: isoDate,
  SignatureVersion: openString<"1" | "2">(),
  Signature: v.string(),
  SigningCertURL: v.string(),
  Subject: v.optional(v.string()),
  UnsubscribeURL: v.optional(v.string()),
  MessageAttributes: v.optional(
    v.record(v.string(), shape<SnsMessageAttribute>({ Type: v.string(), Value: v.string() })),
  ),
});

/**
 * The runtime schema of SNS's `Notification` envelope (Standard Schema v1).
 *
 * @example
 * const result = await snsCatalogue.Notification["~standard"].validate(message);
 */
export const snsCatalogue: EventCatalogue<SnsEvents> = catalogue<SnsEvents, SnsEventData>(flatEvent("Type"), {
  Notification: notification,
});
