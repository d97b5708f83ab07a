/** The `redis-server` binary on PATH, or `undefined`. */
export declare function findRedisServer(): string | undefined;

/** A port nothing listens on now: bind 127.0.0.1:0, read the port, close. */
export declare function freePort(): Promise<number>;

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts it again on the same port (if stopped); resolves once it answers PING. */
  start(): Promise<void>;
  /**
   * Stops it. With `keepData`, it saves first (`SHUTDOWN SAVE`) and `start()` reloads the data; `signal`
   * `SIGKILL` is a crash (what survives is what its own `args` made durable).
   */
  stop(options?: { keepData?: boolean; signal?: NodeJS.Signals }): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

/**
 * Spawns `redis-server` on a free port, without persistence of its own unless `args` turn it on (later
 * arguments win: `["--appendonly", "yes"]`), and waits for PING.
 */
export declare function startRedisServer(binary: string, args?: readonly string[]): Promise<RedisServer>;
