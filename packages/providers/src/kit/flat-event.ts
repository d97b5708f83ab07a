/**
 * The envelope of senders whose event type is a key beside the payload's own fields (PropelAuth's
 * `event_type`, Logto's `event`, ZITADEL's `event_type`, Okta's `eventType`), not a wrapper around them.
 * @module
 */
import * as v from "valibot";
import type { Envelope } from "./catalogue.js";

/**
 * An {@link Envelope} that adds `key: <type literal>` to the fields of the event's own loose object schema
 * (`shape<…>()`), so the body is one flat object.
 *
 * @example
 * export const propelAuthCatalogue = catalogue<PropelAuthEvents, PropelAuthEventData>(flatEvent("event_type"), {
 *   "user.created": userCreatedSchema,
 * });
 */
export function flatEvent(key: string): Envelope {
  return (type, inner) =>
    v.looseObject({
      ...(inner as unknown as v.LooseObjectSchema<v.ObjectEntries, undefined>).entries,
      [key]: v.literal(type),
    });
}
