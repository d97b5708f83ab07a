/**
 * The event stage, one implementation for `createVerifier` and the router: authenticated bytes → the JSON
 * payload → (with a catalogue) its type, schema and age → its id → the event. Synchronous end to end when
 * the crypto backend and the schema are.
 * @module
 */
import { backend } from "../crypto/backend.js";
import { chain, type MaybePromise } from "../maybe.js";
import type { PayloadIssue } from "../schema/payload-issues.js";
import type { AuthenticatedRequest } from "../verify/authenticate.js";
import type { EventIdRule } from "./event-id.js";
import { parseJson } from "./parse-json.js";

/**
 * The end of the stage, once a payload is checked: its id, then the event. `type` is the catalogue's,
 * `issues` a schema failure kept for parking.
 */
export type Identify<Event> = (
  auth: AuthenticatedRequest,
  payload: unknown,
  type: string | undefined,
  issues: readonly PayloadIssue[] | undefined,
) => MaybePromise<Event>;

/** What the stage does with a payload: `createVerifier`'s default rules, or a router's provider's. */
export interface EventRules<Event> {
  /**
   * Checks a parsed payload against a catalogue (its type, schema and age), then hands it on to `identify`.
   * Absent without a catalogue.
   */
  readonly check?: (
    auth: AuthenticatedRequest,
    parsed: unknown,
    identify: Identify<Event>,
  ) => MaybePromise<Event>;
  /** Where the id comes from; when it gives none, the id is `sha256:` + the hash of the raw body. */
  readonly eventId: EventIdRule;
  /** Builds the event the stage answers with. */
  readonly event: (
    auth: AuthenticatedRequest,
    id: string,
    payload: unknown,
    type: string | undefined,
    issues: readonly PayloadIssue[] | undefined,
  ) => Event;
}

/**
 * Returns the event stage under `rules`: it turns authentic bytes into an event, or throws why not
 * (`invalid_json`, `invalid_payload`, `timestamp_expired`…).
 *
 * @example
 * const toEvent = createEventStage({ eventId: defaultEventId, event: (auth, id, payload) => ({ id, payload }) });
 * const event = await toEvent(await authenticate(input));
 */
export function createEventStage<Event>({
  check,
  eventId,
  event,
}: EventRules<Event>): (auth: AuthenticatedRequest) => MaybePromise<Event> {
  const identify: Identify<Event> = (auth, payload, type, issues) => {
    const id = eventId(payload, auth.id) ?? auth.id;
    if (id !== undefined) return event(auth, id, payload, type, issues);
    return chain(backend.sha256Hex(auth.raw), (hash) => event(auth, `sha256:${hash}`, payload, type, issues));
  };
  return (auth) => {
    const parsed = parseJson(auth.raw);
    return check ? check(auth, parsed, identify) : identify(auth, parsed, undefined, undefined);
  };
}
