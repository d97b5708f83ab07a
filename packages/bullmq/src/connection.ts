/**
 * Where the queue lives: a Redis URL, ioredis options, or a client, and the queue's name and key prefix.
 * @module
 */
import type { ConnectionOptions, RedisOptions } from "bullmq";

/** What the receiver's queue, its workers and the CLI agree on, so they meet in the same Redis keys. */
export interface QueueLocation {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://`), ioredis options, or a client. */
  connection: string | ConnectionOptions;
  /** The queue's name: one per router (provider and endpoint). Default `"hookproof-webhooks"`. */
  name?: string;
  /** BullMQ's key prefix. Default `"bull"`. */
  prefix?: string;
}

/** The queue name when none is given. */
export const DEFAULT_QUEUE_NAME = "hookproof-webhooks";

/**
 * The BullMQ connection of `location`, with `defaults` under options the user gave (never over them, and
 * never applied to a client instance, which is used as it is).
 *
 * @example
 * const connection = connectionOf(options, { enableOfflineQueue: false });
 */
export function connectionOf(location: QueueLocation, defaults: RedisOptions = {}): ConnectionOptions {
  const { connection } = location;
  if (typeof connection === "string") return { ...defaults, url: connection };
  if (connection === null || typeof connection !== "object") {
    throw new TypeError(
      "[@hookproof/bullmq] `connection` is required: a redis:// URL, ioredis options or a client.",
    );
  }
  // A client (ioredis, node-redis) has methods; plain options do not.
  const isClient = typeof (connection as { duplicate?: unknown }).duplicate === "function";
  return isClient ? connection : { ...defaults, ...(connection as RedisOptions) };
}
