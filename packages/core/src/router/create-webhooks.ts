/**
 * `createWebhooks`: assembles the router from its parts, one module each: settings (`settings.ts`), handler
 * registration (`handler-table.ts`), the delivery pipeline (`deliver.ts`) over authentication and the event
 * stage, the dedupe store (`dedupe-store.ts`), running handlers (`running-handlers.ts`) and the Web `Request`
 * entry (`handle-request.ts`).
 * @module
 */

import { createEventStage } from "../event/create-event-stage.js";
import { chain } from "../maybe.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { routerStore } from "./dedupe-store.js";
import { Delivery, type DeliveryParts } from "./deliver.js";
import { checkHandoff } from "./hand-off.js";
import { handle } from "./handle-request.js";
import { HandlerTable } from "./handler-table.js";
import type { CustomWebhooksOptions, ProviderWebhooksOptions, Webhooks } from "./options.js";
import { providerOf } from "./provider-of.js";
import { runningHandlers } from "./running-handlers.js";
import { routerSettings } from "./settings.js";
import type { EventHandler, EventMap, EventsOf } from "./types.js";

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
  const settings = routerSettings(options, provider, now);
  const { authenticator, tolerance, lockMs, timeoutMs, maxAge } = settings;
  const { authenticate, maxBodyBytes } = authenticator;
  const toEvent = createEventStage(provider, { maxAge, now, tolerance });
  // With `onInvalidPayload`, deliveries park a schema failure; `hooks.verify()` still throws it.
  const toDelivered =
    options.onInvalidPayload === undefined
      ? toEvent
      : createEventStage(provider, { maxAge, now, tolerance, park: true });
  const store = routerStore(options, now);
  checkHandoff(options.handoff, store.store);
  const handlers = new HandlerTable();
  const running = runningHandlers(store.store, timeoutMs, lockMs);
  const parts: DeliveryParts<Events> = {
    options,
    provider,
    now,
    toEvent: (input) => chain(authenticate(input), toDelivered),
    settings,
    store,
    handlers,
    running,
    handoff: options.handoff,
  };
  const delivery = new Delivery<Events>(parts);
  // What a queue worker runs: the same parts, handlers in place of the handoff, failures with their error.
  let runner: Delivery<Events> | undefined;

  const router: Webhooks<Events> = {
    on(type, handler) {
      handlers.on(type, handler as EventHandler<unknown>);
      return router;
    },
    onAny(handler) {
      handlers.onAny(handler as EventHandler<unknown>);
      return router;
    },
    verify: async (input) => chain(authenticate(input), toEvent),
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
  };
  return router;
}
