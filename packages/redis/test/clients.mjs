/**
 * Connects each supported client with fail-fast settings: a stopped Redis rejects commands at once
 * (no offline queue, no per-request retries) instead of queueing them, and the client reconnects by itself.
 * Plain JavaScript, so the child-process servers share it.
 * @module
 */

/** @type {readonly ["ioredis", "ioredis-v5", "redis", "redis-v5"]} */
export const clientKinds = ["ioredis", "ioredis-v5", "redis", "redis-v5"];

const reconnectDelay = (attempt) => Math.min(attempt * 100, 500);

export async function connect(kind, url) {
  if (kind.startsWith("ioredis")) {
    const { Redis } = await import(kind);
    const client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 2000,
      retryStrategy: reconnectDelay,
    });
    client.on("error", () => {}); // errors surface as rejected commands
    await client.connect();
    return { client, close: async () => client.disconnect() };
  }
  const { createClient } = await import(kind);
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: 2000 },
    socket: { connectTimeout: 1000, reconnectStrategy: reconnectDelay },
  });
  client.on("error", () => {}); // node-redis throws an unhandled "error" event otherwise
  await client.connect();
  return { client, close: async () => client.destroy() };
}
