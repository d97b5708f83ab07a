/**
 * The router's options and its public shape.
 * @module
 */

import type { EvictionReport } from "../dedupe/memory-store.js";
import type { DedupeStore } from "../dedupe/types.js";
import type { WebhookVerificationError } from "../errors.js";
import type { MaybePromise } from "../maybe.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import type { WebhookScheme } from "../schemes/types.js";
import type { VerifyInput } from "../verify/authenticate.js";
import type { Handoff } from "./hand-off.js";
import type { PublicUrl } from "./public-url.js";
import type { ReplayBound } from "./replay-bound.js";
import type {
  AnyEventHandler,
  EventHandler,
  EventMap,
  EventsOf,
  HandshakeAnswer,
  InvalidPayloadEvent,
  ProcessResult,
  RunResult,
  VerifiedEvent,
  WebhookContext,
  WebhookProvider,
} from "./types.js";
import type { BatchItemResult, ObservedRequest, WebhookVerdict } from "./verdict.js";

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
  /** How long a handled id is remembered, ms: 1 ms to 30 days. At least the sender's retry span. Default 72 h. */
  retainMs?: number;
  /**
   * How long a claim holds while its handler runs, ms: 1 ms to 1 h, longer than `timeoutMs`; a claim whose
   * process died lapses after it. Default 60 s.
   */
  lockMs?: number;
  /**
   * A handler running longer is cut off (its `signal` aborts) and the event is released for a retry, ms: 1 ms
   * to 1 h. Default 25 s.
   */
  timeoutMs?: number;
  /**
   * Seconds a signed timestamp (or a signed creation time) may lie from the clock: 1 to 86,400. Default: the
   * provider's own window (`mailgun`: 29,700), else 300.
   */
  tolerance?: number;
  /**
   * Seconds after which an event whose signed body says when it was created is too old: 1 s to 30 days, and
   * no longer than `retainMs`. Needs the provider's `eventTime`. Default: the provider's.
   */
  maxAge?: number;
  /** Largest body accepted, bytes: 1 B to 64 MiB. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Required when the scheme signs no timestamp and there is no `maxAge` (e.g. `githubHmac`, `bearer`) and the
   * provider does not declare it: `"retention"` accepts that a captured request is handled again once the dedupe
   * store forgets its id (`retainMs`, or sooner if a full `memoryStore` evicts it); with `dedupe: false`,
   * `"none"` accepts that nothing stops a replay. Without it such a router is refused when created.
   */
  replayBound?: ReplayBound;
  /**
   * The public URL the sender addresses, for URL-bound schemes (Twilio, Square, HubSpot) when a proxy hides it:
   * an origin (`"https://hooks.example.com"`; the request's path and query are kept), or a function from the URL
   * the server saw (and the headers) to the full public URL. Default: the URL the adapter saw.
   */
  publicUrl?: PublicUrl;
  /**
   * Take the scheme and host from `X-Forwarded-Proto` / `X-Forwarded-Host` (their first values). Only when a
   * proxy you run sets them: anyone can send these headers. Default `false`.
   */
  trustProxy?: boolean;
  /** The clock, ms. Default `Date.now`. */
  now?: () => number;
  /** An event type with no handler: acknowledged (default), or `"reject"`ed with 500 so the sender retries. */
  onUnhandled?: "acknowledge" | "reject";
  /**
   * `"enforce"` (the default) refuses what fails. `"observe"` runs every stage and reports every verdict through
   * these hooks, but a refused request is not stopped: verify-only middleware lets it through to your handler
   * with the verdict, and the full pipeline hands it to `onObserved`. For moving an endpoint that works today to
   * hookproof without an outage; switch to `"enforce"` once the hooks show no refusals you did not expect.
   */
  mode?: "enforce" | "observe";
  /** `enforce: false` is `mode: "observe"` (the name DESIGN.md uses); pass one of the two. */
  enforce?: boolean;
  /**
   * In `"observe"` mode, the full pipeline (`process`, `handle`, `handleWebhooks`) hands a request it would have
   * refused (400, 401, 413) here, instead of refusing it: run your existing code on its raw bytes. Once it settles
   * the request is answered 200 `{"ok":true,"observed":true}`; if it throws, 500 so the sender retries. Without
   * it, a refusal is answered as in `"enforce"` mode (nothing is lost: the sender retries).
   */
  onObserved?: (request: ObservedRequest) => MaybePromise<unknown>;
  /** A sender's handshake (a challenge before authentication, or a signed one) was answered. */
  onHandshake?: (handshake: HandshakeAnswer) => void;
  /** A batch was delivered: what came of each of its events (each also reached the per-event hooks). */
  onBatch?: (results: readonly BatchItemResult[]) => void;
  /** A request passed verification and its payload its schema. */
  onVerified?: (event: VerifiedEvent<Events>) => void;
  /** A request was rejected (bad signature, replay, bad payload, duplicate in flight, store down). */
  onRejected?: (error: WebhookVerificationError) => void;
  /** A handler finished; `durationMs` is its run time. */
  onHandled?: (event: VerifiedEvent<Events>, info: { durationMs: number }) => void;
  /**
   * A handler (or `onInvalidPayload`) threw or timed out (the event was released), the store failed after
   * one succeeded, or the router's default `memoryStore` evicted handled ids inside their retention to make room
   * (`store_unavailable`, its `cause` the {@link EvictionReport} with the counts; `event` is the delivery that
   * needed the room). For an event handed to `onInvalidPayload`, `event` is that {@link InvalidPayloadEvent}.
   */
  onError?: (error: WebhookVerificationError, event: VerifiedEvent<Events> | InvalidPayloadEvent) => void;
  /**
   * Parks an authenticated event whose payload breaks its schema instead of refusing it. Unset (the default),
   * such an event is answered 400 `invalid_payload` (the sender retries; `onRejected` hears it). Set, it is
   * deduped like any event and handed here with its raw bytes and schema issues, never to `.on()` handlers;
   * when the hook settles it is answered 200 `{"ok":true,"parked":true}`. A hook that throws or runs past
   * `timeoutMs` releases the event, answered 500 / 503 so the sender retries, and reported to `onError`.
   */
  onInvalidPayload?: (event: InvalidPayloadEvent, context: WebhookContext) => MaybePromise<unknown>;
  /**
   * Acknowledge fast, handle later: each verified event is given to `handoff` (a queue, e.g.
   * `createQueue(…).handoff` from `@hookproof/bullmq`) under its dedupe key instead of running the handlers in
   * the request, and answered 200 `{"ok":true,"queued":true}` once it settles; a worker runs the handlers
   * with `hooks.run(event)`. An event the store says was handled is answered as a duplicate without being
   * queued; one in flight is queued again (the queue keeps one job per key). A `handoff` that throws or
   * rejects is answered 503 `store_unavailable` (a message naming the queue), so the sender retries. Events that break their schema still
   * go to `onInvalidPayload` in the request.
   */
  handoff?: Handoff;
}

/** `createWebhooks({ provider })`: a provider from `@hookproof/providers`, or your own. */
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
  /** When the sender created the event, ms since the epoch, read from the signed body: what `maxAge` bounds. */
  eventTime?: (payload: unknown) => number | undefined;
}

/** Options of {@link Webhooks.close}. */
export interface CloseOptions {
  /** How long running handlers may take to finish, ms: 1 ms to 1 h. Default 10 s. */
  graceMs?: number;
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
  /**
   * Verifies and validates without handling or deduping: for code that hands the event on. A handshake or a
   * batch of several events is no single event: it rejects with a `[@hookproof/core]` TypeError saying to use
   * {@link Webhooks.check} (what the adapters' `verifyWebhook` calls).
   */
  verify(input: VerifyInput): Promise<VerifiedEvent<Events>>;
  /**
   * Verifies and validates without handling or deduping, and says what to do: the verdict (one event or a
   * batch's, a handshake, a refusal) and the answer to send instead of calling the app, if any. Refusals and
   * handshakes reach `onRejected` / `onHandshake`. The adapters' `verifyWebhook` calls this.
   */
  check(input: VerifyInput): Promise<WebhookVerdict<Events>>;
  /** `"enforce"` or `"observe"`. */
  readonly mode: "enforce" | "observe";
  /**
   * The whole pipeline over raw bytes; the framework adapters call this. Never throws. Pass the body as a
   * function that reads it (`body: () => read(req)`) and a request missing a required header is refused
   * before its body is read; a refusal while reading (size, a parser ran first) is answered and reported
   * like any other.
   */
  process(input: VerifyInput): Promise<ProcessResult>;
  /**
   * Runs the handlers of an event verified earlier and handed off (`handoff`), deduped like a delivery but
   * never handed off again: what a queue worker calls. Answers what the sender would have been answered
   * (200 handled, duplicate or unhandled; 409 in flight elsewhere; 500/503 failed, with the `error`). Never throws.
   */
  run(event: VerifiedEvent<Events>): Promise<RunResult>;
  /** The whole pipeline for a Web `Request`; one missing a required header leaves its body unread. Never throws. */
  handle(request: Request): Promise<Response>;
  /**
   * The answer to a request refused outside `process()` (by `verify`, or before it was called), reported
   * to `onRejected` like every other rejection. The adapters' verify-only middleware calls this.
   */
  reject(error: WebhookVerificationError): ProcessResult;
  /**
   * Graceful shutdown: new events answer 503 `shutting_down` (the sender retries, elsewhere), running
   * handlers get `graceMs` (default 10 s) to finish, then their signals abort and their claims are released.
   * Call it on SIGTERM, before the process exits.
   */
  close(options?: CloseOptions): Promise<void>;
  /** The size limit, so adapters can stop reading a body past it. */
  readonly maxBodyBytes: number;
  readonly provider: WebhookProvider<Events>;
}
