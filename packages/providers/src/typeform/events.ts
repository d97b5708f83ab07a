/**
 * Typeform's event catalogue: `{ event_id, event_type, form_response }`, with the response typed at the fields
 * handlers read (answers and definitions pass through: their shape depends on the form).
 *
 * Source: typeform.com/developers/webhooks/example-payload (the body, field by field) and
 * `/developers/responses/` (the response object; `submitted_at` is absent on a partial response).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject, shape } from "../kit/shape.js";

/** Every Typeform event. */
export interface TypeformEvent<Type extends string, Response> {
  /** A ULID Typeform assigns the event (signed): the dedupe key. */
  event_id: string;
  event_type: Type;
  form_response: Response;
}

/** A form response. */
export interface TypeformResponse {
  form_id: string;
  /** The response's id. */
  token: string;
  /** When the respondent opened the form, ISO 8601. */
  landed_at: string;
  /** When they submitted it; absent on a partial response. */
  submitted_at?: string;
  /** The form's questions (`{ id, title, fields }`). */
  definition?: Record<string, unknown>;
  /** One per answered question; the shape depends on the question's type. */
  answers?: Record<string, unknown>[];
  /** Hidden fields, by name. */
  hidden?: Record<string, unknown>;
  calculated?: { score?: number };
  variables?: Record<string, unknown>[];
}

/** The Typeform event types, each with its response. */
export type TypeformEventData = {
  form_response: TypeformResponse;
  form_response_partial: TypeformResponse;
};

/** Typeform's events: the listed types, and any other with the envelope. */
export type TypeformEvents = {
  [Type in keyof TypeformEventData & string]: TypeformEvent<Type, TypeformEventData[Type]>;
} & { [type: string]: TypeformEvent<string, Record<string, unknown>> };

const response = shape<TypeformResponse>({
  form_id: v.string(),
  token: v.string(),
  // `maxAge` reads them: a value that does not parse is refused here, naming the field.
  landed_at: isoDate,
  submitted_at: v.optional(isoDate),
  definition: v.optional(jsonObject),
  answers: v.optional(v.array(jsonObject)),
  hidden: v.optional(jsonObject),
  calculated: v.optional(shape<{ score?: number }>({ score: v.optional(v.number()) })),
  variables: v.optional(v.array(jsonObject)),
});

/** The envelope around one type's response. */
function typeformEvent<Type extends string, Response>(
  type: Type,
  formResponse: v.GenericSchema<unknown, Response>,
): v.GenericSchema<unknown, TypeformEvent<Type, Response>> {
  return v.looseObject({
    event_id: v.string(),
    event_type: v.literal(type),
    form_response: formResponse,
  }) as v.GenericSchema<unknown, TypeformEvent<Type, Response>>;
}

/**
 * The runtime schemas of Typeform's events (Standard Schema v1).
 *
 * @example
 * const result = await typeformCatalogue.form_response["~standard"].validate(body);
 */
export const typeformCatalogue: EventCatalogue<TypeformEvents> = catalogue<TypeformEvents, TypeformEventData>(
  typeformEvent,
  { form_response: response, form_response_partial: response },
);
