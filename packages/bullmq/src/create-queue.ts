/**
 * The receiver's side: a BullMQ queue that takes verified events (`handoff`), and the dead letters the app
 * lists and replays.
 * @module
 */
import type { Handoff, VerifiedEvent } from "@hookproof/core";
import { type BackoffOptions, type KeepJobs, Queue } from "bullmq";
import { connectionOf, DEFAULT_QUEUE_NAME, type QueueLocation } from "./connection.js";
import { type DeadLetter, deadLetterOf } from "./dead-letter.js";
import { jobIdOf, toJobData, type WebhookJobData } from "./job-data.js";

/** Options of {@link createQueue}. */
export interface WebhookQueueOptions extends QueueLocation {
  /** Runs of a failing event before it becomes a dead letter, the first included. Default 8. */
  attempts?: number;
  /** The wait between runs. Default exponential from 1 s (1, 2, 4 … 64 s: about two minutes in all). */
  backoff?: number | BackoffOptions;
  /**
   * What is kept of a completed job. Default `true`: removed at once (the dedupe store's done record is
   * what makes a later duplicate a no-op). Dead letters are kept until replayed or removed.
   */
  removeOnComplete?: boolean | number | KeepJobs;
  /** How long `handoff` waits for Redis before the sender is answered 503, ms. Default 5,000. */
  timeoutMs?: number;
}

/** A webhook queue; see {@link createQueue}. */
export interface WebhookQueue {
  /** Pass to `createWebhooks({ handoff })`: enqueues the event under its dedupe key, once. */
  readonly handoff: Handoff;
  /** Events whose runs all failed, newest first: `start`/`end` page through them (default the first 100). */
  deadLetters(range?: { start?: number; end?: number }): Promise<DeadLetter[]>;
  /** Queues a dead letter again, its attempts reset; `false` when there is no such dead letter. */
  replay(jobId: string): Promise<boolean>;
  /** The BullMQ queue underneath, for anything else (counts, Bull Board, removing jobs). */
  readonly queue: Queue<WebhookJobData>;
  close(): Promise<void>;
}

function positive(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new TypeError(`[@hookproof/bullmq] \`${name}\` must be an integer from 1 to ${max}.`);
  }
  return value;
}

/**
 * A BullMQ queue for verified webhook events. The job id is the event's dedupe key, so the same event handed
 * off twice is one job; the handoff resolves once Redis holds the job, and rejects (the router answers 503,
 * the sender retries) when Redis cannot be reached within `timeoutMs`. Its connection fails fast while Redis
 * is down (no offline queue) unless you pass a client of your own.
 *
 * @example
 * const queue = createQueue({ connection: process.env.REDIS_URL! });
 * const hooks = createWebhooks({ provider, dedupe: redisStore({ client }), handoff: queue.handoff });
 */
export function createQueue(options: WebhookQueueOptions): WebhookQueue {
  const attempts = positive("attempts", options.attempts ?? 8, 1000);
  const timeoutMs = positive("timeoutMs", options.timeoutMs ?? 5000, 60_000);
  const queue = new Queue<WebhookJobData>(options.name ?? DEFAULT_QUEUE_NAME, {
    // Fail fast while Redis is down (the sender is answered 503 at once) and reconnect soon after.
    connection: connectionOf(options, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
    }),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    defaultJobOptions: {
      attempts,
      backoff: options.backoff ?? { type: "exponential", delay: 1000 },
      removeOnComplete: options.removeOnComplete ?? true,
      removeOnFail: false,
    },
  });
  // Failures surface as rejected handoffs (503); without a listener Node would print each one.
  queue.on("error", () => {});

  async function handoff(event: VerifiedEvent, key: string): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not take the job within ${timeoutMs} ms.`)),
        timeoutMs,
      );
    });
    try {
      // A job with this id already there (waiting, running, failed) is left as it is: one job per event.
      await Promise.race([queue.add(event.type, toJobData(event, key), { jobId: jobIdOf(key) }), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    handoff,
    async deadLetters({ start = 0, end = start + 99 } = {}) {
      const jobs = await queue.getFailed(start, end);
      return jobs.map(deadLetterOf);
    },
    async replay(jobId) {
      const job = await queue.getJob(jobId);
      if (job === undefined || !(await job.isFailed())) return false;
      await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    },
    queue,
    close: () => queue.close(),
  };
}
