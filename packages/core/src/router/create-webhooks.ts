/**
 * The router: verify → dedupe → handlers → complete | abort → response.
 * @module
 */

import { type EvictionReport, memoryStore } from "../dedupe/memory-store.js";
import { isWebhookVerificationError, WebhookVerificationError } from "../errors.js";
import { createEventStage } from "../event/create-event-stage.js";
import { providerRules } from "../event/provider-rules.js";
import { integerOption } from "../integer-option.js";
import type { MaybePromise } from "../maybe.js";
import { chain, isThenable } from "../maybe.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import type { VerifyInput } from "../verify/authenticate.js";
import { bodyAlreadyParsed, readLimited } from "../verify/read-body.js";
import { claim, evictionError, settle } from "./claim.js";
import { DeliveryContext } from "./context.js";
import { dedupeKeys } from "./dedupe-key.js";
import type { CloseOptions, CustomWebhooksOptions, ProviderWebhooksOptions, Webhooks } from "./options.js";
import { providerOf } from "./provider-of.js";
import { replayEnd } from "./replay-bound.js";
import { asVerificationError, failure, ok } from "./respond.js";
import { routerSettings } from "./settings.js";
import type {
  EventHandler,
  EventMap,
  EventsOf,
  InvalidPayloadEvent,
  ProcessResult,
  VerifiedEvent,
} from "./types.js";

const HOUR = 3_600_000;

function noop(): void {}

/** A delivery whose handlers are still pending: what `close()` waits for, then cuts off and releases. */
interface Running {
  readonly key: string | undefined;
  abort(reason: WebhookVerificationError): void;
  /** Settles when the handlers do, or when they are cut off. */
  readonly done: Promise<void>;
}

function shuttingDown(): WebhookVerificationError {
  return new WebhookVerificationError(
    "shutting_down",
    "This instance is shutting down and takes no new events; the sender's retry will be handled by another.",
    { retryAfter: 5 },
  );
}

/**
 * Creates a typed webhook router: it verifies each request, validates its payload against the event's
 * schema, handles each event exactly once, and answers the sender.
 *
 * @example
 * const hooks = createWebhooks({ provider: stackAuth({ secret: process.env.STACK_WEBHOOK_SECRET! }) })
 *   .on("user.created", async (event) => { await db.users.insert(event.data) });
 * export const POST = (request: Request) => hooks.handle(request);
 */
export function createWebhooks<Events extends EventMap>(
  options: ProviderWebhooksOptions<Events>,
): Webhooks<Events>;
export function createWebhooks<Catalogue extends Record<string, StandardSchemaV1>>(
  options: CustomWebhooksOptions<Catalogue>,
): Webhooks<EventsOf<Catalogue>>;
export function createWebhooks<Events extends EventMap>(
  options: ProviderWebhooksOptions<Events> | CustomWebhooksOptions<Record<string, StandardSchemaV1>>,
): Webhooks<Events> {
  const provider = providerOf<Events>(options);
  const now = options.now ?? Date.now;
  const { authenticator, retainMs, lockMs, timeoutMs, maxAge } = routerSettings(options, provider, now);
  const { maxBodyBytes, tolerance, authenticate } = authenticator;
  // What the default store evicted during the store call just made, reported with the event that made it.
  let evicted: EvictionReport | undefined;
  const onEvict =
    options.onError &&
    ((report: EvictionReport): void => {
      evicted = report;
    });
  const store = options.dedupe === false ? undefined : (options.dedupe ?? memoryStore({ now, onEvict }));
  const toEvent = createEventStage(providerRules(provider, { maxAge, now, tolerance }));
  const verify = (input: VerifyInput) => chain(authenticate(input), toEvent);
  const onInvalidPayload = options.onInvalidPayload;
  // With `onInvalidPayload`, deliveries park a schema failure; `hooks.verify()` still throws it.
  const toParked =
    onInvalidPayload === undefined
      ? toEvent
      : createEventStage(providerRules(provider, { maxAge, now, tolerance, park: true }));
  const deliver = (input: VerifyInput) => chain(authenticate(input), toParked);
  const keyOf = dedupeKeys(provider.name, options.endpoint ?? "default");
  const handlers = new Map<string, EventHandler<unknown>[]>();
  const anyHandlers: EventHandler<unknown>[] = [];
  // Each registered type's handlers followed by the catch-all ones, rebuilt when a handler is added.
  const routes = new Map<string, EventHandler<unknown>[]>();
  // Handlers still pending now, with their dedupe keys: what `close()` waits for and releases.
  const running = new Set<Running>();
  let closing = false;

  function safely<A extends unknown[]>(hook: ((...args: A) => void) | undefined, ...args: A): void {
    if (hook === undefined) return;
    try {
      hook(...args);
    } catch {
      // A logging hook must never change the answer.
    }
  }

  function route(): void {
    routes.clear();
    for (const [type, own] of handlers) routes.set(type, [...own, ...anyHandlers]);
  }

  function dispatch(event: VerifiedEvent<Events>): MaybePromise<ProcessResult> {
    const list = routes.get(event.type) ?? anyHandlers;
    if (list.length === 0) {
      if (options.onUnhandled === "reject") {
        const error = new WebhookVerificationError(
          "handler_failed",
          `No handler is registered for \`${event.type}\`; the sender will retry it.`,
        );
        safely(options.onError, error, event);
        return failure(error);
      }
      return ok("unhandled");
    }
    return claimed(event, list, "handled");
  }

  /** Hands an authenticated event that breaks its schema to `onInvalidPayload`, deduped like any event. */
  function park(event: InvalidPayloadEvent): MaybePromise<ProcessResult> {
    return claimed(event, [(_, context) => onInvalidPayload?.(event, context)], "parked");
  }

  /** Claims the event's id, then runs `list`; a duplicate, a claim in flight or a store down answers instead. */
  function claimed(
    event: VerifiedEvent<Events> | InvalidPayloadEvent,
    list: readonly EventHandler<unknown>[],
    outcome: "handled" | "parked",
  ): MaybePromise<ProcessResult> {
    if (closing) return failure(shuttingDown());
    if (store === undefined) return run(event, list, undefined, outcome);
    return chain(keyOf(event.id), (key) =>
      chain(claim(store, key, lockMs), (state) => {
        reportEvictions(event);
        if (state instanceof WebhookVerificationError) return reject(state);
        return state === "done" ? ok("duplicate") : run(event, list, key, outcome);
      }),
    );
  }

  function reportEvictions(event: VerifiedEvent<Events> | InvalidPayloadEvent): void {
    if (evicted === undefined) return;
    const report = evicted;
    evicted = undefined;
    safely(options.onError, evictionError(report), event);
  }

  /** Runs the handlers in order; the first one to return a promise turns the rest asynchronous. */
  function run(
    event: VerifiedEvent<Events> | InvalidPayloadEvent,
    list: readonly EventHandler<unknown>[],
    key: string | undefined,
    outcome: "handled" | "parked",
  ): MaybePromise<ProcessResult> {
    const started = options.onHandled === undefined ? 0 : now();
    const context = new DeliveryContext(event);
    const fail = (cause: unknown) => failed(event, key, cause);
    for (let i = 0; i < list.length; i++) {
      let result: unknown;
      try {
        result = (list[i] as EventHandler<unknown>)(event.payload, context);
      } catch (cause) {
        return fail(cause);
      }
      if (isThenable(result)) {
        const rest = list.slice(i + 1);
        const work =
          rest.length === 0
            ? result
            : (async () => {
                await result;
                for (const handler of rest) await handler(event.payload, context);
              })();
        return watch(work, context, key).then(() => succeeded(event, key, started, outcome), fail);
      }
    }
    return succeeded(event, key, started, outcome);
  }

  /**
   * Settles with `work`, or rejects first when it runs past `timeoutMs` or `close()` gives up on it. A
   * handler still running then is left to its signal.
   */
  function watch(
    work: PromiseLike<unknown>,
    context: DeliveryContext,
    key: string | undefined,
  ): Promise<void> {
    let stop: (reason: WebhookVerificationError) => void = noop;
    const guarded = new Promise<void>((resolve, reject) => {
      stop = reject;
      work.then(() => resolve(), reject);
    });
    const entry: Running = {
      key,
      abort(reason) {
        DeliveryContext.abort(context, reason);
        stop(reason);
      },
      done: guarded.then(release, release),
    };
    const timer = setTimeout(() => entry.abort(timedOut(context.type)), timeoutMs);
    running.add(entry);
    function release(): void {
      clearTimeout(timer);
      running.delete(entry);
    }
    return guarded;
  }

  function succeeded(
    event: VerifiedEvent<Events> | InvalidPayloadEvent,
    key: string | undefined,
    started: number,
    outcome: "handled" | "parked",
  ): MaybePromise<ProcessResult> {
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
    if (store === undefined || key === undefined) return answer(true);
    // The record outlives the event's replay bound, and a bounded store must not evict it before then.
    const end = replayEnd(provider, event, tolerance, maxAge);
    const pinMs = end === undefined ? undefined : Math.max(0, end - now());
    const retain = pinMs === undefined ? retainMs : Math.max(retainMs, pinMs);
    return chain(
      settle(() => store.complete(key, retain, pinMs)),
      (stored) => {
        reportEvictions(event);
        return answer(stored);
      },
    );
  }

  function failed(
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
      safely(options.onError, error, event);
      return failure(error);
    };
    if (store === undefined || key === undefined) return answer();
    return chain(
      settle(() => store.abort(key)),
      answer,
    );
  }

  async function process(input: VerifyInput): Promise<ProcessResult> {
    let event: VerifiedEvent<Events> | InvalidPayloadEvent;
    try {
      const verified = deliver(input);
      event = isThenable(verified) ? await verified : verified;
    } catch (cause) {
      return reject(asVerificationError(cause));
    }
    if ("issues" in event) return park(event);
    safely(options.onVerified, event);
    return dispatch(event);
  }

  function reject(error: WebhookVerificationError): ProcessResult {
    safely(options.onRejected, error);
    return failure(error);
  }

  async function handle(request: Request): Promise<Response> {
    let result: ProcessResult;
    if (request.bodyUsed) {
      result = reject(
        bodyAlreadyParsed(
          "a body that was already read",
          "Call `hooks.handle(request)` before anything reads the request (`request.json()`, `request.text()`), or pass `request.clone()`.",
        ),
      );
    } else {
      // Read only once the required headers are there, so a request without them leaves its body unread.
      const body = () => readLimited(request.body, maxBodyBytes, request.headers.get("content-length"));
      result = await process({ headers: request.headers, body });
    }
    return new Response(result.body, { status: result.status, headers: result.headers });
  }

  function timedOut(type: string): WebhookVerificationError {
    return new WebhookVerificationError(
      "handler_timeout",
      `The handler for \`${type}\` ran past ${timeoutMs} ms; the event was released so the sender's retry will be handled.`,
      { retryAfter: Math.ceil(lockMs / 1000) },
    );
  }

  async function close(closeOptions: CloseOptions = {}): Promise<void> {
    const graceMs = integerOption("graceMs", closeOptions.graceMs ?? 10_000, HOUR);
    closing = true;
    const pending = [...running];
    if (pending.length > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(pending.map((entry) => entry.done)), grace]);
      clearTimeout(timer);
    }
    // Handlers still running lose their claim now, so another instance handles the retry at once
    // instead of waiting for the lock to lapse.
    await Promise.all(
      [...running].map(async (entry) => {
        entry.abort(shuttingDown());
        if (store !== undefined && entry.key !== undefined) {
          const key = entry.key;
          await settle(() => store.abort(key));
        }
      }),
    );
  }

  const router: Webhooks<Events> = {
    on(type, handler) {
      const list = handlers.get(type) ?? [];
      list.push(handler as EventHandler<unknown>);
      handlers.set(type, list);
      route();
      return router;
    },
    onAny(handler) {
      anyHandlers.push(handler as EventHandler<unknown>);
      route();
      return router;
    },
    verify: async (input) => verify(input),
    process,
    handle,
    reject,
    close,
    maxBodyBytes,
    provider,
  };
  return router;
}
