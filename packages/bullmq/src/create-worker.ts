/**
 * The worker's side: BullMQ jobs → the router's own handlers (`hooks.run`), deduped by the event's key,
 * retried with backoff by BullMQ, and a graceful shutdown that returns cut-off jobs to the queue.
 * @module
 */
import type { EventMap, Webhooks } from "@hookproof/core";
import { DelayedError, type Job, Worker, type WorkerOptions } from "bullmq";
import { connectionOf, DEFAULT_QUEUE_NAME, type QueueLocation } from "./connection.js";
import { toEvent, type WebhookJobData } from "./job-data.js";

/** BullMQ worker settings passed through as they are. */
export type WorkerSettings = Pick<
  WorkerOptions,
  "lockDuration" | "stalledInterval" | "maxStalledCount" | "drainDelay" | "limiter"
>;

/** Options of {@link createWorker}. */
export interface WebhookWorkerOptions extends QueueLocation {
  /** Jobs run at once by this process. Default 1. */
  concurrency?: number;
  /** BullMQ settings: how soon a dead worker's job is taken over (`lockDuration`, `stalledInterval`)… */
  settings?: WorkerSettings;
}

/** Options of {@link WebhookWorker.close}. */
export interface WorkerCloseOptions {
  /** How long running jobs may take to finish, ms. Default 10,000. */
  graceMs?: number;
}

/** A webhook worker; see {@link createWorker}. */
export interface WebhookWorker {
  /** The BullMQ worker underneath (events, metrics, pause). */
  readonly worker: Worker<WebhookJobData>;
  /**
   * Graceful shutdown: no new jobs are taken; running ones get `graceMs` to finish, then their `signal`
   * aborts, their claims are released and they go back to the queue (no attempt counted) for another worker.
   * Call it on SIGTERM.
   */
  close(options?: WorkerCloseOptions): Promise<void>;
}

/** The answer of a run that did not handle the event, as what the processor does about it. */
async function retryLater(
  job: Job<WebhookJobData>,
  token: string | undefined,
  seconds: number,
): Promise<never> {
  // Back to the queue without counting an attempt: the event did not fail, it could not run yet.
  await job.moveToDelayed(Date.now() + seconds * 1000, token);
  throw new DelayedError();
}

/**
 * Runs the handlers of `hooks` on the events its receivers handed off to the queue. Each job is turned back
 * into its event (the verified bytes parsed and validated again against this worker's catalogue) and run
 * through `hooks.run`, which claims the event's dedupe key: a job whose event was handled already completes
 * without running anything, and one whose event is running elsewhere (a dead worker's claim not yet lapsed)
 * waits its turn. A handler that throws fails the run: BullMQ retries it with the queue's backoff, and after
 * the last attempt the job is a dead letter (`queue.deadLetters()`, `queue.replay(jobId)`).
 *
 * @example
 * const worker = createWorker(hooks, { connection: process.env.REDIS_URL!, concurrency: 10 });
 * process.once("SIGTERM", () => worker.close({ graceMs: 10_000 }));
 */
export function createWorker<Events extends EventMap>(
  hooks: Webhooks<Events>,
  options: WebhookWorkerOptions,
): WebhookWorker {
  if (typeof hooks?.run !== "function") {
    throw new TypeError(
      "[@hookproof/bullmq] `createWorker(hooks, …)` needs the router from `createWebhooks`.",
    );
  }
  const worker = new Worker<WebhookJobData>(
    options.name ?? DEFAULT_QUEUE_NAME,
    async (job, token) => {
      const result = await hooks.run(await toEvent(hooks.provider, job.data));
      if (result.status === 200) return JSON.parse(result.body) as unknown;
      const error = result.error;
      if (error?.code === "duplicate_in_flight") return retryLater(job, token, error.retryAfter ?? 1);
      if (error?.code === "shutting_down") return retryLater(job, token, 0);
      // The handler's own error, so the dead letter says what went wrong; else the router's.
      throw error?.cause instanceof Error ? error.cause : (error ?? new Error(result.body));
    },
    {
      ...options.settings,
      connection: connectionOf(options),
      concurrency: options.concurrency ?? 1,
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    },
  );
  // Connection errors are retried by the client; without a listener Node would print each one.
  worker.on("error", () => {});

  return {
    worker,
    async close({ graceMs = 10_000 } = {}) {
      const closed = worker.close();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), graceMs);
      });
      const outcome = await Promise.race([closed, grace]);
      clearTimeout(timer);
      // Jobs still running: their signals abort and their claims are released, so they answer
      // `shutting_down` and go back to the queue.
      if (outcome === "late") await hooks.close({ graceMs: 1 });
      await closed;
    },
  };
}
