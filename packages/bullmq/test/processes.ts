/**
 * Receiver and worker child processes (plain `node`, the built packages) for the multi-process tests, the
 * log their handlers write, and a sender that retries as webhook senders do.
 * @module
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Child, spawnAllReady } from "../../redis/test/children.mjs";
import { delivery, SECRET, sleep, type UserCreated } from "./harness.js";

export type { Child };

/** Starts receiver and worker processes; if one fails, stops the others before throwing. */
export function spawnAll(specs: ["receiver.mjs" | "worker.mjs", Record<string, string>][]): Promise<Child[]> {
  return spawnAllReady(specs.map(([script, env]) => [new URL(script, import.meta.url), { SECRET, ...env }]));
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
