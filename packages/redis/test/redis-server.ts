/**
 * A real, throwaway `redis-server` per test file: on a free loopback port, in a temporary directory,
 * stoppable and restartable on the same port mid-test.
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** The `redis-server` binary on PATH, or `undefined`. */
export function findRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, "redis-server");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

/** A port nothing listens on now: bind 127.0.0.1:0, read the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** One raw command over a fresh socket (inline protocol); resolves with the first reply, or `""`. */
function rawCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(1000, () => socket.destroy(new Error("timeout")));
    socket.once("error", reject);
    socket.once("close", () => resolve("")); // SHUTDOWN closes without a reply
    socket.once("connect", () => socket.write(`${command}\r\n`));
    socket.once("data", (data) => {
      socket.end();
      resolve(data.toString("utf8").trim());
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts it again on the same port (if stopped); resolves once it answers PING. */
  start(): Promise<void>;
  /**
   * Stops it. With `keepData`, it saves first (`SHUTDOWN SAVE`) and `start()` reloads the data; `signal`
   * `SIGKILL` is a crash (what survives is what its own `args` made durable).
   */
  stop(options?: { keepData?: boolean; signal?: NodeJS.Signals }): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

/**
 * Spawns `redis-server` on a free port, without persistence of its own unless `args` turn it on (later
 * arguments win: `["--appendonly", "yes"]`), and waits for PING.
 */
export async function startRedisServer(binary: string, args: readonly string[] = []): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "hookproof-redis-"));
  let child: ChildProcess | undefined;
  let output = "";
  // A crashed test run must not leave servers behind.
  const killOnExit = (): void => void child?.kill("SIGKILL");
  process.once("exit", killOnExit);

  async function start(): Promise<void> {
    if (child !== undefined && child.exitCode === null) return;
    output = "";
    const spawned = spawn(
      binary,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        ...args,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = spawned;
    spawned.stdout?.on("data", (data: Buffer) => (output += data.toString("utf8")));
    spawned.stderr?.on("data", (data: Buffer) => (output += data.toString("utf8")));
    for (let attempt = 0; attempt < 200; attempt++) {
      if (spawned.exitCode !== null) break;
      if ((await rawCommand(port, "PING").catch(() => "")) === "+PONG") return;
      await sleep(50);
    }
    spawned.kill("SIGKILL");
    throw new Error(`redis-server did not answer PING on port ${port}:\n${output}`);
  }

  async function stop(options: { keepData?: boolean; signal?: NodeJS.Signals } = {}): Promise<void> {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    if (options.keepData) await rawCommand(port, "SHUTDOWN SAVE").catch(() => "");
    else running.kill(options.signal ?? "SIGTERM");
    await exited;
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    async close() {
      await stop();
      process.off("exit", killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
