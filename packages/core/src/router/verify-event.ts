/**
 * The router's verification stage: authenticate → parse → event type → schema → event id → age.
 * Synchronous end to end when the crypto backend and the schema are.
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { MaybePromise } from "../crypto/types.js";
import { WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { invalidPayload, type PayloadIssue, payloadIssues } from "../schema/validate.js";
import type { AuthenticatedRequest, Verifier, VerifyInput } from "../verify/create-verifier.js";
import { parseJson } from "../verify/parse-json.js";
import { chain } from "./maybe.js";
import type { EventMap, InvalidPayloadEvent, VerifiedEvent, WebhookProvider } from "./types.js";

/** How the stage runs: the `maxAge` bound, its clock and tolerance, and whether a schema failure is parked. */
export interface EventVerifierOptions {
  maxAge: number | undefined;
  now: () => number;
  /** Seconds a signed creation time may lie in the future. */
  tolerance: number;
  /** A payload that breaks its schema comes back as an {@link InvalidPayloadEvent} instead of throwing. */
  park?: boolean;
}

/** Turns authentic bytes into a typed, validated event with its dedupe id, or throws why not. */
export function createEventVerifier<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  verifier: Verifier,
  options: EventVerifierOptions & { park?: false },
): (input: VerifyInput) => MaybePromise<VerifiedEvent<Events>>;
export function createEventVerifier<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  verifier: Verifier,
  options: EventVerifierOptions,
): (input: VerifyInput) => MaybePromise<VerifiedEvent<Events> | InvalidPayloadEvent>;
export function createEventVerifier<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  verifier: Verifier,
  { maxAge, now, tolerance, park = false }: EventVerifierOptions,
): (input: VerifyInput) => MaybePromise<VerifiedEvent<Events> | InvalidPayloadEvent> {
  const events = provider.events as Record<string, StandardSchemaV1 | undefined>;

  function parse(auth: AuthenticatedRequest): MaybePromise<VerifiedEvent<Events> | InvalidPayloadEvent> {
    const parsed = parseJson(auth.raw);
    const type = provider.eventType(parsed, auth.header);
    if (type === undefined) {
      throw new WebhookVerificationError(
        "invalid_payload",
        `The payload has no event type ${provider.name} events carry; is this endpoint configured for the right provider?`,
      );
    }
    const schema = Object.hasOwn(events, type) ? events[type] : undefined;
    if (schema === undefined) return identify(auth, type, parsed, undefined);
    return chain(schema["~standard"].validate(parsed), (result) => {
      if (result.issues === undefined) return identify(auth, type, result.value, undefined);
      const issues = payloadIssues(result.issues, parsed);
      if (!park) throw invalidPayload(type, issues);
      return identify(auth, type, parsed, issues);
    });
  }

  function identify(
    auth: AuthenticatedRequest,
    type: string,
    payload: unknown,
    issues: readonly PayloadIssue[] | undefined,
  ): MaybePromise<VerifiedEvent<Events> | InvalidPayloadEvent> {
    // Parking an event of unknown age would bypass the replay bound: it is refused like any schema failure.
    if (issues !== undefined && ageUnknown(payload)) throw invalidPayload(type, issues);
    checkAge(type, payload);
    const id = provider.eventId?.(payload, auth.id) ?? auth.id;
    if (id !== undefined) return event(auth, type, payload, id, issues);
    return chain(backend.sha256Hex(auth.raw), (hash) => event(auth, type, payload, `sha256:${hash}`, issues));
  }

  function ageUnknown(payload: unknown): boolean {
    return (
      maxAge !== undefined && provider.eventTime !== undefined && provider.eventTime(payload) === undefined
    );
  }

  function checkAge(type: string, payload: unknown): void {
    if (maxAge === undefined || provider.eventTime === undefined) return;
    const createdAt = provider.eventTime(payload);
    if (createdAt === undefined) {
      // Without a readable creation time the age bound would silently switch off. The type is named only
      // when it is the catalogue's: any other is a value received.
      throw new WebhookVerificationError(
        "invalid_payload",
        `${Object.hasOwn(events, type) ? `The \`${type}\` event` : "The event"} carries no readable creation time, so \`maxAge\` cannot bound its replay.`,
      );
    }
    const age = now() - createdAt;
    // A creation time in the future would stretch `maxAge` past the dedupe retention: a replay outlives its record.
    if (-age > tolerance * 1000) {
      throw new WebhookVerificationError(
        "timestamp_in_future",
        `The event's signed creation time is ${Math.round(-age / 1000)} s in the future, beyond the ${tolerance} s tolerance. Check the sender's clock (NTP).`,
      );
    }
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
    issues: readonly PayloadIssue[] | undefined,
  ): VerifiedEvent<Events> | InvalidPayloadEvent {
    const { timestamp, raw, keyIndex } = auth;
    if (issues !== undefined)
      return { type, payload, id, provider: provider.name, timestamp, raw, keyIndex, issues };
    return { type, payload, id, provider: provider.name, timestamp, raw, keyIndex } as VerifiedEvent<Events>;
  }

  return (input) => chain(verifier.authenticate(input), parse);
}
