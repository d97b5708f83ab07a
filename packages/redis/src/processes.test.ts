import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Child, spawnAllReady } from "../test/children.mjs";
import { type ClientKind, clientKinds, connect } from "../test/clients.mjs";
import { type RedisServer, startRedisServer } from "../test/redis-server.mjs";
import { type Delivery, read, SECRET, signedRequest, type UserCreated, userEvent } from "../test/webhooks.js";
import { commandOf } from "./client.js";

const binary = inject("redisServer");
const serverScript = fileURLToPath(new URL("../test/webhook-server.mjs", import.meta.url));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Instance = Child;

/** Starts one app instance per env (plain `node`, built packages); resolves once every one listens. */
function startInstances(...envs: Record<string, string>[]): Promise<Instance[]> {
  return spawnAllReady(envs.map((env) => [serverScript, { SECRET, ...env }]));
}

async function post(url: string, event: UserCreated): Promise<Delivery> {
  return read(await fetch(await signedRequest(url, event)));
}

describe.skipIf(!binary).each(clientKinds)("two processes sharing Redis through %s", (kind: ClientKind) => {
  let server: RedisServer;
  let dir: string;
  beforeAll(async () => {
    server = await startRedisServer(binary);
    dir = mkdtempSync(join(tmpdir(), "hookproof-processes-"));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The handler runs logged by every instance: `[pid, event id]`. */
  function logFile(): { path: string; runs(): [number, string][] } {
    const path = join(dir, `${randomUUID()}.log`);
    writeFileSync(path, "");
    const runs = () =>
      readFileSync(path, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(" "))
        .map(([pid, id]) => [Number(pid), id as string] as [number, string]);
    return { path, runs };
  }

  it("runs the handler once for 50 concurrent deliveries split across two processes", async () => {
    const log = logFile();
    const env = { CLIENT: kind, REDIS_URL: server.url, LOG_FILE: log.path, HANDLER_MS: "500" };
    const instances = await startInstances(env, env);
    try {
      const event = userEvent(`evt_${randomUUID()}`);
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => post((instances[i % 2] as Instance).url, event)),
      );

      const handled = answers.filter((a) => a.status === 200 && a.body.duplicate !== true);
      const duplicates = answers.filter((a) => a.status === 200 && a.body.duplicate === true);
      const inFlight = answers.filter((a) => a.status === 409);
      expect(handled).toHaveLength(1);
      expect(duplicates.length + inFlight.length).toBe(49);
      for (const answer of inFlight) {
        expect(answer.body.error?.code).toBe("duplicate_in_flight");
        expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      }
      // The senders retry every 409 later: by then the event is done.
      for (const [i, answer] of answers.entries()) {
        if (answer.status !== 409) continue;
        const retry = await post((instances[i % 2] as Instance).url, event);
        expect(retry).toMatchObject({ status: 200, body: { duplicate: true } });
      }
      expect(log.runs().map(([, id]) => id)).toEqual([event.id]);
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
    }
  });

  it("releases the claim of a process stopped by SIGTERM mid-handler, so the retry is handled at once", async () => {
    const log = logFile();
    const env = { CLIENT: kind, REDIS_URL: server.url, LOG_FILE: log.path, GRACE_MS: "200" };
    // A's handler never finishes (default 60 s lock); B's returns at once.
    const [a, b] = (await startInstances({ ...env, HANDLER_MS: "600000" }, { ...env, HANDLER_MS: "0" })) as [
      Instance,
      Instance,
    ];
    const redis = await connect(kind, server.url);
    try {
      const event = userEvent(`evt_${randomUUID()}`);
      const key = `hookproof:dedupe:custom:default:${event.id}`;
      const toA = post(a.url, event);
      while (log.runs().length === 0) await sleep(5);
      expect(await commandOf(redis.client)(["GET", key])).toMatch(/^inflight:/);
      await a.stop("SIGTERM");
      // A answered its own delivery 503 so the sender retries, and left no claim behind.
      expect(await toA).toMatchObject({ status: 503, body: { error: { code: "shutting_down" } } });
      expect(await commandOf(redis.client)(["GET", key])).toBeNull();
      // The retry on B is handled now, not after A's 60 s lock.
      const retry = await post(b.url, event);
      expect(retry).toMatchObject({ status: 200, body: { ok: true } });
      expect(retry.body.duplicate).toBeUndefined();
      expect(await commandOf(redis.client)(["GET", key])).toBe("done");
      expect(log.runs()).toEqual([
        [a.pid, event.id],
        [b.pid, event.id],
      ]);
    } finally {
      await redis.close();
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("takes over the claim of a process killed mid-handler once its lock lapses", async () => {
    const log = logFile();
    const env = {
      CLIENT: kind,
      REDIS_URL: server.url,
      LOG_FILE: log.path,
      LOCK_MS: "1500",
      TIMEOUT_MS: "1000",
    };
    // A's handler never finishes; B's returns at once.
    const [a, b] = (await startInstances({ ...env, HANDLER_MS: "600000" }, { ...env, HANDLER_MS: "0" })) as [
      Instance,
      Instance,
    ];
    const redis = await connect(kind, server.url);
    try {
      const event = userEvent(`evt_${randomUUID()}`);
      const key = `hookproof:dedupe:custom:default:${event.id}`;
      const toA = post(a.url, event).catch((error: unknown) => error);
      while (log.runs().length === 0) await sleep(5);
      await a.stop("SIGKILL"); // well within A's 1000 ms timeout: its claim is left behind
      expect(await toA).toBeInstanceOf(Error);
      expect(await commandOf(redis.client)(["GET", key])).toMatch(/^inflight:/);

      // The sender retries on B, honouring Retry-After, until the dead claim lapses.
      const answers: Delivery[] = [];
      for (let answer = await post(b.url, event); ; answer = await post(b.url, event)) {
        answers.push(answer);
        if (answer.status !== 409 || answers.length > 10) break;
        expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
        await sleep(Number(answer.retryAfter) * 1000);
      }
      expect(answers[0]).toMatchObject({ status: 409, body: { error: { code: "duplicate_in_flight" } } });
      expect(answers.at(-1)).toMatchObject({ status: 200, body: { ok: true } });
      expect(answers.at(-1)?.body.duplicate).toBeUndefined();
      expect(await post(b.url, event)).toMatchObject({ status: 200, body: { duplicate: true } });
      expect(await commandOf(redis.client)(["GET", key])).toBe("done");
      // A started and died; B handled it: one completed run.
      expect(log.runs()).toEqual([
        [a.pid, event.id],
        [b.pid, event.id],
      ]);
    } finally {
      await redis.close();
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
