/**
 * The router: verify → parse → validate → dedupe → handler → complete | abort → response.
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { MaybePromise } from "../crypto/types.js";
import { memoryStore } from "../dedupe/memory-store.js";
import type { DedupeStore } from "../dedupe/types.js";
import { configError, WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { validate } from "../schema/validate.js";
import type { WebhookScheme } from "../schemes/types.js";
import { createVerifier, type VerifyInput } from "../verify/create-verifier.js";
import { parseJson } from "../verify/parse-json.js";
import { bodyAlreadyParsed, readLimited } from "../verify/read-body.js";
import { asVerificationError, failure, ok } from "./respond.js";
import type {
  AnyEventHandler,
  EventCatalogue,
  EventHandler,
  EventMap,
  EventsOf,
  ProcessResult,
  VerifiedEvent,
  WebhookContext,
  WebhookProvider,
} from "./types.js";

const HOUR = 3_600_000;

/** Options every router has, whatever says where events come from. */
export interface RouterOptions<Events extends EventMap> {
  /**
   * Where handled event ids are remembered. Default: a `memoryStore()` of this router. Pass
   * `redisStore(…)` from `@hookproof/redis` when several instances receive webhooks, or `false` to handle
   * every delivery (no dedupe).
   */
  dedupe?: DedupeStore | false;
  /** Part of the dedupe key, to keep two endpoints of one provider apart. Default `"default"`. */
  endpoint?: string;
  /** How long a handled id is remembered, ms. At least the sender's retry span. Default 72 h. */
  retainMs?: number;
  /** How long a claim holds while its handler runs, ms; a claim whose process died lapses after it. Default 60 s. */
  lockMs?: number;
  /** A handler running longer is cut off (its `signal` aborts) and the event is released for a retry. Default 25 s. */
  timeoutMs?: number;
  /** Seconds a signed timestamp may lie from the clock. Default 300. */
  tolerance?: number;
  /** Seconds after which an event whose signed body says when it was created is too old. Default: the provider's. */
  maxAge?: number;
  /** Largest body accepted, bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** The clock, ms. Default `Date.now`. */
  now?: () => number;
  /** An event type with no handler: acknowledged (default), or `"reject"`ed with 500 so the sender retries. */
  onUnhandled?: "acknowledge" | "reject";
  /** A request passed verification and its payload its schema. */
  onVerified?: (event: VerifiedEvent<Events>) => void;
  /** A request was rejected (bad signature, replay, bad payload, duplicate in flight, store down). */
  onRejected?: (error: WebhookVerificationError) => void;
  /** A handler finished; `durationMs` is its run time. */
  onHandled?: (event: VerifiedEvent<Events>, info: { durationMs: number }) => void;
  /** A handler threw or timed out (the event was released), or the store failed after a handler succeeded. */
  onError?: (error: WebhookVerificationError, event: VerifiedEvent<Events>) => void;
}

/** `createWebhooks({ provider })`: a provider from `@hookproof/core/providers`, or your own. */
export interface ProviderWebhooksOptions<Events extends EventMap> extends RouterOptions<Events> {
  provider: WebhookProvider<Events>;
}

/** `createWebhooks({ scheme, events })`: your own catalogue, in any Standard Schema library. */
export interface CustomWebhooksOptions<Catalogue extends Record<string, StandardSchemaV1>>
  extends RouterOptions<EventsOf<Catalogue>> {
  scheme: WebhookScheme;
  events: Catalogue;
  /** Names the source in dedupe keys and logs. Default `"custom"`. */
  name?: string;
  /** The event type of a parsed body. Default: its `type` field. */
  eventType?: (payload: unknown) => string | undefined;
  /** The dedupe id of an event. Default: the scheme's id, else the body's `id` field, else the body hash. */
  eventId?: (payload: unknown, schemeId: string | undefined) => string | undefined;
}

/** A typed webhook router; see {@link createWebhooks}. */
export interface Webhooks<Events extends EventMap> {
  /** Handles `type` with `handler`; `event` is that type's payload. Chainable. */
  on<Type extends Extract<keyof Events, string>>(
    type: Type,
    handler: EventHandler<Events[Type], Type>,
  ): Webhooks<Events>;
  /** Runs `handler` for every event, after the type's own handlers. Chainable. */
  onAny(handler: AnyEventHandler<Events>): Webhooks<Events>;
  /** Verifies and validates without handling or deduping: for middleware that hands the event on. */
  verify(input: VerifyInput): Promise<VerifiedEvent<Events>>;
  /** The whole pipeline over raw bytes; the framework adapters call this. Never throws. */
  process(input: VerifyInput): Promise<ProcessResult>;
  /** The whole pipeline for a Web `Request`. Never throws. */
  handle(request: Request): Promise<Response>;
  /** The size limit, so adapters can stop reading a body past it. */
  readonly maxBodyBytes: number;
  readonly provider: WebhookProvider<Events>;
}

function defaultType(payload: unknown): string | undefined {
  const type = (payload as { type?: unknown } | null)?.type;
  return typeof type === "string" ? type : undefined;
}

function defaultId(payload: unknown, schemeId: string | undefined): string | undefined {
  if (schemeId !== undefined) return schemeId;
  const id = (payload as { id?: unknown } | null)?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

function providerOf<Events extends EventMap>(
  options: ProviderWebhooksOptions<Events> | CustomWebhooksOptions<Record<string, StandardSchemaV1>>,
): WebhookProvider<Events> {
  if ("provider" in options && options.provider) return options.provider;
  const custom = options as CustomWebhooksOptions<Record<string, StandardSchemaV1>>;
  if (!custom.scheme || !custom.events) {
    throw configError("Pass `provider` (from `@hookproof/core/providers`), or both `scheme` and `events`.");
  }
  return {
    name: custom.name ?? "custom",
    scheme: custom.scheme,
    events: custom.events as unknown as EventCatalogue<Events>,
    eventType: custom.eventType ?? defaultType,
    eventId: custom.eventId ?? defaultId,
  };
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
  const events = provider.events as Record<string, StandardSchemaV1 | undefined>;

  function safely<A extends unknown[]>(hook: ((...args: A) => void) | undefined, ...args: A): void {
    try {
      hook?.(...args);
    } catch {
      // A logging hook must never change the answer.
    }
  }

  async function verify(input: VerifyInput): Promise<VerifiedEvent<Events>> {
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
  }

  async function run(event: VerifiedEvent<Events>, list: EventHandler<unknown>[]): Promise<void> {
    const controller = new AbortController();
    const context: WebhookContext = {
      type: event.type,
      id: event.id,
      provider: event.provider,
      timestamp: event.timestamp,
      raw: event.raw,
      keyIndex: event.keyIndex,
      signal: controller.signal,
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new WebhookVerificationError(
          "handler_timeout",
          `The handler for \`${event.type}\` ran past ${timeoutMs} ms; the event was released so the sender's retry will be handled.`,
          { retryAfter: Math.ceil(lockMs / 1000) },
        );
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      const work = (async () => {
        for (const handler of list) await handler(event.payload, context);
      })();
      await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
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
    const key = `${provider.name}:${endpoint}:${event.id}`;
    if (store !== undefined) {
      const state = await claim(store, key);
      if (state instanceof WebhookVerificationError) {
        safely(options.onRejected, state);
        return failure(state);
      }
      if (state === "done") return ok({ duplicate: true });
    }
    const started = now();
    try {
      await run(event, list);
    } catch (cause) {
      if (store !== undefined) await settle(() => store.abort(key));
      const error =
        cause instanceof WebhookVerificationError && cause.code === "handler_timeout"
          ? cause
          : new WebhookVerificationError(
              "handler_failed",
              `The handler for \`${event.type}\` failed; the event was released so the sender's retry will be handled.`,
              { cause },
            );
      safely(options.onError, error, event);
      return failure(error);
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

  async function claim(dedupe: DedupeStore, key: string): Promise<"new" | "done" | WebhookVerificationError> {
    let state: Awaited<ReturnType<DedupeStore["begin"]>>;
    try {
      state = await dedupe.begin(key, lockMs);
    } catch (cause) {
      return new WebhookVerificationError(
        "store_unavailable",
        "The dedupe store cannot be reached, so the event was not handled; the sender's retry will be.",
        { cause, retryAfter: 30 },
      );
    }
    if (state !== "in_flight") return state;
    let remaining: number | undefined;
    try {
      remaining = await dedupe.lockTtl?.(key);
    } catch {
      remaining = undefined;
    }
    return new WebhookVerificationError(
      "duplicate_in_flight",
      "This event is being handled right now by another delivery; retry after the `Retry-After` seconds.",
      { retryAfter: Math.max(1, Math.ceil((remaining ?? lockMs) / 1000)) },
    );
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
    maxBodyBytes,
    provider,
  };
  return router;
}

/** Runs a store call; `true` when it worked, else what it threw. */
async function settle(call: () => MaybePromise<void>): Promise<true | unknown> {
  try {
    await call();
    return true;
  } catch (error) {
    return error;
  }
}
