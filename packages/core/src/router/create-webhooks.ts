/**
 * The router: verify → dedupe → handlers → complete | abort → response.
 * @module
 */
import { memoryStore } from "../dedupe/memory-store.js";
import { configError, isWebhookVerificationError, WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { createVerifier, type VerifyInput } from "../verify/create-verifier.js";
import { bodyAlreadyParsed, readLimited } from "../verify/read-body.js";
import { claim, settle } from "./claim.js";
import type { CloseOptions, CustomWebhooksOptions, ProviderWebhooksOptions, Webhooks } from "./options.js";
import { providerOf } from "./provider-of.js";
import { asVerificationError, failure, ok } from "./respond.js";
import { runHandlers } from "./run-handlers.js";
import type {
  AnyEventHandler,
  EventHandler,
  EventMap,
  EventsOf,
  ProcessResult,
  VerifiedEvent,
  WebhookContext,
} from "./types.js";
import { createEventVerifier } from "./verify-event.js";

const HOUR = 3_600_000;

function noop(): void {}

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
  const verifier = createVerifier({
    scheme: provider.scheme,
    now,
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const store = options.dedupe === false ? undefined : (options.dedupe ?? memoryStore({ now }));
  const retainMs = options.retainMs ?? 72 * HOUR;
  const lockMs = options.lockMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 25_000;
  const maxAge = options.maxAge ?? provider.maxAge;
  const verify = createEventVerifier(provider, verifier, { maxAge, now });
  const endpoint = options.endpoint ?? "default";
  if (maxAge !== undefined && store !== undefined && maxAge * 1000 > retainMs) {
    throw configError(
      `\`maxAge\` (${maxAge} s) is longer than the dedupe retention \`retainMs\` (${retainMs} ms): a replay older than the retention would be handled again. Lower maxAge or raise retainMs.`,
    );
  }
  if (store !== undefined && lockMs <= timeoutMs) {
    throw configError("`lockMs` must be longer than `timeoutMs`, or a running handler could lose its claim.");
  }
  const handlers = new Map<string, EventHandler<unknown>[]>();
  const anyHandlers: AnyEventHandler<Events>[] = [];
  // Handlers running now, with their dedupe keys: what `close()` waits for and releases.
  const running = new Map<
    { abort: (reason: WebhookVerificationError) => void; done: Promise<void> },
    string
  >();
  let closing = false;

  function safely<A extends unknown[]>(hook: ((...args: A) => void) | undefined, ...args: A): void {
    try {
      hook?.(...args);
    } catch {
      // A logging hook must never change the answer.
    }
  }

  async function dispatch(event: VerifiedEvent<Events>): Promise<ProcessResult> {
    const list = [...(handlers.get(event.type) ?? []), ...(anyHandlers as EventHandler<unknown>[])];
    if (list.length === 0) {
      if (options.onUnhandled === "reject") {
        const error = new WebhookVerificationError(
          "handler_failed",
          `No handler is registered for \`${event.type}\`; the sender will retry it.`,
        );
        safely(options.onError, error, event);
        return failure(error);
      }
      return ok({ unhandled: true });
    }
    if (closing) return failure(shuttingDown());
    const key = `${provider.name}:${endpoint}:${event.id}`;
    if (store !== undefined) {
      const state = await claim(store, key, lockMs);
      if (state instanceof WebhookVerificationError) {
        safely(options.onRejected, state);
        return failure(state);
      }
      if (state === "done") return ok({ duplicate: true });
    }
    const started = now();
    // The signal is made on first use: most handlers never read it, and an AbortController costs
    // microseconds per delivery in Node's EventTarget. Aborting rejects `aborted` directly, not through
    // an "abort" listener.
    let controller: AbortController | undefined;
    let reason: WebhookVerificationError | undefined;
    let stop: (reason: WebhookVerificationError) => void = noop;
    const aborted = new Promise<never>((_, reject) => {
      stop = reject;
    });
    // An abort after the handlers finished rejects a promise nobody awaits any more.
    aborted.catch(noop);
    const abort = (why: WebhookVerificationError): void => {
      reason ??= why;
      controller?.abort(why);
      stop(why);
    };
    const context: WebhookContext = {
      type: event.type,
      id: event.id,
      provider: event.provider,
      timestamp: event.timestamp,
      raw: event.raw,
      keyIndex: event.keyIndex,
      get signal(): AbortSignal {
        if (controller === undefined) {
          controller = new AbortController();
          if (reason !== undefined) controller.abort(reason);
        }
        return controller.signal;
      },
    };
    const timer = setTimeout(() => abort(timedOut(event.type)), timeoutMs);
    const work = runHandlers(list, event.payload, context, aborted);
    const entry = { abort, done: work.then(noop, noop) };
    running.set(entry, key);
    try {
      await work;
    } catch (cause) {
      if (store !== undefined) await settle(() => store.abort(key));
      const error = isWebhookVerificationError(cause)
        ? cause
        : new WebhookVerificationError(
            "handler_failed",
            `The handler for \`${event.type}\` failed; the event was released so the sender's retry will be handled.`,
            { cause },
          );
      safely(options.onError, error, event);
      return failure(error);
    } finally {
      clearTimeout(timer);
      running.delete(entry);
    }
    if (store !== undefined) {
      const stored = await settle(() => store.complete(key, retainMs));
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
    }
    safely(options.onHandled, event, { durationMs: now() - started });
    return ok({});
  }

  async function process(input: VerifyInput): Promise<ProcessResult> {
    let event: VerifiedEvent<Events>;
    try {
      event = await verify(input);
    } catch (cause) {
      const error = asVerificationError(cause);
      safely(options.onRejected, error);
      return failure(error);
    }
    safely(options.onVerified, event);
    return dispatch(event);
  }

  async function handle(request: Request): Promise<Response> {
    let result: ProcessResult;
    if (request.bodyUsed) {
      result = failure(
        bodyAlreadyParsed(
          "a body that was already read",
          "Call `hooks.handle(request)` before anything reads the request (`request.json()`, `request.text()`), or pass `request.clone()`.",
        ),
      );
    } else {
      try {
        const body = await readLimited(request.body, maxBodyBytes, request.headers.get("content-length"));
        result = await process({ headers: request.headers, body });
      } catch (cause) {
        const error = asVerificationError(cause);
        safely(options.onRejected, error);
        result = failure(error);
      }
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
    closing = true;
    const graceMs = closeOptions.graceMs ?? 10_000;
    const pending = [...running.keys()];
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
      [...running].map(async ([entry, key]) => {
        entry.abort(shuttingDown());
        if (store !== undefined) await settle(() => store.abort(key));
      }),
    );
  }

  const router: Webhooks<Events> = {
    on(type, handler) {
      const list = handlers.get(type) ?? [];
      list.push(handler as EventHandler<unknown>);
      handlers.set(type, list);
      return router;
    },
    onAny(handler) {
      anyHandlers.push(handler);
      return router;
    },
    verify,
    process,
    handle,
    close,
    maxBodyBytes,
    provider,
  };
  return router;
}
