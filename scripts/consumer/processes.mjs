// Child processes for the consumer test: commands that must succeed, and servers started, awaited and stopped.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

/**
 * Runs `command` to completion; resolves with its output, rejects with it (and the exit code) on failure.
 *
 * @example
 * const { stdout } = await run("npm", ["install"], { cwd });
 */
export function run(command, args, { cwd, env = process.env, input, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 || allowFailure) resolve({ code, stdout, stderr });
      else reject(new Error(`${command} ${args.join(" ")} exited ${code} in ${cwd}\n${stdout}\n${stderr}`));
    });
    child.stdin.end(input ?? "");
  });
}

/**
 * A free TCP port on 127.0.0.1.
 *
 * @example
 * const port = await freePort();
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server (in its own process group, so a shell's children stop with it) and waits until `url`
 * answers; `stop()` ends it and resolves with everything it printed.
 *
 * @example
 * const server = await startServer("node", ["server.mjs"], { cwd, env, url: "http://127.0.0.1:3000/" });
 * await server.stop();
 */
export async function startServer(command, args, { cwd, env, url, timeoutMs = 60_000 }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
    return output;
  };
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${command} ${args.join(" ")} exited before it answered ${url}:\n${output}`);
    try {
      await fetch(url, { method: "GET", signal: AbortSignal.timeout(2_000) });
      return { stop, output: () => output };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await stop();
  throw new Error(`${command} ${args.join(" ")} did not answer ${url} within ${timeoutMs} ms:\n${output}`);
}
