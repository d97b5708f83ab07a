/**
 * The handler lifecycle: handlers still running are watched against `timeoutMs`, and `close()` lets them finish
 * within a grace period, then cuts them off and releases their claims.
 * @module
 */
import { release } from "../dedupe/claim.js";
import type { DedupeStore } from "../dedupe/types.js";
import { WebhookVerificationError } from "../errors.js";
import { integerOption } from "../integer-option.js";
import { DeliveryContext } from "./context.js";
import type { CloseOptions } from "./options.js";

const HOUR = 3_600_000;

function noop(): void {}

/** A delivery whose handlers are still pending: what `close()` waits for, then cuts off and releases. */
interface Running {
  readonly key: string | undefined;
  abort(reason: WebhookVerificationError): void;
  /** Settles when the handlers do, or when they are cut off. */
  readonly done: Promise<void>;
}

/**
 * The answer to an event that arrives, or is still running, once `close()` was called.
 *
 * @example
 * if (running.closing) return failure(shuttingDown());
 */
export function shuttingDown(): WebhookVerificationError {
  return new WebhookVerificationError(
    "shutting_down",
    "This instance is shutting down and takes no new events; the sender's retry will be handled by another.",
    { retryAfter: 5 },
  );
}

/** A router's handlers in flight; see {@link runningHandlers}. */
export interface RunningHandlers {
  /** Whether `close()` was called: new events are refused. */
  readonly closing: boolean;
  /**
   * Settles with `work`, or rejects first when it runs past `timeoutMs` or `close()` gives up on it. A
   * handler still running then is left to its signal.
   */
  watch(work: PromiseLike<unknown>, context: DeliveryContext, key: string | undefined): Promise<void>;
  /**
   * Graceful shutdown: new events are refused from now on, running handlers get `graceMs` to finish, then
   * their signals abort and their claims are released so another instance handles the retry at once.
   */
  close(options?: CloseOptions): Promise<void>;
}

/**
 * The handlers in flight of a router on `store`, each cut off after `timeoutMs`.
 *
 * @example
 * const running = runningHandlers(store, 25_000, 60_000);
 * await running.watch(runHandlers(handlers, event.payload, context), context, key);
 */
export function runningHandlers(
  store: DedupeStore | undefined,
  timeoutMs: number,
  lockMs: number,
): RunningHandlers {
  // Handlers still pending now, with their dedupe keys: what `close()` waits for and releases.
  const running = new Set<Running>();
  let closing = false;

  function timedOut(type: string): WebhookVerificationError {
    return new WebhookVerificationError(
      "handler_timeout",
      `The handler for \`${type}\` ran past ${timeoutMs} ms; the event was released so the sender's retry will be handled.`,
      { retryAfter: Math.ceil(lockMs / 1000) },
    );
  }

  function watch(
    work: PromiseLike<unknown>,
    context: DeliveryContext,
    key: string | undefined,
  ): Promise<void> {
    let stop: (reason: WebhookVerificationError) => void = noop;
    const guarded = new Promise<void>((resolve, reject) => {
      stop = reject;
      work.then(() => resolve(), reject);
    });
    const entry: Running = {
      key,
      abort(reason) {
        DeliveryContext.abort(context, reason);
        stop(reason);
      },
      done: guarded.then(settled, settled),
    };
    const timer = setTimeout(() => entry.abort(timedOut(context.type)), timeoutMs);
    running.add(entry);
    function settled(): void {
      clearTimeout(timer);
      running.delete(entry);
    }
    return guarded;
  }

  async function close(options: CloseOptions = {}): Promise<void> {
    const graceMs = integerOption("graceMs", options.graceMs ?? 10_000, HOUR);
    closing = true;
    const pending = [...running];
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
      [...running].map(async (entry) => {
        entry.abort(shuttingDown());
        if (store !== undefined && entry.key !== undefined) await release(store, entry.key);
      }),
    );
  }

  return {
    get closing() {
      return closing;
    },
    watch,
    close,
  };
}
