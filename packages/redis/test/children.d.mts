import type { ChildProcess } from "node:child_process";

export interface Child {
  pid: number;
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/webhooks` for a server; `""` for a worker. */
  url: string;
  /** Sends `signal` (default SIGTERM) unless it has exited, and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns `node <script>` and resolves once its first stdout line (`{"port":…}` or `{"ready":true}`) is out. */
export declare function spawnReady(script: string | URL, env: Record<string, string>): Promise<Child>;

/** Starts every child; if one fails, stops the others before throwing. */
export declare function spawnAllReady(
  specs: readonly [string | URL, Record<string, string>][],
): Promise<Child[]>;
