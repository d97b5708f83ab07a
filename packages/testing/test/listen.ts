/**
 * Test support: runs the BUILT `hookproof listen` as a child process, as users run it, on a free port.
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { CLI } from "./cli.js";

/** A running `hookproof listen`. */
export interface Listener {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** All it printed so far on stdout. */
  stdout(): string;
  stderr(): string;
  /** The inspector page's session token, read from the page as a browser would. */
  token(): Promise<string>;
  /** SIGTERM, then its exit. */
  stop(): Promise<number | null>;
}

/** Starts `hookproof listen …args --port 0` and resolves once it prints its address. */
export async function startListen(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Listener> {
  const { HOOKPROOF_SECRET: _, ...base } = process.env;
  const child: ChildProcess = spawn(process.execPath, [CLI, "listen", "--port", "0", ...args], {
    env: { ...base, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const deadline = Date.now() + 15_000;
  let url: string | undefined;
  while (url === undefined) {
    url = /inspector {2}(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout + stderr)?.[1];
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`hookproof listen did not start:\n${stdout}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    port: Number(new URL(url).port),
    stdout: () => stdout,
    stderr: () => stderr,
    async token() {
      const page = await (await fetch(`${url}/`)).text();
      const token = /name="hookproof-token" content="([^"]+)"/.exec(page)?.[1];
      if (!token) throw new Error("no token in the inspector page");
      return token;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
