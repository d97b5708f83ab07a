import type { RedisClient } from "../src/client.js";

export type ClientKind = "ioredis" | "ioredis-v5" | "redis" | "redis-v5";
export declare const clientKinds: readonly ClientKind[];
export interface Connection {
  client: RedisClient;
  close(): Promise<void>;
}
export declare function connect(kind: ClientKind, url: string): Promise<Connection>;
