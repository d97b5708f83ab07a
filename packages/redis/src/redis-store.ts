/**
 * A dedupe store on Redis: `SET NX PX` claims with an owner token, atomic compare-and-complete and
 * compare-and-delete, so every instance behind one Redis shares one view of which events were handled.
 * @module
 */
import type { DedupeState, DedupeStore } from "@hookproof/core";
import { commandOf, type RedisClient } from "./client.js";

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /** An ioredis or node-redis client. Configure its timeouts and offline queue so a lost Redis fails fast. */
  client: RedisClient;
  /** Prepended to every key. Default `"hookproof:dedupe:"`. */
  prefix?: string;
}

/** A {@link DedupeStore} on Redis; every method returns a promise. */
export interface RedisStore extends DedupeStore {
  begin(key: string, lockMs: number): Promise<DedupeState>;
  /**
   * Records the key done, unless another instance's claim now holds it (ours lapsed and was taken over).
   * `pinMs` is not needed: a key lives for `retainMs` unless Redis evicts it, so run Redis with
   * `maxmemory-policy noeviction`.
   */
  complete(key: string, retainMs: number, pinMs?: number): Promise<void>;
  /** Releases this instance's claim; a claim that lapsed or was taken over is left alone. */
  abort(key: string): Promise<void>;
  peek(key: string): Promise<"in_flight" | "done" | undefined>;
  lockTtl(key: string): Promise<number | undefined>;
}

// Each script runs atomically on the server: no other client's command can land between its GET and SET.
const BEGIN = `if redis.call("SET", KEYS[1], ARGV[1], "NX", "PX", ARGV[2]) then return "new" end
if redis.call("GET", KEYS[1]) == "done" then return "done" end
return "in_flight"`;

// Our claim, or none at all (ours lapsed and nobody took it): the handler did succeed, so record it.
// Another instance's claim is left alone: it holds the event now and will complete or abort it itself.
const COMPLETE = `local value = redis.call("GET", KEYS[1])
if value == ARGV[1] or not value then
  redis.call("SET", KEYS[1], "done", "PX", ARGV[2])
  return 1
end
return 0`;

const ABORT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end
return 0`;

const PEEK = `local value = redis.call("GET", KEYS[1])
if not value then return "" end
if value == "done" then return "done" end
return "in_flight"`;

const LOCK_TTL = `local value = redis.call("GET", KEYS[1])
if value and string.sub(value, 1, 9) == "inflight:" then return redis.call("PTTL", KEYS[1]) end
return -1`;

/** `PX` takes a positive integer; anything else would lose the write (the router checks its options). */
function ms(value: number): string {
  if (!Number.isFinite(value))
    throw new TypeError(`[@hookproof/redis] a TTL must be a finite number of ms, not ${value}.`);
  return String(Math.max(1, Math.ceil(value)));
}

/** Longer keys are stored as their SHA-256: the router's keys are shorter, and a key lives for the retention. */
const MAX_KEY_LENGTH = 512;

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * A dedupe store on Redis, for ioredis (v5, v6) and node-redis (`redis` v5, v6) clients. A claim is the
 * value `inflight:<random token>` with the lock as its TTL; a handled event is `done` for the retention.
 * Client errors propagate, so the router answers 503 and the sender retries.
 *
 * @example
 * const hooks = createWebhooks({ provider, dedupe: redisStore({ client: new Redis(process.env.REDIS_URL!) }) });
 */
export function redisStore(options: RedisStoreOptions): RedisStore {
  const command = commandOf(options?.client);
  const prefix = options.prefix ?? "hookproof:dedupe:";
  if (typeof prefix !== "string") throw new TypeError("[@hookproof/redis] `prefix` must be a string.");
  // The token of each claim this process holds, to prove ownership in complete/abort. The router never
  // begins a key it holds, except after that claim's lock lapsed, so one token per key is enough.
  const tokens = new Map<string, string>();

  async function run(script: string, key: string, ...args: string[]): Promise<unknown> {
    // The router hashes long ids itself; this covers keys passed in directly.
    const stored = key.length > MAX_KEY_LENGTH ? `sha256:${await sha256Hex(key)}` : key;
    return command(["EVAL", script, "1", prefix + stored, ...args]);
  }

  /** Takes this process's token for `key`; `""` matches no stored value. */
  function release(key: string): string {
    const token = tokens.get(key) ?? "";
    tokens.delete(key);
    return token;
  }

  return {
    async begin(key, lockMs) {
      const token = `inflight:${crypto.randomUUID()}`;
      const state = (await run(BEGIN, key, token, ms(lockMs))) as DedupeState;
      if (state === "new") tokens.set(key, token);
      return state;
    },
    async complete(key, retainMs) {
      await run(COMPLETE, key, release(key), ms(retainMs));
    },
    async abort(key) {
      await run(ABORT, key, release(key));
    },
    async peek(key) {
      const state = await run(PEEK, key);
      return state === "done" || state === "in_flight" ? state : undefined;
    },
    async lockTtl(key) {
      const left = Number(await run(LOCK_TTL, key));
      return left > 0 ? left : undefined;
    },
  };
}
