/**
 * A dead letter: an event whose every run failed, as the app lists it before replaying it.
 * @module
 */
import type { Job } from "bullmq";
import type { WebhookJobData } from "./job-data.js";

/** An event whose every run failed: what `queue.deadLetters()` and `hookproof-queue list` show. */
export interface DeadLetter {
  /** Pass it to `queue.replay(jobId)` or `hookproof-queue replay <jobId>`. */
  jobId: string;
  type: string;
  /** The event id (`context.id`). */
  eventId: string;
  provider: string;
  /** Runs made. */
  attempts: number;
  /** The last run's error message. */
  reason: string;
  /** When the last run failed, ms since the epoch. */
  failedAt: number | undefined;
}

/**
 * The dead letter of a failed job.
 *
 * @example
 * const letters = (await queue.getFailed()).map(deadLetterOf);
 */
export function deadLetterOf(job: Job<WebhookJobData>): DeadLetter {
  return {
    jobId: job.id ?? "",
    type: job.data?.type ?? job.name,
    eventId: job.data?.id ?? "",
    provider: job.data?.provider ?? "",
    attempts: job.attemptsMade,
    reason: job.failedReason ?? "",
    failedAt: job.finishedOn,
  };
}
