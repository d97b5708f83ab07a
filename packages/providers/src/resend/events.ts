/**
 * Resend's event catalogue: `{ type, created_at, data }`, with `data` typed for the listed events.
 *
 * Source: `resend` 6.38.0 `dist/index.d.mts` (`WebhookEventPayload` and its members: `BaseEmailEventData`,
 * `EmailBounce`, `ContactEventData`, `DomainEventData`), and resend.com/docs/dashboard/webhooks/body-parameters.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, shape } from "../kit/shape.js";

/** Every Resend event (`WebhookEventPayload`'s members). */
export interface ResendEvent<Type extends string, Data> {
  type: Type;
  /** When the event was created, ISO 8601. */
  created_at: string;
  data: Data;
}

/** What every `email.*` event carries (`BaseEmailEventData`). */
export interface ResendEmail {
  /** The email's id, as `resend.emails.send` returned it. */
  email_id: string;
  /** When the email was created, ISO 8601. */
  created_at: string;
  message_id: string;
  from: string;
  to: string[];
  subject: string;
  broadcast_id?: string;
  template_id?: string;
  tags?: Record<string, string>;
}

/** Why an email bounced (`EmailBounce`). */
export interface ResendBounce {
  message: string;
  /** `Suppressed`, `General`… */
  subType: string;
  /** `Permanent`, `Transient`… */
  type: string;
}

/** `email.bounced`'s data. */
export interface ResendBouncedEmail extends ResendEmail {
  bounce: ResendBounce;
}

/** A contact (`ContactEventData`). */
export interface ResendContact {
  id: string;
  audience_id: string;
  segment_ids: string[];
  created_at: string;
  updated_at: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  unsubscribed: boolean;
}

/** A sending domain (`DomainEventData`). */
export interface ResendDomain {
  id: string;
  name: string;
  /** `not_started`, `pending`, `verified`, `failed`… */
  status: string;
  created_at: string;
  region: string;
  /** The DNS records to set (`DomainRecord`). */
  records: Record<string, unknown>[];
}

/** The Resend event types listed, each with its `data`. */
export type ResendEventData = {
  "email.sent": ResendEmail;
  "email.delivered": ResendEmail;
  "email.bounced": ResendBouncedEmail;
  "contact.created": ResendContact;
  "domain.updated": ResendDomain;
};

/** Resend's events: the listed types, and any other type with the envelope. */
export type ResendEvents = {
  [Type in keyof ResendEventData & string]: ResendEvent<Type, ResendEventData[Type]>;
} & { [type: string]: ResendEvent<string, Record<string, unknown>> };

const emailFields = {
  email_id: v.string(),
  created_at: v.string(),
  message_id: v.string(),
  from: v.string(),
  to: v.array(v.string()),
  subject: v.string(),
  broadcast_id: v.optional(v.string()),
  template_id: v.optional(v.string()),
  tags: v.optional(v.record(v.string(), v.string())),
};
const email = shape<ResendEmail>(emailFields);

/** `{ type, created_at, data }` around one event type's data. */
function resendEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, ResendEvent<Type, Data>> {
  return v.looseObject({ type: v.literal(type), created_at: v.string(), data }) as v.GenericSchema<
    unknown,
    ResendEvent<Type, Data>
  >;
}

/**
 * The runtime schemas of the listed Resend events (Standard Schema v1).
 *
 * @example
 * const result = await resendCatalogue["email.bounced"]["~standard"].validate(body);
 */
export const resendCatalogue: EventCatalogue<ResendEvents> = catalogue<ResendEvents, ResendEventData>(
  resendEvent,
  {
    "email.sent": email,
    "email.delivered": email,
    "email.bounced": shape<ResendBouncedEmail>({
      ...emailFields,
      bounce: shape<ResendBounce>({ message: v.string(), subType: v.string(), type: v.string() }),
    }),
    "contact.created": shape<ResendContact>({
      id: v.string(),
      audience_id: v.string(),
      segment_ids: v.array(v.string()),
      created_at: v.string(),
      updated_at: v.string(),
      email: v.string(),
      first_name: v.nullish(v.string()),
      last_name: v.nullish(v.string()),
      unsubscribed: v.boolean(),
    }),
    "domain.updated": shape<ResendDomain>({
      id: v.string(),
      name: v.string(),
      status: v.string(),
      created_at: v.string(),
      region: v.string(),
      records: v.array(jsonObject),
    }),
  },
);
