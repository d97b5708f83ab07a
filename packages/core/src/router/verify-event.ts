/**
 * The router's verification stage: authenticate → parse → event type → schema → event id → age.
 * @module
 */
import { backend } from "../crypto/backend.js";
import { WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { validate } from "../schema/validate.js";
import type { Verifier, VerifyInput } from "../verify/create-verifier.js";
import { parseJson } from "../verify/parse-json.js";
import type { EventMap, VerifiedEvent, WebhookProvider } from "./types.js";

/** Turns authentic bytes into a typed, validated event with its dedupe id, or throws why not. */
export function createEventVerifier<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  verifier: Verifier,
  { maxAge, now }: { maxAge: number | undefined; now: () => number },
): (input: VerifyInput) => Promise<VerifiedEvent<Events>> {
  const events = provider.events as Record<string, StandardSchemaV1 | undefined>;

  return async function verify(input: VerifyInput): Promise<VerifiedEvent<Events>> {
    const auth = await verifier.authenticate(input);
    const parsed = parseJson(auth.raw);
    const type = provider.eventType(parsed);
    if (type === undefined) {
      throw new WebhookVerificationError(
        "invalid_payload",
        `The payload has no event type ${provider.name} events carry; is this endpoint configured for the right provider?`,
      );
    }
    const schema = Object.hasOwn(events, type) ? events[type] : undefined;
    const payload = schema === undefined ? parsed : await validate(schema, type, parsed);
    const id =
      provider.eventId?.(payload, auth.id) ?? auth.id ?? `sha256:${await backend.sha256Hex(auth.raw)}`;
    const createdAt = maxAge === undefined ? undefined : provider.eventTime?.(payload);
    if (maxAge !== undefined && provider.eventTime !== undefined && createdAt === undefined) {
      // Without a readable creation time the age bound would silently switch off.
      throw new WebhookVerificationError(
        "invalid_payload",
        `The \`${type}\` event carries no readable creation time, so \`maxAge\` cannot bound its replay.`,
      );
    }
    if (maxAge !== undefined && createdAt !== undefined && now() - createdAt > maxAge * 1000) {
      throw new WebhookVerificationError(
        "timestamp_expired",
        `The event was created ${Math.round((now() - createdAt) / 1000)} s ago, beyond the ${maxAge} s \`maxAge\`: a replay, or a delivery retried for too long.`,
      );
    }
    return {
      type,
      payload,
      id,
      provider: provider.name,
      timestamp: auth.timestamp,
      raw: auth.raw,
      keyIndex: auth.keyIndex,
    } as VerifiedEvent<Events>;
  };
}
