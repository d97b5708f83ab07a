/**
 * Middleware overhead: autocannon against one server process per route, 127.0.0.1 only, bounded in
 * time and in requests. Each hookproof route is compared with the same stack answering after only
 * reading the raw body.
 * @module
 */
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { jsonBody } from "./bodies.mjs";
import { signStandardWebhooks } from "./inputs.mjs";
import { SIGNED_AT } from "./server.mjs";

const SERVER = fileURLToPath(new URL("./server.mjs", import.meta.url));
const require = createRequire(import.meta.url);

/** Baseline → the hookproof routes measured against it. An adapter group runs only when the adapter is built. */
export const GROUPS = [
  {
    stack: "node:http",
    adapter: null,
    baseline: { route: "node-raw", label: "node:http, read raw body only" },
    contenders: [
      {
        route: "node-bound",
        label: "node:http + bound (HMAC + timingSafeEqual) + JSON.parse, by hand",
        reference: true,
      },
      { route: "node-process", label: "node:http + `hooks.process({ headers, body })`" },
    ],
  },
  {
    // What a Web-standard framework (Next's App Router, a fetch handler) pays to see a Web `Request`.
    stack: "node:http → Web Request",
    adapter: null,
    baseline: { route: "web-raw", label: "node:http → Web `Request`, `request.arrayBuffer()` only" },
    contenders: [{ route: "node-handle", label: "node:http → Web `Request` + `hooks.handle()`" }],
  },
  {
    stack: "Express 5",
    adapter: "@hookproof/express",
    baseline: { route: "express-raw", label: "Express 5, `express.raw()` only" },
    contenders: [
      {
        route: "express-bound",
        label: "Express 5, `express.raw()` + bound + JSON.parse, by hand",
        reference: true,
      },
      { route: "express-hookproof", label: "Express 5 + `handleWebhooks(hooks)`" },
    ],
  },
  {
    stack: "Hono (@hono/node-server)",
    adapter: "@hookproof/hono",
    baseline: { route: "hono-raw", label: "Hono, `c.req.arrayBuffer()` only" },
    contenders: [
      {
        route: "hono-bound",
        label: "Hono, `c.req.arrayBuffer()` + bound + JSON.parse, by hand",
        reference: true,
      },
      { route: "hono-hookproof", label: "Hono + `handleWebhooks(hooks)`" },
    ],
  },
];

/** Whether an adapter package resolves to a built file. */
export function adapterBuilt(name) {
  if (name === null) return true;
  try {
    return existsSync(require.resolve(name));
  } catch {
    return false;
  }
}

function startServerOnce(route, execArgv, env) {
  return new Promise((resolve, reject) => {
    const child = fork(SERVER, [route], {
      execArgv,
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", ({ port }) => resolve({ child, port }));
    child.once("exit", (code) => reject(new Error(`server ${route} exited with ${code}`)));
  });
}

/** Starts the server process of `route` (with extra Node flags and env, if any); resolves `{ child, port }`. */
export async function startServer(route, execArgv = [], env = {}) {
  // A workspace package being rebuilt next door can be missing for a moment: try again before giving up.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(route, execArgv, env);
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

/** CPU time the server process used so far, µs. */
export function cpuTime(child) {
  return new Promise((resolve) => {
    child.once("message", ({ cpu }) => resolve(cpu));
    child.send("cpu");
  });
}

/** Asks the server to close its connections and exit; resolves when it has. */
export function stopServer(child) {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", resolve);
    child.send("stop");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

/** Loads `port` with `request` over `connections`, for `seconds` or `amount` requests; every answer must be 2xx. */
export async function load(port, request, options) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/webhooks`,
    method: "POST",
    headers: request.headers,
    body: request.body,
    connections: options.connections,
    pipelining: 1,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(`${failed} failed requests (non-2xx ${result.non2xx}, errors ${result.errors})`);
  }
  return {
    rps: result.latency.totalCount / (result.duration || options.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.latency.totalCount,
  };
}

/**
 * Measures every available route. Per size and stack, every route's server is started and warmed with
 * `warmup` requests; then `rounds` rounds of `seconds` of load over `connections` connections visit the
 * routes in turn (A B C A B C …), so a slow spell of a shared machine falls on every route alike. A
 * route's figures are those of its median round by req/s. Returns the groups with
 * `{ rps, p50, p99, requests, cpuPerRequest, rounds }` per route.
 */
export async function runHttp({
  sizes = [256, 4096],
  seconds = 3,
  rounds = 3,
  connections = 2,
  warmup = 5000,
  onResult = () => {},
} = {}) {
  const out = [];
  for (const bytes of sizes) {
    const request = signStandardWebhooks(jsonBody(bytes), SIGNED_AT);
    for (const group of GROUPS) {
      if (!adapterBuilt(group.adapter)) {
        out.push({ ...group, bytes, skipped: `${group.adapter} is not built` });
        continue;
      }
      const entries = [group.baseline, ...group.contenders];
      const servers = [];
      try {
        for (const entry of entries) servers.push({ entry, ...(await startServer(entry.route)), runs: [] });
        for (const server of servers) await load(server.port, request, { connections, amount: warmup });
        for (let round = 0; round < rounds; round++) {
          for (const server of servers) {
            const before = await cpuTime(server.child);
            const result = await load(server.port, request, { connections, seconds });
            result.cpuPerRequest = ((await cpuTime(server.child)) - before) / result.requests;
            server.runs.push(result);
          }
        }
      } finally {
        await Promise.all(servers.map((server) => stopServer(server.child)));
      }
      const results = {};
      for (const { entry, runs } of servers) {
        const sorted = [...runs].sort((a, b) => a.rps - b.rps);
        results[entry.route] = {
          ...sorted[Math.floor(sorted.length / 2)],
          rounds: runs.map((run) => run.rps),
        };
        onResult(group, entry, results[entry.route], bytes);
      }
      out.push({ ...group, bytes, results });
    }
  }
  return { seconds, rounds, connections, warmup, groups: out };
}
