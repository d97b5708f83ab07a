import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findRedisServer,
  type RedisServer,
  startRedisServer,
} from "../../../packages/redis/test/redis-server.js";
import { deliver, post, serverEnv } from "../../e2e/deliveries.js";
import { type Receiver, startReceiver } from "../../e2e/receiver.js";

const cwd = fileURLToPath(new URL("..", import.meta.url));
const binary = findRedisServer();
if (!binary && process.env.CI === "true")
  throw new Error("redis-server is not on PATH, and CI must run these tests.");

/** Starts `pnpm start:worker`'s command; resolves once it prints "worker ready". */
function startWorker(
  env: Record<string, string>,
): Promise<{ stop(): Promise<number | null>; output(): string }> {
  const { NODE_ENV: _, ...rest } = process.env;
  const child = spawn(process.execPath, ["src/worker.js"], { cwd, env: { ...rest, ...env } });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString("utf8");
      if (output.includes("worker ready")) {
        resolve({
          output: () => output,
          stop: async () => {
            child.kill("SIGTERM");
            return exited;
          },
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
  });
}

describe.skipIf(!binary)(
  "the queue example: a receiver and a worker, as their start commands run them",
  () => {
    let redis: RedisServer;
    let receiver: Receiver;
    let worker: Awaited<ReturnType<typeof startWorker>>;
    let dir: string;
    let log: string;
    beforeAll(async () => {
      redis = await startRedisServer(binary as string);
      dir = mkdtempSync(join(tmpdir(), "hookproof-queue-example-"));
      log = join(dir, "handled.log");
      writeFileSync(log, "");
      const env = { ...serverEnv, REDIS_URL: redis.url, HANDLED_LOG: log };
      [receiver, worker] = await Promise.all([
        startReceiver({ cwd, args: () => ["src/receiver.js"], env }),
        startWorker(env),
      ]);
    });
    afterAll(async () => {
      await receiver?.stop();
      await worker?.stop();
      await redis?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const handled = (): { id: string; type: string; subject: string }[] =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line));

    it("acknowledges once queued, the worker handles it once, and a redelivery is a duplicate", async () => {
      const delivery = await deliver("stack-auth", "user.created");
      const url = `${receiver.url}/webhooks/stack-auth`;
      expect(await post(url, delivery)).toEqual({ status: 200, json: { ok: true, queued: true } });
      for (let i = 0; i < 300 && handled().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(handled()).toMatchObject([{ id: delivery.id, type: "user.created" }]);
      expect(await post(url, delivery)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
      expect(handled()).toHaveLength(1);
    });

    it("refuses a forged delivery before anything is queued", async () => {
      const delivery = await deliver("stack-auth", "user.created");
      const answer = await post(`${receiver.url}/webhooks/stack-auth`, {
        ...delivery,
        body: `${delivery.body} `,
      });
      expect(answer.status).toBe(401);
    });

    it("on SIGTERM the worker closes and exits 0", async () => {
      expect(await worker.stop()).toBe(0);
      expect(worker.output()).toContain("SIGTERM: letting running jobs finish");
    });
  },
);
