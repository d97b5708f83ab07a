/**
 * Runs an event's handlers in order, cut off when their signal aborts (timeout or shutdown).
 * @module
 */
import type { EventHandler, WebhookContext } from "./types.js";

/**
 * Resolves when every handler settled; rejects with the first handler error, or with the signal's reason
 * as soon as `controller` aborts. A handler still running then is left to its own signal.
 */
export async function runHandlers(
  handlers: readonly EventHandler<unknown>[],
  payload: unknown,
  context: WebhookContext,
  controller: AbortController,
): Promise<void> {
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });
  // An abort after the handlers finished rejects a promise nobody awaits any more.
  aborted.catch(() => {});
  const work = (async () => {
    for (const handler of handlers) await handler(payload, context);
  })();
  await Promise.race([work, aborted]);
}
