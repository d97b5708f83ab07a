/**
 * The handler stage: an event's handlers run in order, synchronously for as long as they answer synchronously.
 * @module
 */
import { isThenable } from "../maybe.js";
import type { EventHandler, WebhookContext } from "./types.js";

/**
 * Runs `handlers` on `payload` in order. Answers `undefined` when every one returned at once, else a promise
 * of the rest: the first handler to return a thenable turns the ones after it asynchronous. A handler that
 * throws throws here, or rejects the promise.
 *
 * @example
 * const pending = runHandlers(table.handlersOf(event.type), event.payload, context);
 * if (pending !== undefined) await pending;
 */
export function runHandlers(
  handlers: readonly EventHandler<unknown>[],
  payload: unknown,
  context: WebhookContext,
): PromiseLike<unknown> | undefined {
  for (let i = 0; i < handlers.length; i++) {
    const result = (handlers[i] as EventHandler<unknown>)(payload, context);
    if (isThenable(result)) {
      if (i === handlers.length - 1) return result;
      const rest = handlers.slice(i + 1);
      return (async () => {
        await result;
        for (const handler of rest) await handler(payload, context);
      })();
    }
  }
  return undefined;
}
