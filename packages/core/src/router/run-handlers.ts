/**
 * Runs an event's handlers in order, cut off when their signal aborts (timeout or shutdown).
 * @module
 */
import type { EventHandler, WebhookContext } from "./types.js";

/**
 * Resolves when every handler settled; rejects with the first handler error, or as soon as `aborted`
 * rejects (timeout or shutdown). A handler still running then is left to its own signal.
 */
export async function runHandlers(
  handlers: readonly EventHandler<unknown>[],
  payload: unknown,
  context: WebhookContext,
  aborted: Promise<never>,
): Promise<void> {
  const work = (async () => {
    for (const handler of handlers) await handler(payload, context);
  })();
  await Promise.race([work, aborted]);
}
