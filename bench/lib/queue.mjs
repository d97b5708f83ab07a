/**
 * Acknowledge fast, handle later: the receiver's answer time and req/s when it hands each event off to
 * BullMQ workers (`@hookproof/bullmq`), against handling it inline. One real `redis-server` started here on a
 * free loopback port; every request a fresh event id (a replayed one would be a duplicate after the first).
 * @module
 */
import autocannon from "autocannon";
import { spawnReady } from "../../packages/redis/test/children.mjs";
import { findRedisServer, startRedisServer } from "../../packages/redis/test/redis-server.mjs";
import { jsonBody } from "./bodies.mjs";
import { adapterBuilt, cpuTime, startServer, stopServer } from "./http.mjs";
import { signStandardWebhooks } from "./inputs.mjs";
import { SIGNED_AT } from "./server.mjs";

const WORKER = new URL("./queue-worker.mjs", import.meta.url);

/** The receivers measured: route, the handler's duration, and whether workers run it (handoff). */
export const QUEUE_ROWS = [
  {
    key: "handoff-5s",
    route: "queue-handoff",
    handlerMs: 5000,
    label: "`handoff` to BullMQ, a 5 s handler on a worker",
  },
  {
    key: "handoff-5ms",
    route: "queue-handoff",
    handlerMs: 5,
    label: "`handoff` to BullMQ, a 5 ms handler on a worker",
  },
  { key: "inline-5ms", route: "queue-inline", handlerMs: 5, label: "inline, a 5 ms handler in the request" },
];

/** The signed request `i` of run `tag`: a 256 B body, its own `webhook-id`. */
function signed(tag, i) {
  return signStandardWebhooks(jsonBody(256), SIGNED_AT, `msg_${tag}_${i}`);
}

/** Loads `port` for `seconds` (or `amount` requests) with fresh events; every answer must be 2xx. */
async function load(port, tag, { connections, seconds, amount, rate }) {
  let i = 0;
  const first = signed(tag, 0);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/webhooks`,
    connections,
    pipelining: 1,
    ...(amount ? { amount } : { duration: seconds }),
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: "POST",
        headers: first.headers,
        body: first.body,
        setupRequest: (request) => {
          const { headers, body } = signed(tag, i++);
          return { ...request, headers, body };
        },
      },
    ],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(`${failed} failed requests (non-2xx ${result.non2xx}, errors ${result.errors})`);
  return {
    rps: result.latency.totalCount / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.latency.totalCount,
  };
}

/**
 * Per row: a fresh queue, its worker (handoff rows; `concurrency` jobs at once), the receiver warmed with
 * `warmup` requests, then latency at a steady `rate` req/s for `latencySeconds`, then saturation (as many as
 * `connections` connections can send) for `seconds`. Resolves `{ rows, … }` with each row's
 * `{ latency: { p50, p99, rps }, saturation: { rps, p50, p99, cpuPerRequest } }`, or `{ skipped }`.
 */
export async function runQueue({
  seconds = 3,
  latencySeconds = 2,
  rate = 200,
  connections = 32,
  warmup = 200,
  concurrency = 100,
  onResult = () => {},
} = {}) {
  const settings = { seconds, latencySeconds, rate, connections, warmup, concurrency };
  const binary = findRedisServer();
  if (binary === undefined) return { ...settings, skipped: "redis-server is not on PATH" };
  if (!adapterBuilt("@hookproof/bullmq")) return { ...settings, skipped: "@hookproof/bullmq is not built" };
  const redis = await startRedisServer(binary);
  const rows = [];
  try {
    for (const row of QUEUE_ROWS) {
      const env = { REDIS_URL: redis.url, QUEUE: `bench-${row.key}`, HANDLER_MS: String(row.handlerMs) };
      const worker =
        row.route === "queue-handoff"
          ? await spawnReady(WORKER, { ...env, CONCURRENCY: String(concurrency) })
          : undefined;
      const { child, port } = await startServer(row.route, [], env);
      try {
        await load(port, `${row.key}-warm`, { connections: 4, amount: warmup });
        const latency = await load(port, `${row.key}-rate`, {
          connections: 8,
          seconds: latencySeconds,
          rate,
        });
        const before = await cpuTime(child);
        const saturation = await load(port, `${row.key}-max`, { connections, seconds });
        saturation.cpuPerRequest = ((await cpuTime(child)) - before) / saturation.requests;
        const result = { ...row, latency, saturation };
        rows.push(result);
        onResult(result);
      } finally {
        await stopServer(child);
        // Its jobs die with this run's Redis; nothing is waited for.
        await worker?.stop("SIGKILL");
      }
    }
  } finally {
    await redis.close();
  }
  return { ...settings, rows };
}
