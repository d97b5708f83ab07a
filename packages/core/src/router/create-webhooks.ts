/**
 * `createWebhooks`: assembles the router from its parts, one module each: settings (`settings.ts`), handler
 * registration (`handler-table.ts`), the delivery pipeline (`deliver.ts`) over authentication and the event
 * stage, the dedupe store (`dedupe-store.ts`), running handlers (`running-handlers.ts`) and the Web `Request`
 * entry (`handle-request.ts`).
 * @module
 */

import { configError } from "../errors.js";
import { createItemStage } from "../event/create-event-stage.js";
import { chain } from "../maybe.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import type { KnownRequest, VerifyInput } from "../verify/authenticate.js";
import { readHeaders } from "../verify/read-headers.js";
import { createCheck } from "./check.js";
import { routerStore } from "./dedupe-store.js";
import { Delivery, type DeliveryParts, safely } from "./deliver.js";
import { checkHandoff } from "./hand-off.js";
import { handle } from "./handle-request.js";
import { HandlerTable } from "./handler-table.js";
import { createInspector } from "./inspect.js";
import type { CustomWebhooksOptions, ProviderWebhooksOptions, Webhooks } from "./options.js";
import { providerOf } from "./provider-of.js";
import { runningHandlers } from "./running-handlers.js";
import { routerSettings } from "./settings.js";
import type { ChallengeRequest, EventHandler, EventMap, EventsOf } from "./types.js";

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
  given: ProviderWebhooksOptions<Events> | CustomWebhooksOptions<Record<string, StandardSchemaV1>>,
): Webhooks<Events> {
  const provider = providerOf<Events>(given);
  const options = withMode(given);
  if (options.onObserved !== undefined && options.mode !== "observe") {
    throw configError('`onObserved` is only called in `mode: "observe"`; set it, or remove `onObserved`.');
  }
  const now = options.now ?? Date.now;
  const settings = routerSettings(options, provider, now);
  const { authenticator, tolerance, lockMs, timeoutMs, maxAge } = settings;
  const { authenticate, maxBodyBytes } = authenticator;
  const stage = { maxAge, now, tolerance };
  const toEvent = createInspector(provider, createItemStage(provider, stage));
  // With `onInvalidPayload`, deliveries park a schema failure; `hooks.verify()` still throws it.
  const toDelivered =
    options.onInvalidPayload === undefined
      ? toEvent
      : createInspector(provider, createItemStage(provider, { ...stage, park: true }));
  const { resolveUrl } = settings;
  const requestOf = (input: VerifyInput): ChallengeRequest => {
    const header = readHeaders(input.headers);
    const url = resolveUrl === undefined ? input.url : resolveUrl(input.url, header);
    return { method: input.method?.toUpperCase() ?? "", url, header };
  };
  // The public URL, worked out once (by a `challenge`'s request, else here) and only when it changes.
  const publicInput = (input: VerifyInput, known: KnownRequest | undefined): VerifyInput => {
    if (known !== undefined) return { ...input, url: known.url };
    return resolveUrl === undefined ? input : { ...input, url: requestOf(input).url };
  };
  const store = routerStore(options, now);
  checkHandoff(options.handoff, store.store);
  const handlers = new HandlerTable();
  const running = runningHandlers(store.store, timeoutMs, lockMs);
  const parts: DeliveryParts<Events> = {
    options,
    provider,
    now,
    toEvent: (input, known) => chain(authenticate(publicInput(input, known)), toDelivered),
    requestOf,
    settings,
    store,
    handlers,
    running,
    handoff: options.handoff,
  };
  const delivery = new Delivery<Events>(parts);
  // What a queue worker runs: the same parts, handlers in place of the handoff, failures with their error.
  let runner: Delivery<Events> | undefined;

  const { check, verify } = createCheck<Events>({
    challenge: provider.challenge?.bind(provider),
    requestOf,
    inspect: (input, known) => chain(authenticate(publicInput(input, known)), toEvent),
    observe: options.mode === "observe",
    handshake: (answer) => delivery.handshake(answer),
    rejected: (error) => safely(options.onRejected, error),
  });

  const router: Webhooks<Events> = {
    on(type, handler) {
      handlers.on(type, handler as EventHandler<unknown>);
      return router;
    },
    onAny(handler) {
      handlers.onAny(handler as EventHandler<unknown>);
      return router;
    },
    verify,
    check,
    process: (input) => delivery.process(input),
    run(event) {
      runner ??= new Delivery<Events>({ ...parts, handoff: undefined, keepErrors: true });
      return runner.run(event);
    },
    handle: (request) => handle(router, request),
    reject: (error) => delivery.reject(error),
    close: (closeOptions) => running.close(closeOptions),
    maxBodyBytes,
    provider,
    mode: options.mode,
  };
  return router;
}

/** `mode`, or DESIGN's `enforce: false` for observe mode: one setting, refused when the two disagree. */
function withMode<Options extends { mode?: "enforce" | "observe"; enforce?: boolean }>(
  options: Options,
): Options & { mode: "enforce" | "observe" } {
  const { mode, enforce } = options;
  if (mode !== undefined && mode !== "enforce" && mode !== "observe") {
    throw configError('`mode` is `"enforce"` (the default) or `"observe"`.');
  }
  if (enforce !== undefined && typeof enforce !== "boolean") throw configError("`enforce` is a boolean.");
  if (mode !== undefined && enforce !== undefined && (mode === "observe") !== (enforce === false)) {
    throw configError('`mode` and `enforce` disagree: pass one (`enforce: false` is `mode: "observe"`).');
  }
  return { ...options, mode: mode ?? (enforce === false ? "observe" : "enforce") };
}
