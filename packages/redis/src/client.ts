/**
 * One function over either Redis client: send a command, get its reply.
 * @module
 */

/** An ioredis (v5, v6) `Redis` client, or anything with its generic `call`. */
export interface IoRedisLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** A node-redis (`redis` v5, v6) client from `createClient()`, or anything with its `sendCommand`. */
export interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** Either client; {@link redisStore} tells them apart by their methods. */
export type RedisClient = IoRedisLike | NodeRedisLike;

/** Sends one command, e.g. `["EVAL", script, "1", key]`; rejects with the client's error. */
export type RedisCommand = (args: string[]) => Promise<unknown>;

/**
 * The client's raw-command method. ioredis also has a `sendCommand`, but it takes a `Command` object,
 * so `call` is checked first; node-redis has no `call`.
 */
export function commandOf(client: RedisClient): RedisCommand {
  const candidate = client as Partial<IoRedisLike & NodeRedisLike> | null | undefined;
  if (typeof candidate?.call === "function") {
    const io = client as IoRedisLike;
    return ([command, ...args]) => io.call(command as string, ...args);
  }
  if (typeof candidate?.sendCommand === "function") {
    const node = client as NodeRedisLike;
    return (args) => node.sendCommand(args);
  }
  throw new TypeError(
    "[@hookproof/redis] `client` must be an ioredis client (`new Redis(…)`) or a node-redis client (`createClient(…)`).",
  );
}
