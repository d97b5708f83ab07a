/**
 * The router's verification stage: authenticate → parse → event type → schema → event id → age.
 * Synchronous end to end when the crypto backend and the schema are.
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { MaybePromise } from "../crypto/types.js";
import { WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { validate } from "../schema/validate.js";
import type { AuthenticatedRequest, Verifier, VerifyInput } from "../verify/create-verifier.js";
import { parseJson } from "../verify/parse-json.js";
import { chain } from "./maybe.js";
import type { EventMap, VerifiedEvent, WebhookProvider } from "./types.js";

/** Turns authentic bytes into a typed, validated event with its dedupe id, or throws why not. */
export function createEventVerifier<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  verifier: Verifier,
  { maxAge, now }: { maxAge: number | undefined; now: () => number },
): (input: VerifyInput) => MaybePromise<VerifiedEvent<Events>> {
  const events = provider.events as Record<string, StandardSchemaV1 | undefined>;

  function parse(auth: AuthenticatedRequest): MaybePromise<VerifiedEvent<Events>> {
    const parsed = parseJson(auth.raw);
    const type = provider.eventType(parsed);
    if (type === undefined) {
      throw new WebhookVerificationError(
        "invalid_payload",
        `The payload has no event type ${provider.name} events carry; is this endpoint configured for the right provider?`,
      );
    }
    const schema = Object.hasOwn(events, type) ? events[type] : undefined;
    if (schema === undefined) return identify(auth, type, parsed);
    return chain(validate(schema, type, parsed), (payload) => identify(auth, type, payload));
  }

  function identify(
    auth: AuthenticatedRequest,
    type: string,
    payload: unknown,
  ): MaybePromise<VerifiedEvent<Events>> {
    checkAge(type, payload);
    const id = provider.eventId?.(payload, auth.id) ?? auth.id;
    if (id !== undefined) return event(auth, type, payload, id);
    return chain(backend.sha256Hex(auth.raw), (hash) => event(auth, type, payload, `sha256:${hash}`));
  }

  function checkAge(type: string, payload: unknown): void {
    if (maxAge === undefined || provider.eventTime === undefined) return;
    const createdAt = provider.eventTime(payload);
    if (createdAt === undefined) {
      // Without a readable creation time the age bound would silently switch off.
      throw new WebhookVerificationError(
        "invalid_payload",
        `The \`${type}\` event carries no readable creation time, so \`maxAge\` cannot bound its replay.`,
      );
    }
    const age = now() - createdAt;
    if (age > maxAge * 1000) {
      throw new WebhookVerificationError(
        "timestamp_expired",
        `The event was created ${Math.round(age / 1000)} s ago, beyond the ${maxAge} s \`maxAge\`: a replay, or a delivery retried for too long.`,
      );
    }
  }

  function event(
    auth: AuthenticatedRequest,
    type: string,
    payload: unknown,
    id: string,
  ): VerifiedEvent<Events> {
    return {
      type,
      payload,
      id,
      provider: provider.name,
      timestamp: auth.timestamp,
      raw: auth.raw,
      keyIndex: auth.keyIndex,
    } as VerifiedEvent<Events>;
  }

  return (input) => chain(verifier.authenticate(input), parse);
}
