/**
 * The provider a router serves: the one given, or one made of a scheme and your own catalogue.
 * @module
 */
import { configError } from "../errors.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { bodyId } from "../verify/create-verifier.js";
import type { CustomWebhooksOptions, ProviderWebhooksOptions } from "./options.js";
import type { EventCatalogue, EventMap, WebhookProvider } from "./types.js";

function defaultType(payload: unknown): string | undefined {
  const type = (payload as { type?: unknown } | null)?.type;
  return typeof type === "string" ? type : undefined;
}

function defaultId(payload: unknown, schemeId: string | undefined): string | undefined {
  return schemeId ?? bodyId(payload);
}

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
    eventType: custom.eventType ?? defaultType,
    eventId: custom.eventId ?? defaultId,
    ...(custom.eventTime === undefined ? {} : { eventTime: custom.eventTime }),
  };
}
