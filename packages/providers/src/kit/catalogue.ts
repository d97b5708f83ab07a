/**
 * A provider's event catalogue from one list. Each event type is written once per side: once in the
 * TypeScript map of what each event carries (`StackAuthEventData`), once as a key of the runtime list
 * given to {@link catalogue}. The compiler proves the two agree: the runtime list must have exactly the
 * map's keys, and each key's schema must produce that key's type (which `shape<T>()` checks field by field).
 * The sender's envelope (`{ type, data }`, `{ event, timestamp, data }`…) is written once, and takes its
 * type literal from the key, so no event type is typed a second time.
 * @module
 */
import type { EventCatalogue, EventMap } from "@hookproof/core";
import type * as v from "valibot";
import { controlled } from "./controlled.js";

/**
 * Wraps the schema of what one event type carries in the sender's envelope, its type literal from `type`:
 * a generic function returning the provider's event type, such as
 * `<Type extends string, Data>(type: Type, data: v.GenericSchema<unknown, Data>) => v.GenericSchema<unknown, StackAuthEvent<Type, Data>>`.
 */
export type Envelope = (
  type: string,
  inner: v.GenericSchema<unknown, unknown>,
) => v.GenericSchema<unknown, unknown>;

/** A schema for each event type of `Events` (no more, no fewer), producing that type's entry of `Data`. */
export type InnerSchemas<Events extends EventMap, Data extends { [Type in keyof Events]: unknown }> = {
  readonly [Type in keyof Events]-?: v.GenericSchema<unknown, Data[Type]>;
};

/**
 * A provider's catalogue: for each event type, `envelope(type, schema)` made a Standard Schema whose issues
 * never carry a received value ({@link controlled}).
 *
 * @example
 * export type StackAuthEvents = { [Type in keyof StackAuthEventData & string]: StackAuthEvent<Type, StackAuthEventData[Type]> };
 * export const stackAuthCatalogue: EventCatalogue<StackAuthEvents> = catalogue<StackAuthEvents, StackAuthEventData>(
 *   stackEvent,
 *   { "user.created": userSchema, "team.created": teamSchema },
 * );
 */
export function catalogue<Events extends EventMap, Data extends { [Type in keyof Events]: unknown }>(
  envelope: Envelope,
  inner: InnerSchemas<Events, Data>,
): EventCatalogue<Events> {
  const out: Record<string, unknown> = {};
  for (const type of Object.keys(inner)) {
    out[type] = controlled(envelope(type, inner[type] as v.GenericSchema<unknown, unknown>));
  }
  return out as EventCatalogue<Events>;
}
