/**
 * The app's hookproof routers — Stack Auth and a generic sender — and the in-memory log their handlers
 * write, which `GET /handled` shows. In a real app the handlers would write to your database.
 * @module
 */
import { createWebhooks, type WebhookContext } from "@hookproof/core";
import { generic, stackAuth } from "@hookproof/providers";
import { type Config, readConfig } from "./config";

/** One handled event, as `GET /handled` lists it. */
export interface HandledEvent {
  /** `stack-auth` or `generic`. */
  provider: string;
  /** The event type, e.g. `user.created`. */
  type: string;
  /** The dedupe id: Stack Auth's `svix-id`, the generic body's `id`. */
  id: string;
  /** What the event is about, read from its typed payload. */
  subject: string;
  /** When the handler ran, ISO 8601. */
  at: string;
}

function createWebhookRouters(config: Config) {
  const handled: HandledEvent[] = [];
  const record = ({ provider, type, id }: WebhookContext, subject: string): void => {
    handled.push({ provider, type, id, subject, at: new Date().toISOString() });
  };
  const limits = config.maxBodyBytes === undefined ? {} : { maxBodyBytes: config.maxBodyBytes };

  const stackAuthHooks = createWebhooks({
    provider: stackAuth({ secret: config.stackWebhookSecret }),
    ...limits,
  })
    .on("user.created", (event, context) => record(context, `user ${event.data.id}`))
    .on("user.updated", (event, context) => record(context, `user ${event.data.id}`))
    .on("team.created", (event, context) => record(context, `team ${event.data.id}`))
    .on("team_membership.created", (event, context) =>
      record(context, `user ${event.data.user_id} in team ${event.data.team_id}`),
    );

  const genericHooks = createWebhooks({
    provider: generic({ secret: config.genericWebhookSecret }),
    ...limits,
  })
    .on("user.created", (event, context) => record(context, `user ${event.data.id}`))
    .on("project.created", (event, context) => record(context, `project ${event.data.id}`))
    .on("team.member.added", (event, context) =>
      record(context, `user ${event.data.user_id} in team ${event.data.team_id}`),
    );

  return {
    stackAuth: stackAuthHooks,
    generic: genericHooks,
    /** A copy of the log, oldest first. */
    handled: (): HandledEvent[] => handled.slice(),
    /** Graceful shutdown: new events answer 503 (the sender retries), running handlers finish. */
    close: async (): Promise<void> => {
      await Promise.all([stackAuthHooks.close(), genericHooks.close()]);
    },
  };
}

/** The routers and their log. */
export type WebhookRouters = ReturnType<typeof createWebhookRouters>;

// Next bundles each route separately, so a module-level variable would exist once per route. One instance
// per process lives on globalThis instead, shared by the App and Pages Router routes and by instrumentation,
// so a redelivery is caught whichever route it reaches. (An Edge route has its own globalThis.)
const KEY = Symbol.for("@hookproof/example-next:webhooks");
const registry = globalThis as { [KEY]?: WebhookRouters };

/**
 * The process's routers, created on first use from the environment. Routes pass a function that calls it,
 * so `next build`, which loads every route module without the runtime's secrets, never does.
 *
 * @example
 * export const POST = createRouteHandler(() => webhooks().stackAuth);
 */
export function webhooks(): WebhookRouters {
  registry[KEY] ??= createWebhookRouters(readConfig());
  return registry[KEY];
}

/** Closes the routers if any request created them; for SIGTERM. */
export async function closeWebhooks(): Promise<void> {
  await registry[KEY]?.close();
}
