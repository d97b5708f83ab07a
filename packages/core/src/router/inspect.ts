/**
 * What an authenticated request turns out to be: one event, a signed handshake to answer, or a batch of
 * events each taken on its own (decode → handshake? → split? → per item: type, schema, age, id).
 * @module
 */
import { isWebhookVerificationError, type WebhookVerificationError } from "../errors.js";
import type { ItemStage } from "../event/create-event-stage.js";
import { decodePayload } from "../event/decode-payload.js";
import { chain, isThenable, type MaybePromise } from "../maybe.js";
import type { AuthenticatedRequest } from "../verify/authenticate.js";
import { asVerificationError } from "./respond.js";
import type {
  EventMap,
  HandshakeAnswer,
  InvalidPayloadEvent,
  VerifiedEvent,
  WebhookProvider,
} from "./types.js";

/** A signed handshake the provider answered: sent back, never deduped or handled. */
export class Handshake {
  constructor(readonly answer: HandshakeAnswer) {}
}

/** A batch: each item an event, or why it was refused on its own. */
export class Batch<Event> {
  constructor(readonly items: readonly (Event | WebhookVerificationError)[]) {}
}

/** One event (or one to park), a handshake, or a batch. */
export type Inspected<Event> = Event | Handshake | Batch<Event>;

/**
 * The stage after authentication for `provider`: its handshake and split hooks around `toItem`. Without either
 * hook it is `toItem` on the decoded payload, adding nothing to a plain delivery.
 *
 * @example
 * const inspect = createInspector(provider, createItemStage(provider, stageOptions));
 * const inspected = await inspect(await authenticate(input));
 */
export function createInspector<Events extends EventMap, Event = VerifiedEvent<Events> | InvalidPayloadEvent>(
  provider: WebhookProvider<Events>,
  toItem: ItemStage<Event>,
): (auth: AuthenticatedRequest) => MaybePromise<Inspected<Event>> {
  const { handshake, split } = provider;

  function item(
    auth: AuthenticatedRequest,
    payload: unknown,
  ): MaybePromise<Event | WebhookVerificationError> {
    try {
      const event = toItem(auth, payload, true);
      return isThenable(event) ? Promise.resolve(event).then(undefined, asVerificationError) : event;
    } catch (cause) {
      return asVerificationError(cause);
    }
  }

  function events(auth: AuthenticatedRequest, payload: unknown): MaybePromise<Inspected<Event>> {
    if (split === undefined) return toItem(auth, payload, false);
    const items = split.call(provider, payload).map((entry) => item(auth, entry));
    return items.some(isThenable)
      ? Promise.all(items).then((settled) => new Batch(settled))
      : new Batch(items as (Event | WebhookVerificationError)[]);
  }

  return (auth) => {
    const payload = decodePayload(provider, auth);
    if (handshake === undefined) return events(auth, payload);
    return chain(handshake.call(provider, payload, auth), (answer) =>
      answer === undefined ? events(auth, payload) : new Handshake(answer),
    );
  };
}

/** Whether a batch item was refused on its own. */
export function refusedItem<Event>(item: Event | WebhookVerificationError): item is WebhookVerificationError {
  return isWebhookVerificationError(item);
}
