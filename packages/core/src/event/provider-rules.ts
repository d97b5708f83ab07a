/**
 * A router's rules for the event stage, from its provider: the event type, the catalogue's schema, the age
 * bound and the id rule, and the typed event they make.
 * @module
 */
import { chain, type MaybePromise } from "../maybe.js";
import type { EventMap, InvalidPayloadEvent, VerifiedEvent, WebhookProvider } from "../router/types.js";
import { invalidPayload, type PayloadIssue } from "../schema/payload-issues.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import type { AuthenticatedRequest } from "../verify/authenticate.js";
import type { EventRules, Identify } from "./create-event-stage.js";
import { eventAgeCheck } from "./event-age.js";
import type { EventIdRule } from "./event-id.js";
import { eventTypeOf } from "./event-type.js";
import { schemaIssues, schemaOf } from "./validate-payload.js";

/** How a router runs the stage: the `maxAge` bound, its clock and tolerance, and whether a schema failure is parked. */
export interface ProviderRulesOptions {
  /** Seconds, when events carry a signed creation time that bounds their age. */
  maxAge: number | undefined;
  now: () => number;
  /** Seconds a signed creation time may lie in the future. */
  tolerance: number;
  /** A payload that breaks its schema comes back as an {@link InvalidPayloadEvent} instead of throwing. */
  park?: boolean;
}

// A provider without an id rule leaves the scheme's signed id, else the body's hash.
const schemeIdOnly: EventIdRule = () => undefined;

/**
 * The event-stage rules of a router on `provider`.
 *
 * @example
 * const toEvent = createEventStage(providerRules(provider, { maxAge: undefined, now: Date.now, tolerance: 300 }));
 */
export function providerRules<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  options: ProviderRulesOptions & { park?: false },
): EventRules<VerifiedEvent<Events>>;
export function providerRules<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  options: ProviderRulesOptions,
): EventRules<VerifiedEvent<Events> | InvalidPayloadEvent>;
export function providerRules<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  { maxAge, now, tolerance, park = false }: ProviderRulesOptions,
): EventRules<VerifiedEvent<Events> | InvalidPayloadEvent> {
  type Event = VerifiedEvent<Events> | InvalidPayloadEvent;
  const events = provider.events as Record<string, StandardSchemaV1 | undefined>;
  const { name } = provider;
  const eventTime = (payload: unknown) => provider.eventTime?.(payload);
  const checkAge =
    maxAge === undefined || provider.eventTime === undefined
      ? undefined
      : eventAgeCheck({ eventTime, maxAge, tolerance, now });

  function checked(
    auth: AuthenticatedRequest,
    type: string,
    payload: unknown,
    issues: readonly PayloadIssue[] | undefined,
    identify: Identify<Event>,
  ): MaybePromise<Event> {
    if (checkAge !== undefined) {
      // Parking an event of unknown age would bypass the replay bound: it is refused like any schema failure.
      if (issues !== undefined && eventTime(payload) === undefined) throw invalidPayload(type, issues);
      checkAge(type, Object.hasOwn(events, type), payload);
    }
    return identify(auth, payload, type, issues);
  }

  return {
    check(auth, parsed, identify) {
      const type = eventTypeOf(provider, parsed);
      const schema = schemaOf(events, type);
      if (schema === undefined) return checked(auth, type, parsed, undefined, identify);
      return chain(schema["~standard"].validate(parsed), (result) => {
        const issues = schemaIssues(type, parsed, result, park);
        const payload =
          issues === undefined ? (result as StandardSchemaV1.SuccessResult<unknown>).value : parsed;
        return checked(auth, type, payload, issues, identify);
      });
    },
    eventId: provider.eventId === undefined ? schemeIdOnly : (payload, id) => provider.eventId?.(payload, id),
    event(auth, id, payload, type, issues) {
      const { timestamp, raw, keyIndex } = auth;
      if (issues !== undefined)
        return { type: type as string, payload, id, provider: name, timestamp, raw, keyIndex, issues };
      return { type, payload, id, provider: name, timestamp, raw, keyIndex } as VerifiedEvent<Events>;
    },
  };
}
