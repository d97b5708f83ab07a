import { createHash, randomUUID } from "node:crypto";
import { createWebhooks, type WebhookVerificationError } from "@hookproof/core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type ClientKind, type Connection, clientKinds, connect } from "../test/clients.mjs";
import { type RedisServer, startRedisServer } from "../test/redis-server.mjs";
import {
  type Delivery,
  events,
  read,
  scheme,
  signedRequest,
  type UserCreated,
  userEvent,
} from "../test/webhooks.js";
import { commandOf } from "./client.js";
import { redisStore } from "./index.js";

const binary = inject("redisServer");
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const TARGET = "http://localhost/webhooks";

// The router in-process, as one instance of an app; the process tests run two.
describe.skipIf(!binary).each(clientKinds)("createWebhooks + redisStore with %s", (kind: ClientKind) => {
  let server: RedisServer;
  let connection: Connection;
  beforeAll(async () => {
    server = await startRedisServer(binary);
    connection = await connect(kind, server.url);
  });
  afterAll(async () => {
    await connection?.close();
    await server?.close();
  });
  afterEach(async () => {
    await server.start().catch(() => undefined); // a failed test must not leave Redis down for the next
  });

  function router(handler: (event: UserCreated) => void | Promise<void>) {
    const errors: WebhookVerificationError[] = [];
    const hooks = createWebhooks({
      scheme,
      events,
      endpoint: randomUUID(), // a fresh key space per test
      dedupe: redisStore({ client: connection.client }),
      replayBound: "retention",
      onError: (error) => errors.push(error),
    }).on("user.created", (event) => handler(event));
    const deliver = async (event: UserCreated): Promise<Delivery> =>
      read(await hooks.handle(await signedRequest(TARGET, event)));
    return { deliver, errors };
  }

  it("handles a retry after the handler failed: once, nothing lost", async () => {
    let attempts = 0;
    let handled = 0;
    const { deliver } = router(() => {
      attempts++;
      if (attempts === 1) throw new Error("database briefly unavailable");
      handled++;
    });
    const event = userEvent("evt_retry");

    const first = await deliver(event);
    expect(first.status).toBe(500);
    expect(first.body.error?.code).toBe("handler_failed");
    const retry = await deliver(event);
    expect(retry).toMatchObject({ status: 200, body: { ok: true } });
    expect(retry.body.duplicate).toBeUndefined();
    const late = await deliver(event);
    expect(late).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });

    expect({ attempts, handled }).toEqual({ attempts: 2, handled: 1 });
  });

  it("answers 503 while Redis is down; the sender's retries get every event handled exactly once", async () => {
    const handled = new Map<string, number>();
    const { deliver } = router((event) => {
      handled.set(event.id, (handled.get(event.id) ?? 0) + 1);
    });
    const ids = Array.from({ length: 40 }, (_, i) => `evt_${String(i).padStart(2, "0")}`);
    const answers = new Map<string, Delivery>();

    for (const [i, id] of ids.entries()) {
      if (i === 15) await server.stop({ keepData: true });
      if (i === 25) await server.start();
      answers.set(id, await deliver(userEvent(id)));
      await sleep(20); // a stream, not a burst: the client gets time to reconnect after the restart
    }

    const failed = ids.filter((id) => answers.get(id)?.status !== 200);
    // Every delivery made while Redis was down failed closed, and every failure is that 503.
    expect(ids.slice(15, 25).every((id) => failed.includes(id))).toBe(true);
    for (const id of failed) {
      expect(answers.get(id)).toMatchObject({ status: 503, body: { error: { code: "store_unavailable" } } });
      expect(handled.has(id)).toBe(false);
    }

    // The sender retries each non-2xx until it is acknowledged (the client reconnects on its own).
    const retries = { sent: 0 };
    for (const id of failed) {
      for (let answer = answers.get(id); answer?.status !== 200; await sleep(50)) {
        retries.sent++;
        answer = await deliver(userEvent(id));
        expect([200, 503]).toContain(answer.status);
      }
    }
    // Redis kept its data across the restart, so a replay of the whole stream handles nothing again.
    for (const id of ids) {
      expect(await deliver(userEvent(id))).toMatchObject({ status: 200, body: { duplicate: true } });
    }

    expect(failed.length).toBeGreaterThanOrEqual(10);
    expect(retries.sent).toBeGreaterThanOrEqual(failed.length);
    expect([...handled.keys()].sort()).toEqual(ids);
    expect([...handled.values()].every((count) => count === 1)).toBe(true);
  });

  it("keys a 1 MB event id by its SHA-256: the stored key stays short, and the event is still deduped", async () => {
    const handled: string[] = [];
    const endpoint = randomUUID();
    const hooks = createWebhooks({
      scheme,
      events,
      endpoint,
      dedupe: redisStore({ client: connection.client }),
      replayBound: "retention",
    }).on("user.created", (event) => {
      handled.push(event.id);
    });
    const huge = `evt_${"x".repeat(1_000_000)}`;
    const deliver = async () =>
      read(await hooks.handle(await signedRequest(TARGET, userEvent(huge, { name: "n" }))));
    expect((await deliver()).status).toBe(200);
    expect(await deliver()).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(handled).toHaveLength(1);
    const keys = (await commandOf(connection.client)([
      "KEYS",
      `hookproof:dedupe:custom:${endpoint}:*`,
    ])) as string[];
    expect(keys).toEqual([
      `hookproof:dedupe:custom:${endpoint}:sha256:${createHash("sha256").update(huge).digest("hex")}`,
    ]);
    expect(keys[0]?.length).toBeLessThan(150);
  });

  it("keeps endpoint `shop` with id `x:evt_1` apart from endpoint `shop:x` with id `evt_1`", async () => {
    const handled: string[] = [];
    const space = randomUUID(); // a fresh key space: the provider's name
    const router = (endpoint: string) =>
      createWebhooks({
        scheme,
        events,
        name: space,
        endpoint,
        dedupe: redisStore({ client: connection.client }),
        replayBound: "retention",
      }).on("user.created", (_event, context) => {
        handled.push(`${endpoint} ${context.id}`);
      });
    const first = await router("shop").handle(await signedRequest(TARGET, userEvent("x:evt_1")));
    const second = await router("shop:x").handle(await signedRequest(TARGET, userEvent("evt_1")));
    expect([await read(first), await read(second)]).toMatchObject([
      { status: 200, body: { ok: true } },
      { status: 200, body: { ok: true } },
    ]);
    expect(handled).toEqual(["shop x:evt_1", "shop:x evt_1"]);
    const keys = (await commandOf(connection.client)(["KEYS", `hookproof:dedupe:${space}:*`])) as string[];
    expect(keys.sort()).toEqual([
      `hookproof:dedupe:${space}:shop%3Ax:evt_1`,
      `hookproof:dedupe:${space}:shop:x:evt_1`,
    ]);
  });

  it("answers 200 when the handler succeeded but the complete failed, reports it, and the lock lapses", async () => {
    let handled = 0;
    const { deliver, errors } = router(async () => {
      handled++;
      await server.stop({ keepData: true }); // Redis goes away after begin, before complete
    });
    const answer = await deliver(userEvent("evt_lost_complete"));
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(errors.map((error) => error.code)).toEqual(["store_unavailable"]);
    expect(handled).toBe(1);

    await server.start();
    const redis = commandOf(connection.client);
    let keys: unknown;
    while (keys === undefined) {
      await sleep(50); // the client reconnects on its own
      keys = await redis(["KEYS", "*:evt_lost_complete"]).catch(() => undefined);
    }
    expect(keys).toHaveLength(1);
    const key = (keys as string[])[0] as string;
    // Still the claim of the handled delivery, not `done`: it lapses after lockMs (default 60 s).
    expect(await redis(["GET", key])).toMatch(/^inflight:/);
    const ttl = Number(await redis(["PTTL", key]));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
