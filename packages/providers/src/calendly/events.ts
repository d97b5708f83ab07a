/**
 * Calendly's event catalogue: `{ event, created_at, created_by, payload }`, `payload` the invitee the event is
 * about, typed at the fields handlers key on.
 *
 * Source: developer.calendly.com/api-docs webhook payloads ("Invitee Payload": the invitee object, field by field).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** Every Calendly event. */
export interface CalendlyEvent<Type extends string, Payload> {
  event: Type;
  /** When the event was created, ISO 8601 (signed). */
  created_at: string;
  /** The user whose subscription this is (a URI). */
  created_by: string;
  payload: Payload;
}

/** An invitee (the "Invitee Payload"). */
export interface CalendlyInvitee {
  /** The invitee's URI: the same for its `invitee.created` and `invitee.canceled`. */
  uri: string;
  email: string;
  name: string;
  status: "active" | "canceled" | (string & Record<never, never>);
  /** The scheduled event's URI. */
  event: string;
  timezone?: string | null;
  cancel_url?: string;
  reschedule_url?: string;
  rescheduled?: boolean;
  questions_and_answers?: Record<string, unknown>[];
  /** Present on `invitee.canceled`. */
  cancellation?: Record<string, unknown>;
  tracking?: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** The Calendly event types listed, each with its `payload`. */
export type CalendlyEventData = {
  "invitee.created": CalendlyInvitee;
  "invitee.canceled": CalendlyInvitee;
};

/** Calendly's events: the listed types, and any other with the envelope. */
export type CalendlyEvents = {
  [Type in keyof CalendlyEventData & string]: CalendlyEvent<Type, CalendlyEventData[Type]>;
} & { [type: string]: CalendlyEvent<string, Record<string, unknown>> };

const invitee = shape<CalendlyInvitee>({
  uri: v.string(),
  email: v.string(),
  name: v.string(),
  status: openString<"active" | "canceled">(),
  event: v.string(),
  timezone: v.nullish(v.string()),
  cancel_url: v.optional(v.string()),
  reschedule_url: v.optional(v.string()),
  rescheduled: v.optional(v.boolean()),
  questions_and_answers: v.optional(v.array(jsonObject)),
  cancellation: v.optional(jsonObject),
  tracking: v.optional(jsonObject),
  created_at: v.string(),
  updated_at: v.string(),
});

/** The envelope around one type's `payload`. */
function calendlyEvent<Type extends string, Payload>(
  type: Type,
  payload: v.GenericSchema<unknown, Payload>,
): v.GenericSchema<unknown, CalendlyEvent<Type, Payload>> {
  return v.looseObject({
    event: v.literal(type),
    created_at: isoDate,
    created_by: v.string(),
    payload,
  }) as v.GenericSchema<unknown, CalendlyEvent<Type, Payload>>;
}

/**
 * The runtime schemas of the listed Calendly events (Standard Schema v1).
 *
 * @example
 * const result = await calendlyCatalogue["invitee.created"]["~standard"].validate(body);
 */
export const calendlyCatalogue: EventCatalogue<CalendlyEvents> = catalogue<CalendlyEvents, CalendlyEventData>(
  calendlyEvent,
  { "invitee.created": invitee, "invitee.canceled": invitee },
);
