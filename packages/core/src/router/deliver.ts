/**
 * The delivery pipeline: authenticate and the event stage → dedupe claim → handlers → complete | release →
 * the answer. Synchronous end to end when the crypto backend, the schema, the store and the handlers are.
 * @module
 */
import { type Claimed, claim, complete, release } from "../dedupe/claim.js";
import { dedupeKeys } from "../dedupe/dedupe-key.js";
import { isWebhookVerificationError, WebhookVerificationError } from "../errors.js";
import { chain, isThenable, type MaybePromise } from "../maybe.js";
import type { VerifyInput } from "../verify/authenticate.js";
import { DeliveryContext } from "./context.js";
import type { RouterStore } from "./dedupe-store.js";
import { type Handoff, handOff } from "./hand-off.js";
import type { HandlerTable } from "./handler-table.js";
import type { RouterOptions } from "./options.js";
import { replayEnd } from "./replay-bound.js";
import { asVerificationError, failure, ok } from "./respond.js";
import { runHandlers } from "./run-handlers.js";
import { type RunningHandlers, shuttingDown } from "./running-handlers.js";
import type { RouterSettings } from "./settings.js";
import type {
  EventHandler,
  EventMap,
  InvalidPayloadEvent,
  ProcessResult,
  RunResult,
  VerifiedEvent,
  WebhookProvider,
} from "./types.js";

type Outcome = "handled" | "parked";

/** Calls a logging hook; a hook that throws must never change the answer. */
function safely<A extends unknown[]>(hook: ((...args: A) => void) | undefined, ...args: A): void {
  if (hook === undefined) return;
  try {
    hook(...args);
  } catch {
    // Deliberately ignored: see above.
  }
}

/** What a pipeline is made of; `create-webhooks.ts` assembles it. */
export interface DeliveryParts<Events extends EventMap> {
  readonly options: RouterOptions<Events>;
  readonly provider: WebhookProvider<Events>;
  readonly now: () => number;
  /** Authentication and the event stage, a schema failure parked when there is `onInvalidPayload`. */
  readonly toEvent: (input: VerifyInput) => MaybePromise<VerifiedEvent<Events> | InvalidPayloadEvent>;
  readonly settings: RouterSettings;
  readonly store: RouterStore;
  readonly handlers: HandlerTable;
  readonly running: RunningHandlers;
  /** Where verified events go instead of the handlers (a queue); `undefined` runs them in the request. */
  readonly handoff?: Handoff | undefined;
  /** Failure answers carry their error (`RunResult.error`): for `hooks.run()`, which a queue worker reads. */
  readonly keepErrors?: boolean;
}

/**
 * The whole pipeline over one request; `process` never throws.
 *
 * @example
 * const delivery = new Delivery(parts);
 * const { status, headers, body } = await delivery.process({ headers: req.headers, body: rawBody });
 */
export class Delivery<Events extends EventMap> {
  readonly #parts: DeliveryParts<Events>;
  readonly #keyOf: (id: string) => MaybePromise<string>;

  constructor(parts: DeliveryParts<Events>) {
    this.#parts = parts;
    this.#keyOf = dedupeKeys(parts.provider.name, parts.options.endpoint ?? "default");
  }

  /** Verifies, dedupes, runs the handlers and answers; every refusal and failure is an answer. */
  async process(input: VerifyInput): Promise<ProcessResult> {
    let event: VerifiedEvent<Events> | InvalidPayloadEvent;
    try {
      const verified = this.#parts.toEvent(input);
      event = isThenable(verified) ? await verified : verified;
    } catch (cause) {
      return this.reject(asVerificationError(cause));
    }
    if ("issues" in event) return this.#park(event);
    safely(this.#parts.options.onVerified, event);
    return this.#dispatch(event);
  }

  /** Runs the handlers of an event verified earlier (and handed off), deduped; never hands it off. */
  async run(event: VerifiedEvent<Events>): Promise<RunResult> {
    try {
      return await this.#inline(event);
    } catch (cause) {
      return this.#failure(asVerificationError(cause));
    }
  }

  /** The answer to a refused request, reported to `onRejected`. */
  reject(error: WebhookVerificationError): ProcessResult {
    safely(this.#parts.options.onRejected, error);
    return this.#failure(error);
  }

  #failure(error: WebhookVerificationError): RunResult {
    const result: RunResult = failure(error);
    if (this.#parts.keepErrors === true) result.error = error;
    return result;
  }

  #dispatch(event: VerifiedEvent<Events>): MaybePromise<ProcessResult> {
    const { handoff } = this.#parts;
    return handoff === undefined ? this.#inline(event) : this.#handOff(event, handoff);
  }

  /** Gives the event to the queue under its dedupe key, and acknowledges once the queue holds it. */
  #handOff(event: VerifiedEvent<Events>, handoff: Handoff): MaybePromise<ProcessResult> {
    if (this.#parts.running.closing) return failure(shuttingDown());
    return chain(this.#keyOf(event.id), (key) =>
      chain(handOff(handoff, this.#parts.store.store, event, key), (outcome) =>
        outcome instanceof WebhookVerificationError ? this.reject(outcome) : ok(outcome),
      ),
    );
  }

  #inline(event: VerifiedEvent<Events>): MaybePromise<ProcessResult> {
    const handlers = this.#parts.handlers.handlersOf(event.type);
    if (handlers.length > 0) return this.#claimed(event, handlers, "handled");
    if (this.#parts.options.onUnhandled !== "reject") return ok("unhandled");
    const error = new WebhookVerificationError(
      "handler_failed",
      `No handler is registered for \`${event.type}\`; the sender will retry it.`,
    );
    safely(this.#parts.options.onError, error, event);
    return this.#failure(error);
  }

  /** Hands an authenticated event that breaks its schema to `onInvalidPayload`, deduped like any event. */
  #park(event: InvalidPayloadEvent): MaybePromise<ProcessResult> {
    const { onInvalidPayload } = this.#parts.options;
    return this.#claimed(event, [(_, context) => onInvalidPayload?.(event, context)], "parked");
  }

  /** Claims the event's id, then runs `handlers`; a duplicate, a claim in flight or a store down answers instead. */
  #claimed(
    event: VerifiedEvent<Events> | InvalidPayloadEvent,
    handlers: readonly EventHandler<unknown>[],
    outcome: Outcome,
  ): MaybePromise<ProcessResult> {
    const { running, store, settings } = this.#parts;
    if (running.closing) return this.#failure(shuttingDown());
    if (store.store === undefined) return this.#run(event, handlers, undefined, outcome);
    const dedupe = store.store;
    return chain(this.#keyOf(event.id), (key) =>
      chain(claim(dedupe, key, settings.lockMs), (state: Claimed) => {
        this.#reportEviction(event);
        if (state instanceof WebhookVerificationError) return this.reject(state);
        return state === "done" ? ok("duplicate") : this.#run(event, handlers, key, outcome);
      }),
    );
  }

  /** Runs the handlers, watched against `timeoutMs` once one of them is pending. */
  #run(
    event: VerifiedEvent<Events> | InvalidPayloadEvent,
    handlers: readonly EventHandler<unknown>[],
    key: string | undefined,
    outcome: Outcome,
  ): MaybePromise<ProcessResult> {
    const started = this.#parts.options.onHandled === undefined ? 0 : this.#parts.now();
    const context = new DeliveryContext(event);
    let pending: PromiseLike<unknown> | undefined;
    try {
      pending = runHandlers(handlers, event.payload, context);
    } catch (cause) {
      return this.#failed(event, key, cause);
    }
    if (pending === undefined) return this.#succeeded(event, key, started, outcome);
    return this.#parts.running.watch(pending, context, key).then(
      () => this.#succeeded(event, key, started, outcome),
      (cause: unknown) => this.#failed(event, key, cause),
    );
  }

  /** Records the event handled, and answers 200. */
  #succeeded(
    event: VerifiedEvent<Events> | InvalidPayloadEvent,
    key: string | undefined,
    started: number,
    outcome: Outcome,
  ): MaybePromise<ProcessResult> {
    const { options, store, provider, settings, now } = this.#parts;
    const answer = (stored: unknown): ProcessResult => {
      if (stored !== true) {
        safely(
          options.onError,
          new WebhookVerificationError(
            "store_unavailable",
            `\`${event.type}\` was handled but the dedupe store could not record it; a replay within the lock would be handled again.`,
            { cause: stored },
          ),
          event,
        );
      }
      if (options.onHandled !== undefined && !("issues" in event)) {
        safely(options.onHandled, event, { durationMs: now() - started });
      }
      return ok(outcome);
    };
    if (store.store === undefined || key === undefined) return answer(true);
    const end = replayEnd(provider, event, settings.tolerance, settings.maxAge);
    return chain(complete(store.store, key, settings.retainMs, end, now()), (stored) => {
      this.#reportEviction(event);
      return answer(stored);
    });
  }

  /** Releases the event's claim so the sender's retry is handled, and answers with the failure. */
  #failed(
    event: VerifiedEvent<Events> | InvalidPayloadEvent,
    key: string | undefined,
    cause: unknown,
  ): MaybePromise<ProcessResult> {
    const error = isWebhookVerificationError(cause)
      ? cause
      : new WebhookVerificationError(
          "handler_failed",
          "issues" in event
            ? `\`onInvalidPayload\` failed to park \`${event.type}\`; the event was released so the sender's retry will be parked.`
            : `The handler for \`${event.type}\` failed; the event was released so the sender's retry will be handled.`,
          { cause },
        );
    const answer = (): ProcessResult => {
      safely(this.#parts.options.onError, error, event);
      return this.#failure(error);
    };
    const { store } = this.#parts.store;
    if (store === undefined || key === undefined) return answer();
    return chain(release(store, key), answer);
  }

  #reportEviction(event: VerifiedEvent<Events> | InvalidPayloadEvent): void {
    const error = this.#parts.store.takeEviction();
    if (error !== undefined) safely(this.#parts.options.onError, error, event);
  }
}
