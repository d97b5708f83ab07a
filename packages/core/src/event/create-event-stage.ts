/**
 * The event stage of a router: authenticated bytes → the payload (the scheme's, the provider's `decode`, else
 * JSON) → its event type → the catalogue's schema → its age → its id → the typed event. Synchronous end to end when the crypto backend and the schema
 * are. Each rule is its own module here, shared with `createVerifier`, which applies the default ones.
 * @module
 */
import { backend } from "../crypto/backend.js";
import { utf8 } from "../encoding.js";
import { chain, type MaybePromise } from "../maybe.js";
import type { EventMap, InvalidPayloadEvent, VerifiedEvent, WebhookProvider } from "../router/types.js";
import { invalidPayload, type PayloadIssue } from "../schema/payload-issues.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import type { AuthenticatedRequest } from "../verify/authenticate.js";
import { decodePayload } from "./decode-payload.js";
import { eventAgeCheck } from "./event-age.js";
import { bodyId } from "./event-id.js";
import { eventTypeOf } from "./event-type.js";
import { schemaIssues, schemaOf } from "./validate-payload.js";

/** How a router runs the stage: the `maxAge` bound, its clock and tolerance, and whether a schema failure is parked. */
export interface EventStageOptions {
  /** Seconds, when events carry a signed creation time that bounds their age. */
  maxAge: number | undefined;
  now: () => number;
  /** Seconds a signed creation time may lie in the future. */
  tolerance: number;
  /** A payload that breaks its schema comes back as an {@link InvalidPayloadEvent} instead of throwing. */
  park?: boolean;
}

/** The stage from a decoded payload on; `item` marks one event of a batch, identified by its own fields. */
export type ItemStage<Event> = (
  auth: AuthenticatedRequest,
  payload: unknown,
  item: boolean,
) => MaybePromise<Event>;

/**
 * Returns the event stage of a router on `provider`: it turns authentic bytes into a typed, validated event
 * with its dedupe id, or throws why not (`invalid_json`, `invalid_payload`, `timestamp_expired`…).
 *
 * @example
 * const toEvent = createEventStage(provider, { maxAge: undefined, now: Date.now, tolerance: 300 });
 * const event = await toEvent(await authenticate(input));
 */
export function createEventStage<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  options: EventStageOptions & { park?: false },
): (auth: AuthenticatedRequest) => MaybePromise<VerifiedEvent<Events>>;
export function createEventStage<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  options: EventStageOptions,
): (auth: AuthenticatedRequest) => MaybePromise<VerifiedEvent<Events> | InvalidPayloadEvent>;
export function createEventStage<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  options: EventStageOptions,
): (auth: AuthenticatedRequest) => MaybePromise<VerifiedEvent<Events> | InvalidPayloadEvent> {
  const toItem = createItemStage(provider, options);
  return (auth) => toItem(auth, decodePayload(provider, auth), false);
}

/**
 * The event stage from a decoded payload on: type, schema, age, id. An `item` of a batch is identified by its
 * own fields (the provider's `eventId` with no scheme id, else its `id`, else the hash of its JSON), never by
 * the request's signed id, which all its items share.
 *
 * @example
 * const toItem = createItemStage(provider, { maxAge: undefined, now: Date.now, tolerance: 300 });
 * const events = provider.split(payload).map((item) => toItem(auth, item, true));
 */
export function createItemStage<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  options: EventStageOptions & { park?: false },
): ItemStage<VerifiedEvent<Events>>;
export function createItemStage<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  options: EventStageOptions,
): ItemStage<VerifiedEvent<Events> | InvalidPayloadEvent>;
export function createItemStage<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  { maxAge, now, tolerance, park = false }: EventStageOptions,
): ItemStage<VerifiedEvent<Events> | InvalidPayloadEvent> {
  type Event = VerifiedEvent<Events> | InvalidPayloadEvent;
  const events = provider.events as Record<string, StandardSchemaV1 | undefined>;
  const checkAge =
    maxAge === undefined || provider.eventTime === undefined
      ? undefined
      : eventAgeCheck((payload) => provider.eventTime?.(payload), maxAge, tolerance, now);

  function checked(
    auth: AuthenticatedRequest,
    type: string,
    payload: unknown,
    issues: readonly PayloadIssue[] | undefined,
    item: boolean,
  ): MaybePromise<Event> {
    if (checkAge !== undefined) {
      // Parking an event of unknown age would bypass the replay bound: it is refused like any schema failure.
      if (issues !== undefined && provider.eventTime?.(payload) === undefined)
        throw invalidPayload(type, issues);
      checkAge(type, Object.hasOwn(events, type), payload);
    }
    // The provider's id rule, else the scheme's signed id, else the body's hash (event-id.ts). A batch item's
    // own fields only: the request's signed id is every item's.
    const id = item
      ? (provider.eventId?.(payload, undefined) ?? bodyId(payload))
      : (provider.eventId?.(payload, auth.id) ?? auth.id);
    if (id !== undefined) return event(auth, type, payload, id, issues);
    const hashed = item ? utf8(JSON.stringify(payload) ?? "") : auth.raw;
    return chain(backend.sha256Hex(hashed), (hash) => event(auth, type, payload, `sha256:${hash}`, issues));
  }

  function event(
    auth: AuthenticatedRequest,
    type: string,
    payload: unknown,
    id: string,
    issues: readonly PayloadIssue[] | undefined,
  ): Event {
    const { timestamp, raw, keyIndex } = auth;
    const { name } = provider;
    if (issues !== undefined) return { type, payload, id, provider: name, timestamp, raw, keyIndex, issues };
    return { type, payload, id, provider: name, timestamp, raw, keyIndex } as VerifiedEvent<Events>;
  }

  function stage(auth: AuthenticatedRequest, parsed: unknown, item: boolean): MaybePromise<Event> {
    const type = eventTypeOf(provider, parsed, auth.header);
    const schema = schemaOf(events, type);
    if (schema === undefined) return checked(auth, type, parsed, undefined, item);
    return chain(schema["~standard"].validate(parsed), (result) => {
      const issues = schemaIssues(type, parsed, result, park);
      const payload =
        issues === undefined ? (result as StandardSchemaV1.SuccessResult<unknown>).value : parsed;
      return checked(auth, type, payload, issues, item);
    });
  }

  // A payload that is not the JSON of `raw` (a form body, a JWT's claims, an SNS message, one event of a
  // batch) travels with the event as `decoded`, so a queue worker validates what the receiver validated.
  const decodes = provider.decode !== undefined;
  return (auth, parsed, item) =>
    item || decodes || auth.payload !== undefined
      ? chain(stage(auth, parsed, item), (event) => Object.assign(event, { decoded: parsed }))
      : stage(auth, parsed, item);
}
