/**
 * The event type, what routes an event to its schema and handlers: read from the parsed payload by the
 * provider's rule.
 * @module
 */
import { WebhookVerificationError } from "../errors.js";
import type { EventMap, WebhookProvider } from "../router/types.js";
import type { HeaderReader } from "../verify/read-headers.js";

/**
 * The default rule: the body's `type` string (`{ "type": "user.created", … }`).
 *
 * @example
 * defaultEventType({ type: "user.created", data: {} }); // "user.created"
 */
export function defaultEventType(payload: unknown): string | undefined {
  const type = (payload as { type?: unknown } | null)?.type;
  return typeof type === "string" ? type : undefined;
}

/**
 * The event type of a parsed payload by `provider`'s rule, which may read a header (GitHub's `X-GitHub-Event`);
 * a payload without one is `invalid_payload`.
 *
 * @example
 * const type = eventTypeOf(stackAuth({ secret }), payload, auth.header); // "user.created"
 */
export function eventTypeOf(
  provider: WebhookProvider<EventMap>,
  payload: unknown,
  header: HeaderReader,
): string {
  const type = provider.eventType(payload, header);
  if (type === undefined) {
    throw new WebhookVerificationError(
      "invalid_payload",
      `The payload has no event type ${provider.name} events carry; is this endpoint configured for the right provider?`,
    );
  }
  return type;
}
