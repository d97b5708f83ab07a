/**
 * Runs an example server as a child process, the way `pnpm start` does, on a free loopback port.
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** How {@link startReceiver} runs a server. */
export interface ReceiverOptions {
  /** The example's directory. */
  cwd: string;
  /** The program to run. Default: this Node. */
  command?: string;
  /** Its arguments, e.g. `["src/server.js"]`; `PORT` and `HOST` are set in the environment. */
  args: (port: number) => string[];
  /** Extra environment: secrets, `MAX_BODY_BYTES`. */
  env: Record<string, string>;
  /** How long the server may take to answer `GET /health`. Default 30 s. */
  readyTimeoutMs?: number;
}

/** A running server. */
export interface Receiver {
  url: string;
  /** All it printed so far, stdout and stderr. */
  output(): string;
  /** SIGTERM, then its exit; SIGKILL if it has not exited 15 s later. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A port nothing listens on right now: bind port 0, read it, release it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return address.port;
}

/** Starts the server and resolves once `GET /health` answers 200; rejects with its output if it dies first. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Vitest sets NODE_ENV=test; the servers must run as `pnpm start` runs them.
  const { NODE_ENV: _, ...env } = process.env;
  const child = spawn(options.command ?? process.execPath, options.args(port), {
    cwd: options.cwd,
    env: { ...env, ...options.env, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Always drained: a full pipe would block the server's writes.
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));

  try {
    await waitForHealth(url, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited.finally(() => clearTimeout(timer));
      }
      return exited;
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering /health`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer ${url}/health within ${timeoutMs} ms`);
}
