/**
 * @hookproof/bullmq: acknowledge webhooks fast, handle them later on BullMQ workers, each event once.
 * @module
 */

export type { QueueLocation } from "./connection.js";
export { DEFAULT_QUEUE_NAME } from "./connection.js";
export type { WebhookQueue, WebhookQueueOptions } from "./create-queue.js";
export { createQueue } from "./create-queue.js";
export type {
  WebhookWorker,
  WebhookWorkerOptions,
  WorkerCloseOptions,
  WorkerSettings,
} from "./create-worker.js";
export { createWorker } from "./create-worker.js";
export type { DeadLetter } from "./dead-letter.js";
export type { WebhookJobData } from "./job-data.js";
export { jobIdOf, toEvent, toJobData } from "./job-data.js";
