/**
 * Payload types from a provider factory's event catalogue, so fixtures are typed by event.
 * @module
 */
import type { EventMap, WebhookProvider } from "@hookproof/core";

/** The event map of a provider factory such as `stackAuth`: event type → payload type. */
export type EventsOfFactory<Factory> = Factory extends (...args: never[]) => WebhookProvider<infer Events>
  ? Events
  : EventMap;

/** The payload type of event `Type` of a provider factory; `unknown` for a type its catalogue lacks. */
export type PayloadOf<Factory, Type extends string> = Type extends keyof EventsOfFactory<Factory>
  ? EventsOfFactory<Factory>[Type]
  : unknown;

/** Every property optional, all the way down: what {@link fixture} overrides may hold. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [Key in keyof T]?: DeepPartial<T[Key]> }
    : T;
