/**
 * Test apps as child processes (plain `node`, the built packages): started, awaited until they say they
 * are ready, stopped, and never left behind by a crashed test run.
 * @module
 */
import { spawn } from "node:child_process";

/**
 * Spawns `node <script>` with `env` added to this process's, and resolves once its first stdout line (JSON:
 * `{"port":…}` for a server, `{"ready":true}` for a worker) is printed; rejects if it exits first.
 */
export function spawnReady(script, env) {
  const child = spawn(process.execPath, [script instanceof URL ? script.pathname : script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (data) => (stderr += data.toString("utf8")));
  const exited = new Promise((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => void child.kill("SIGKILL"); // a crashed test run leaves nothing behind
  process.once("exit", killOnExit);
  const stop = async (signal = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    process.off("exit", killOnExit);
  };
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}):\n${stderr}`)));
    child.stdout.once("data", (data) => {
      const line = JSON.parse(data.toString("utf8"));
      const url = line.port === undefined ? "" : `http://127.0.0.1:${line.port}/webhooks`;
      resolve({ pid: child.pid, child, url, stop });
    });
  });
}

/** Starts every child with {@link spawnReady}; if one fails, stops the others before throwing. */
export async function spawnAllReady(specs) {
  const started = await Promise.allSettled(specs.map(([script, env]) => spawnReady(script, env)));
  const children = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = started.find((result) => result.status === "rejected");
  if (failed === undefined) return children;
  await Promise.all(children.map((child) => child.stop("SIGKILL")));
  throw failed.reason;
}
