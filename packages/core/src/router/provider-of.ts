/**
 * The provider a router serves: the one given, or one made of a scheme and your own catalogue.
 * @module
 */
import { configError } from "../errors.js";
import { defaultEventId } from "../event/event-id.js";
import { defaultEventType } from "../event/event-type.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import type { CustomWebhooksOptions, ProviderWebhooksOptions } from "./options.js";
import type { EventCatalogue, EventMap, WebhookProvider } from "./types.js";

/** `options.provider`, or a provider made of `scheme`, `events` and the default type and id rules. */
export function providerOf<Events extends EventMap>(
  options: ProviderWebhooksOptions<Events> | CustomWebhooksOptions<Record<string, StandardSchemaV1>>,
): WebhookProvider<Events> {
  if ("provider" in options && options.provider) return options.provider;
  const custom = options as CustomWebhooksOptions<Record<string, StandardSchemaV1>>;
  if (!custom.scheme || !custom.events) {
    throw configError("Pass `provider` (from `@hookproof/providers`), or both `scheme` and `events`.");
  }
  return {
    name: custom.name ?? "custom",
    scheme: custom.scheme,
    events: custom.events as unknown as EventCatalogue<Events>,
    eventType: custom.eventType ?? defaultEventType,
    eventId: custom.eventId ?? defaultEventId,
    ...(custom.eventTime === undefined ? {} : { eventTime: custom.eventTime }),
  };
}
