/**
 * The app's hookproof routers — Stack Auth and a generic sender — and the in-memory log their handlers
 * write, which the server shows at `GET /handled`. In a real app the handlers would write to your database.
 * @module
 */
import { createWebhooks } from "@hookproof/core";
import { generic, stackAuth } from "@hookproof/providers";

/**
 * One handled event, as `GET /handled` lists it.
 * @typedef {object} HandledEvent
 * @property {string} provider `stack-auth` or `generic`.
 * @property {string} type The event type, e.g. `user.created`.
 * @property {string} id The dedupe id: Stack Auth's `svix-id`, the generic body's `id`.
 * @property {string} subject What the event is about, read from its typed payload.
 * @property {string} at When the handler ran, ISO 8601.
 */

/**
 * Creates the two routers. Each event is handled once: a redelivery is answered 200 without its handler.
 *
 * @example
 * const webhooks = createWebhookRouters(readConfig(process.env));
 * app.post("/webhooks/stack-auth", handleWebhooks(webhooks.stackAuth));
 * @param {{ stackWebhookSecret: string, genericWebhookSecret: string, maxBodyBytes?: number | undefined }} config
 */
export function createWebhookRouters(config) {
  /** @type {HandledEvent[]} */
  const handled = [];
  /**
   * @param {import("@hookproof/core").WebhookContext} context
   * @param {string} subject
   */
  const record = (context, subject) => {
    const { provider, type, id } = context;
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
    /**
     * A copy of the log, oldest first.
     * @returns {HandledEvent[]}
     */
    handled: () => handled.slice(),
    /**
     * Graceful shutdown: new events answer 503 (the sender retries), running handlers finish.
     * @returns {Promise<void>}
     */
    close: async () => {
      await Promise.all([stackAuthHooks.close(), genericHooks.close()]);
    },
  };
}
