import { createHash, randomUUID } from "node:crypto";
import type { Redis as IoRedis } from "ioredis";
import type { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, expectTypeOf, inject, it } from "vitest";
import { type ClientKind, type Connection, clientKinds, connect } from "../test/clients.mjs";
import { type RedisServer, startRedisServer } from "../test/redis-server.js";
import { commandOf, type RedisClient, type RedisCommand } from "./client.js";
import { redisStore } from "./index.js";

const binary = inject("redisServer");
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

it("accepts both clients' types and rejects anything else", () => {
  expectTypeOf<IoRedis>().toExtend<RedisClient>();
  expectTypeOf<ReturnType<typeof createClient>>().toExtend<RedisClient>();
  expect(() => redisStore({ client: {} as RedisClient })).toThrow(/\[@hookproof\/redis\] `client` must be/);
  expect(() => redisStore(undefined as never)).toThrow(TypeError);
});

describe.skipIf(!binary)("redisStore on a real Redis", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer(binary);
  });
  afterAll(() => server?.close());

  describe.each(clientKinds)("with %s", (kind: ClientKind) => {
    // Two connections: two instances of an app, sharing one Redis.
    let a: Connection;
    let b: Connection;
    let redis: RedisCommand;
    beforeAll(async () => {
      a = await connect(kind, server.url);
      b = await connect(kind, server.url);
      redis = commandOf(a.client);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    const key = (): string => `test:default:${randomUUID()}`;
    const value = (k: string, prefix = "hookproof:dedupe:") => redis(["GET", prefix + k]);
    const pttl = async (k: string) => Number(await redis(["PTTL", `hookproof:dedupe:${k}`]));
    async function waitUntilGone(k: string): Promise<void> {
      while ((await value(k)) !== null) await sleep(20);
    }

    it("claims a new key, sees it in flight, then done after complete", async () => {
      const store = redisStore({ client: a.client });
      const k = key();
      expect(await store.begin(k, 60_000)).toBe("new");
      expect(await value(k)).toMatch(/^inflight:[0-9a-f-]{36}$/);
      expect(await store.begin(k, 60_000)).toBe("in_flight");
      expect(await redisStore({ client: b.client }).begin(k, 60_000)).toBe("in_flight");
      await store.complete(k, 3_600_000);
      expect(await value(k)).toBe("done");
      expect(await store.begin(k, 60_000)).toBe("done");
      expect(await redisStore({ client: b.client }).begin(k, 60_000)).toBe("done");
    });

    it("holds a claim for lockMs and a done record for retainMs", async () => {
      const store = redisStore({ client: a.client });
      const k = key();
      await store.begin(k, 60_000);
      const lock = await pttl(k);
      expect(lock).toBeGreaterThan(0);
      expect(lock).toBeLessThanOrEqual(60_000);
      expect(await store.lockTtl(k)).toBeLessThanOrEqual(60_000);
      await store.complete(k, 72 * 3_600_000);
      expect(await pttl(k)).toBeGreaterThan(60_000);
      expect(await pttl(k)).toBeLessThanOrEqual(72 * 3_600_000);
      expect(await store.lockTtl(k)).toBeUndefined();
      expect(await store.lockTtl(key())).toBeUndefined();
    });

    it("peeks at where a key stands without claiming it, as every instance sees it", async () => {
      const store = redisStore({ client: a.client });
      const other = redisStore({ client: b.client });
      const k = key();
      expect(await other.peek(k)).toBeUndefined();
      expect(await store.begin(k, 60_000)).toBe("new"); // peeking claimed nothing
      expect(await other.peek(k)).toBe("in_flight");
      await store.complete(k, 60_000);
      expect(await other.peek(k)).toBe("done");
    });

    it("releases a claim on abort, so the retry is handled", async () => {
      const store = redisStore({ client: a.client });
      const k = key();
      expect(await store.begin(k, 60_000)).toBe("new");
      await store.abort(k);
      expect(await value(k)).toBeNull();
      expect(await redisStore({ client: b.client }).begin(k, 60_000)).toBe("new");
    });

    it("lets a new claim in once a lock expires", async () => {
      const store = redisStore({ client: a.client });
      const k = key();
      expect(await store.begin(k, 100)).toBe("new");
      await waitUntilGone(k);
      expect(await redisStore({ client: b.client }).begin(k, 60_000)).toBe("new");
    });

    it("never lets a late complete or abort touch another instance's claim", async () => {
      const instanceA = redisStore({ client: a.client });
      const instanceB = redisStore({ client: b.client });
      const k = key();
      expect(await instanceA.begin(k, 100)).toBe("new");
      await waitUntilGone(k); // A's handler outlived its lock…
      expect(await instanceB.begin(k, 60_000)).toBe("new"); // …and B took the event over.
      const claimB = await value(k);

      await instanceA.abort(k);
      expect(await value(k)).toBe(claimB);
      await instanceA.complete(k, 3_600_000);
      expect(await value(k)).toBe(claimB);
      expect(await pttl(k)).toBeLessThanOrEqual(60_000);

      await instanceB.complete(k, 3_600_000);
      expect(await value(k)).toBe("done");
    });

    it("records a late complete whose claim lapsed unclaimed: the handler did run", async () => {
      const store = redisStore({ client: a.client });
      const k = key();
      await store.begin(k, 100);
      await waitUntilGone(k);
      await store.complete(k, 3_600_000);
      expect(await value(k)).toBe("done");
    });

    it("never deletes a done record on abort", async () => {
      const store = redisStore({ client: a.client });
      const k = key();
      await store.begin(k, 60_000);
      await store.complete(k, 3_600_000);
      await store.abort(k);
      await redisStore({ client: b.client }).abort(k);
      expect(await value(k)).toBe("done");
    });

    it("stores a key over 512 characters as its SHA-256, so a 1 MB key never reaches Redis", async () => {
      const store = redisStore({ client: a.client });
      const long = `test:default:evt_${randomUUID()}${"x".repeat(1_000_000)}`;
      const hashed = `sha256:${createHash("sha256").update(long).digest("hex")}`;
      expect(await store.begin(long, 60_000)).toBe("new");
      expect(await value(hashed)).toMatch(/^inflight:/);
      expect(await redisStore({ client: b.client }).begin(long, 60_000)).toBe("in_flight");
      await store.complete(long, 3_600_000);
      expect(await value(hashed)).toBe("done");
      expect(await redis(["EXISTS", `hookproof:dedupe:${long}`])).toBe(0);
      const edge = `test:${"e".repeat(507)}`; // 512 characters: stored as it is
      await store.begin(edge, 60_000);
      expect(await value(edge)).toMatch(/^inflight:/);
    });

    it("refuses a TTL that is not finite instead of losing the write (PX Infinity)", async () => {
      const store = redisStore({ client: a.client });
      const k = key();
      await expect(store.begin(k, Number.POSITIVE_INFINITY)).rejects.toThrow(/finite/);
      expect(await value(k)).toBeNull();
      await store.begin(k, 60_000);
      await expect(store.complete(k, Number.POSITIVE_INFINITY)).rejects.toThrow(/finite/);
      expect(await value(k)).toMatch(/^inflight:/);
    });

    it("namespaces keys by prefix", async () => {
      const k = key();
      const one = redisStore({ client: a.client, prefix: "app-one:" });
      const two = redisStore({ client: b.client, prefix: "app-two:" });
      expect(await one.begin(k, 60_000)).toBe("new");
      expect(await two.begin(k, 60_000)).toBe("new");
      await one.complete(k, 3_600_000);
      expect(await value(k, "app-one:")).toBe("done");
      expect(await value(k, "app-two:")).toMatch(/^inflight:/);
      expect(await value(k)).toBeNull();
      await redisStore({ client: a.client }).begin(k, 60_000);
      expect(await value(k)).toMatch(/^inflight:/);
    });
  });

  describe.each(clientKinds)("with %s, while Redis is down", (kind: ClientKind) => {
    it("rejects every call, then works again once Redis is back", async () => {
      const own = await startRedisServer(binary);
      const connection = await connect(kind, own.url);
      try {
        const store = redisStore({ client: connection.client });
        expect(await store.begin("k:1", 60_000)).toBe("new");
        await own.stop();
        await expect(store.begin("k:2", 60_000)).rejects.toThrow();
        await expect(store.complete("k:1", 60_000)).rejects.toThrow();
        await expect(store.abort("k:1")).rejects.toThrow();
        await expect(store.lockTtl("k:1")).rejects.toThrow();
        await expect(store.peek("k:1")).rejects.toThrow();
        await own.start();
        let state: string | undefined;
        while (state === undefined) {
          await sleep(50); // the client reconnects on its own
          state = await store.begin("k:2", 60_000).catch(() => undefined);
        }
        expect(state).toBe("new");
      } finally {
        await connection.close();
        await own.close();
      }
    });
  });
});
