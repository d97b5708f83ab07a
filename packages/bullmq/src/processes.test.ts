import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type RedisServer, startRedisServer } from "../../redis/test/redis-server.js";
import { fastClient, type UserCreated, until, userEvent } from "../test/harness.js";
import { type Child, handlerLog, pool, type Sent, send, spawnAll } from "../test/processes.js";

const binary = inject("redisServer");

/** How many times each id occurs in `ids`. */
function counts(ids: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const id of ids) map.set(id, (map.get(id) ?? 0) + 1);
  return map;
}

describe.skipIf(!binary)("receivers and workers in separate processes, one Redis", () => {
  let server: RedisServer;
  let dir: string;
  let children: Child[] = [];
  beforeAll(async () => {
    // Persistence on; the crash test makes every write reach the disk before Redis answers it.
    server = await startRedisServer(binary, ["--appendonly", "yes", "--appendfsync", "everysec"]);
  });
  afterEach(async () => {
    await Promise.all(children.map((child) => child.stop("SIGKILL")));
    children = [];
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  function setup(): { log: ReturnType<typeof handlerLog>; env: Record<string, string> } {
    dir = mkdtempSync(join(tmpdir(), "hookproof-bullmq-"));
    const log = handlerLog(dir);
    return { log, env: { REDIS_URL: server.url, QUEUE: `q-${randomUUID()}`, ...log.env } };
  }

  it("1,000 deliveries with 20 % duplicates over two receivers and two workers: each event handled once", async () => {
    const { log, env } = setup();
    children = await spawnAll([
      ["receiver.mjs", env],
      ["receiver.mjs", env],
      ["worker.mjs", { ...env, CONCURRENCY: "16", HANDLER_MS: "2" }],
      ["worker.mjs", { ...env, CONCURRENCY: "16", HANDLER_MS: "2" }],
    ]);
    const [a, b] = children as [Child, Child];
    const originals = Array.from({ length: 800 }, () => userEvent());
    // 800 events, the first 100 delivered to both receivers at the same moment (100 concurrent duplicates).
    const tasks = originals.flatMap((event, i) => {
      const first = () => send((i % 2 === 0 ? a : b).url, event);
      return i < 100 ? [first, () => send((i % 2 === 0 ? b : a).url, event)] : [first];
    });
    const answers = await pool(64, tasks);
    expect(answers).toHaveLength(900);
    await until(() => log.done().length >= 800, 60_000);

    // 100 more once they were handled: duplicates, acknowledged without queueing.
    const late = await Promise.all(
      originals.slice(100, 200).map((event, i) => send((i % 2 ? a : b).url, event)),
    );
    expect(late.every((sent) => sent.body.duplicate === true)).toBe(true);

    const all: Sent[] = [...answers, ...late];
    expect(all).toHaveLength(1000);
    expect(all.every((sent) => sent.statuses.at(-1) === 200)).toBe(true);
    const done = counts(log.done());
    expect(done.size).toBe(800);
    expect([...done.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(originals.map((event) => event.id))).toEqual(new Set(done.keys()));
    // Both workers took part.
    expect(new Set(log.lines().map((line) => line.pid)).size).toBe(2);
  });

  it("a worker SIGKILLed mid-job: another takes the job over and completes it; context.id keeps one effect", async () => {
    const { log, env } = setup();
    // The dedupe claim lapses after 3 s; BullMQ notices the dead worker's job after its 1 s lock.
    const common = {
      ...env,
      LOCK_MS: "3000",
      TIMEOUT_MS: "2500",
      LOCK_DURATION: "1000",
      STALLED_INTERVAL: "500",
    };
    children = await spawnAll([
      ["receiver.mjs", common],
      ["worker.mjs", { ...common, HANDLER_MS: "2000" }],
    ]);
    const [receiver, doomed] = children as [Child, Child];
    const event = userEvent();
    expect((await send(receiver.url, event)).body).toEqual({ ok: true, queued: true });
    // Killed after its side effect, before it finished: the window BullMQ's at-least-once leaves.
    await until(() => log.lines().some((line) => line.step === "start"));
    await doomed.stop("SIGKILL");
    expect(log.done()).toEqual([]);

    const [rescuer] = await spawnAll([["worker.mjs", { ...common, HANDLER_MS: "0" }]]);
    children.push(rescuer as Child);
    await until(() => log.done().length === 1, 20_000);
    expect(log.lines()).toEqual([
      { pid: doomed.pid, step: "start", id: event.id },
      { pid: rescuer?.pid, step: "start", id: event.id },
      { pid: rescuer?.pid, step: "done", id: event.id },
    ]);
    // The handler ran twice, but its write keyed by context.id happened once, by the first run.
    expect(log.effects()).toEqual([event.id]);
    expect(readFileSync(join(dir, "effects", event.id), "utf8")).toBe(String(doomed.pid));
    // Done now: the sender's retry is a duplicate.
    expect((await send(receiver.url, event)).body).toEqual({ ok: true, duplicate: true });
  });

  it("Redis killed and restarted mid-stream: 503 while down, retries accepted after, nothing acknowledged lost", async () => {
    const { log, env } = setup();
    // `appendfsync always`: an acknowledged job is on disk, so it survives Redis being killed.
    const admin = fastClient(server.url);
    await new Promise((resolve) => admin.once("ready", resolve));
    await admin.call("CONFIG", "SET", "appendfsync", "always");
    admin.disconnect();
    children = await spawnAll([
      ["receiver.mjs", env],
      ["receiver.mjs", env],
    ]);
    const [a, b] = children as [Child, Child];
    const events: UserCreated[] = Array.from({ length: 200 }, () => userEvent());
    const acknowledged: string[] = [];
    const stream = pool(
      8,
      events.map((event, i) => async () => {
        const sent = await send((i % 2 ? a : b).url, event);
        acknowledged.push(event.id);
        return sent;
      }),
    );
    await until(() => acknowledged.length >= 60);
    const before = [...acknowledged];
    await server.stop({ signal: "SIGKILL" });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.start();
    const answers = await stream;

    const refused = answers.flatMap((sent) => sent.statuses.filter((status) => status !== 200));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((status) => status === 503)).toBe(true);
    expect(answers.every((sent) => sent.statuses.at(-1) === 200)).toBe(true);

    // The workers start after the crash: every acknowledged event is there, and handled once.
    children.push(
      ...(await spawnAll([
        ["worker.mjs", { ...env, CONCURRENCY: "8" }],
        ["worker.mjs", { ...env, CONCURRENCY: "8" }],
      ])),
    );
    await until(() => log.done().length >= 200, 60_000);
    const done = counts(log.done());
    expect(new Set(done.keys())).toEqual(new Set(events.map((event) => event.id)));
    expect([...done.values()].every((n) => n === 1)).toBe(true);
    expect(before.every((id) => done.get(id) === 1)).toBe(true);
  });
});
