/**
 * Receiver and worker child processes (plain `node`, the built packages) for the multi-process tests, the
 * log their handlers write, and a sender that retries as webhook senders do.
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { delivery, SECRET, sleep, type UserCreated } from "./harness.js";

export interface Child {
  pid: number;
  /** The receiver's URL; `""` for a worker. */
  url: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns `test/<script>` and waits for its first line (`{"port":…}` or `{"ready":true}`). */
export function spawnChild(
  script: "receiver.mjs" | "worker.mjs",
  env: Record<string, string>,
): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, [new URL(script, import.meta.url).pathname], {
    env: { ...process.env, SECRET, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (data: Buffer) => (stderr += data.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = (): void => void child.kill("SIGKILL"); // a crashed test run leaves nothing behind
  process.once("exit", killOnExit);
  const stop = async (signal: NodeJS.Signals = "SIGTERM"): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    process.off("exit", killOnExit);
  };
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}):\n${stderr}`)));
    child.stdout?.once("data", (data: Buffer) => {
      const line = JSON.parse(data.toString("utf8")) as { port?: number };
      const url = line.port === undefined ? "" : `http://127.0.0.1:${line.port}/webhooks`;
      resolve({ pid: child.pid as number, url, stop });
    });
  });
}

/** Starts every child; if one fails, stops the others before throwing. */
export async function spawnAll(
  specs: ["receiver.mjs" | "worker.mjs", Record<string, string>][],
): Promise<Child[]> {
  const started = await Promise.allSettled(specs.map(([script, env]) => spawnChild(script, env)));
  const children = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = started.find((result) => result.status === "rejected");
  if (failed === undefined) return children;
  await Promise.all(children.map((child) => child.stop("SIGKILL")));
  throw failed.reason;
}

/** The handlers' log and side effects in `dir`. */
export function handlerLog(dir: string): {
  env: { LOG_FILE: string; EFFECTS_DIR: string };
  lines(): { pid: number; step: "start" | "done"; id: string }[];
  done(): string[];
  effects(): string[];
} {
  const LOG_FILE = join(dir, "handler.log");
  const EFFECTS_DIR = join(dir, "effects");
  writeFileSync(LOG_FILE, "");
  mkdirSync(EFFECTS_DIR);
  const lines = () =>
    readFileSync(LOG_FILE, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(" "))
      .map(([pid, step, id]) => ({ pid: Number(pid), step: step as "start" | "done", id: id as string }));
  return {
    env: { LOG_FILE, EFFECTS_DIR },
    lines,
    done: () => lines().flatMap((line) => (line.step === "done" ? [line.id] : [])),
    effects: () => readdirSync(EFFECTS_DIR),
  };
}

/** What a sender saw delivering one event: every answer (status, or 0 for a refused connection), the last one's body. */
export interface Sent {
  statuses: number[];
  body: { ok?: boolean; queued?: boolean; duplicate?: boolean };
}

/** Delivers `event` to `url`, retrying (every 100 ms, at most 300 times) until it is acknowledged with a 2xx. */
export async function send(url: string, event: UserCreated): Promise<Sent> {
  const { headers, body } = await delivery(event);
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      statuses.push(response.status);
      const json = (await response.json()) as Sent["body"];
      if (response.ok) return { statuses, body: json };
    } catch {
      statuses.push(0);
    }
    await sleep(100);
  }
  throw new Error(`${event.id} was never acknowledged: ${statuses.join(",")}`);
}

/** Runs `tasks` with at most `limit` at once; results in order. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await (tasks[index] as () => Promise<T>)();
      }
    }),
  );
  return results;
}
