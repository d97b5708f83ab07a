/**
 * @hookproof/redis: a dedupe store on Redis, so many instances handle each webhook exactly once.
 * @module
 */

export type { IoRedisLike, NodeRedisLike, RedisClient } from "./client.js";
export type { RedisStore, RedisStoreOptions } from "./redis-store.js";
export { redisStore } from "./redis-store.js";
