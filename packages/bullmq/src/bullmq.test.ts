import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { WebhookContext } from "@hookproof/core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RedisServer, startRedisServer } from "../../redis/test/redis-server.js";
import { delivery, type Events, harness, sleep, until, userEvent } from "../test/harness.js";
import { createWorker, jobIdOf, type WebhookWorker } from "./index.js";

const binary = inject("redisServer");
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const run = promisify(execFile);

describe.skipIf(!binary)("@hookproof/bullmq against a real Redis", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer(binary);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("acknowledges once queued, then the worker runs the handler with the same payload and context", async () => {
    const seen: [Events["user.created"], Omit<WebhookContext, "signal">, boolean][] = [];
    const h = await harness(server.url, (event, context) => {
      const { type, id, provider, timestamp, raw, keyIndex } = context;
      seen.push([
        event,
        { type, id, provider, timestamp, raw, keyIndex },
        context.signal instanceof AbortSignal,
      ]);
    });
    const event = userEvent();
    const request = await delivery(event);
    const answer = await h.hooks.process(request);
    expect(answer).toMatchObject({ status: 200, body: '{"ok":true,"queued":true}' });
    expect(seen).toEqual([]);
    const job = await h.queue.queue.getJob(jobIdOf(`custom:default:${event.id}`));
    expect(job?.data).toMatchObject({ v: 1, type: "user.created", id: event.id, provider: "custom" });

    const worker = createWorker(h.hooks, { connection: server.url, name: h.name });
    try {
      await until(() => seen.length === 1);
      const [payload, context, hasSignal] = seen[0] as (typeof seen)[0];
      // Parsed from the verified bytes and validated again on the worker (the schema's transform ran).
      expect(payload).toEqual({ ...event, seenBySchema: true });
      expect(context).toEqual({
        type: "user.created",
        id: event.id,
        provider: "custom",
        timestamp: undefined,
        raw: new TextEncoder().encode(request.body),
        keyIndex: 0,
      });
      expect(hasSignal).toBe(true);
    } finally {
      await worker.close();
      await h.close();
    }
  });

  it("runs the handler once for duplicates before, during and after the job", async () => {
    const runs: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = await harness(server.url, async (_event, context) => {
      runs.push(context.id);
      await gate;
    });
    const request = await delivery(userEvent());
    // Before: three deliveries while nothing runs yet — one job.
    const before = await Promise.all([1, 2, 3].map(() => h.hooks.process(request)));
    expect(before.map((answer) => answer.body)).toEqual(Array(3).fill('{"ok":true,"queued":true}'));
    expect(await h.queue.queue.getJobCounts("waiting")).toEqual({ waiting: 1 });
    const worker = createWorker(h.hooks, { connection: server.url, name: h.name });
    try {
      await until(() => runs.length === 1);
      // During: acknowledged (its job exists), nothing new queued.
      expect(await h.hooks.process(request)).toMatchObject({
        status: 200,
        body: '{"ok":true,"queued":true}',
      });
      release();
      await until(
        async () => (await h.queue.queue.getJobCounts("completed", "active", "waiting")).active === 0,
      );
      // After: a duplicate, acknowledged without queueing.
      expect(await h.hooks.process(request)).toMatchObject({ body: '{"ok":true,"duplicate":true}' });
      await sleep(200);
      expect(runs).toHaveLength(1);
    } finally {
      await worker.close();
      await h.close();
    }
  });

  it("moves an event that keeps failing to the dead letters, and replays it once fixed", async () => {
    let fixed = false;
    const runs: string[] = [];
    const h = await harness(
      server.url,
      (_event, context) => {
        runs.push(context.id);
        if (!fixed) throw new Error("billing API rejected the customer");
      },
      { attempts: 3, backoff: 20 },
    );
    const event = userEvent();
    await h.hooks.process(await delivery(event));
    const worker = createWorker(h.hooks, { connection: server.url, name: h.name });
    try {
      await until(async () => (await h.queue.deadLetters()).length === 1);
      expect(runs).toHaveLength(3);
      const [letter] = await h.queue.deadLetters();
      expect(letter).toMatchObject({
        jobId: jobIdOf(`custom:default:${event.id}`),
        type: "user.created",
        eventId: event.id,
        provider: "custom",
        attempts: 3,
        reason: "billing API rejected the customer",
      });
      // The sender's retry of a dead letter is acknowledged; the event waits for its replay.
      expect(await h.hooks.process(await delivery(event))).toMatchObject({ status: 200 });
      await sleep(200);
      expect(runs).toHaveLength(3);

      fixed = true;
      expect(await h.queue.replay("no-such-job")).toBe(false);
      expect(await h.queue.replay(letter?.jobId as string)).toBe(true);
      await until(() => runs.length === 4);
      await until(async () => (await h.queue.deadLetters()).length === 0);
      expect(await h.hooks.process(await delivery(event))).toMatchObject({
        body: '{"ok":true,"duplicate":true}',
      });
      await sleep(200);
      expect(runs).toHaveLength(4);
    } finally {
      await worker.close();
      await h.close();
    }
  });

  it("lists and replays dead letters from the command line", async () => {
    let fixed = false;
    let handled = 0;
    const h = await harness(
      server.url,
      () => {
        if (!fixed) throw new Error("still broken");
        handled++;
      },
      { attempts: 1 },
    );
    const event = userEvent();
    await h.hooks.process(await delivery(event));
    const worker = createWorker(h.hooks, { connection: server.url, name: h.name });
    try {
      await until(async () => (await h.queue.deadLetters()).length === 1);
      const args = ["--redis", server.url, "--queue", h.name];
      const list = await run(process.execPath, [cli, "list", ...args]);
      const jobId = jobIdOf(`custom:default:${event.id}`);
      expect(list.stdout).toContain(`${jobId}  user.created  event ${event.id}  1 runs`);
      expect(list.stdout).toContain("still broken");
      const json = JSON.parse((await run(process.execPath, [cli, "list", "--json", ...args])).stdout);
      expect(json).toMatchObject([{ jobId, eventId: event.id, attempts: 1 }]);
      await expect(run(process.execPath, [cli, "replay", "nope", ...args])).rejects.toMatchObject({
        code: 1,
      });

      fixed = true;
      expect((await run(process.execPath, [cli, "replay", jobId, ...args])).stdout).toBe(
        `replayed ${jobId}\n`,
      );
      await until(() => handled === 1);
      expect((await run(process.execPath, [cli, "list", ...args])).stdout).toMatch(/^no dead letters/);
    } finally {
      await worker.close();
      await h.close();
    }
  });

  it("answers 503 while Redis is down, and queues the sender's retry once it is back", async () => {
    const own = await startRedisServer(binary);
    const h = await harness(own.url, () => {});
    try {
      const request = await delivery(userEvent());
      await own.stop();
      const started = Date.now();
      const down = await h.hooks.process(request);
      expect(down.status).toBe(503);
      expect(JSON.parse(down.body).error.code).toBe("store_unavailable");
      expect(Number(down.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(Date.now() - started).toBeLessThan(6000); // never hangs past the handoff's timeout
      await own.start();
      let answer = await h.hooks.process(request);
      for (let i = 0; answer.status !== 200 && i < 100; i++) {
        await sleep(100); // the clients reconnect by themselves
        answer = await h.hooks.process(request);
      }
      expect(answer).toMatchObject({ status: 200, body: '{"ok":true,"queued":true}' });
      expect(await h.queue.queue.getJobCounts("waiting")).toEqual({ waiting: 1 });
    } finally {
      await h.close();
      await own.close();
    }
  });

  it("on close, lets running jobs finish within the grace period, then returns the rest to the queue", async () => {
    const runs: string[] = [];
    const aborted: string[] = [];
    let slow = true;
    const h = await harness(
      server.url,
      async (event, context) => {
        runs.push(event.data.name);
        if (event.data.name.startsWith("quick") || !slow) return;
        await new Promise<void>((resolve) => context.signal.addEventListener("abort", () => resolve()));
        aborted.push(event.data.name);
      },
      { lockMs: 60_000, timeoutMs: 30_000 },
    );
    const stuck = { ...userEvent(), data: { name: "stuck" } };
    await h.hooks.process(await delivery(stuck));
    const first: WebhookWorker = createWorker(h.hooks, { connection: server.url, name: h.name });
    await until(() => runs.length === 1);
    const started = Date.now();
    await first.close({ graceMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(aborted).toEqual(["stuck"]);
    // Back in the queue, no attempt counted, its claim released.
    const job = await h.queue.queue.getJob(jobIdOf(`custom:default:${stuck.id}`));
    expect(["waiting", "delayed"]).toContain(await job?.getState());
    expect(job?.attemptsMade).toBe(0);
    await h.close();

    // Another process (a fresh router on the same queue) takes it over and completes it.
    slow = false;
    const next = await harness(server.url, (event) => {
      runs.push(`${event.data.name} again`);
    });
    const second = createWorker(next.hooks, { connection: server.url, name: h.name });
    try {
      await until(() => runs.includes("stuck again"));
    } finally {
      await second.close();
      await next.close();
    }
  });
});
