#!/usr/bin/env node
// Load test: the Express example server under a fixed request rate with a mix of genuine, tampered and
// duplicate deliveries. Every answer is checked; afterwards every genuine event must have been handled
// exactly once (counted by id at GET /handled), and the server's memory must have stayed steady.
// Loopback only; a fixed number of requests, so it stops by itself.
//
//   node load/run.mjs [--duration 30] [--rate 200] [--connections 10]
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generic, stackAuth } from "@hookproof/providers";
import autocannon from "autocannon";

const root = new URL("../", import.meta.url);
const secrets = {
  stackAuth: `whsec_${Buffer.from("hookproof load test stack auth key").toString("base64")}`,
  generic: "hookproof load test generic secret",
};

function fixture(provider, type) {
  return readFileSync(new URL(`packages/providers/src/${provider}/fixtures/${type}.json`, root), "utf8");
}

async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts examples/express as `pnpm start` would, and resolves once it answers /health. */
async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, ["src/server.js"], {
    cwd: fileURLToPath(new URL("examples/express/", root)),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      STACK_WEBHOOK_SECRET: secrets.stackAuth,
      GENERIC_WEBHOOK_SECRET: secrets.generic,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (attempt > 200) throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** Resident memory of a process, bytes, from /proc (Linux). */
function rss(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/**
 * Signs `count` deliveries up front (signing is the sender's cost, not the receiver's): about 70 % genuine
 * events with fresh ids, 15 % tampered after signing, 15 % redeliveries of a genuine event sent earlier.
 */
async function deliveries(count) {
  const stack = stackAuth({ secret: secrets.stackAuth }).scheme;
  const gen = generic({ secret: secrets.generic }).scheme;
  const stackBody = fixture("stack-auth", "user.created");
  const genericEvent = JSON.parse(fixture("generic", "project.created"));
  const list = [];
  const genuine = [];
  for (let i = 0; i < count; i++) {
    const roll = i % 20;
    if (roll >= 17 && genuine.length >= 50) {
      // A redelivery of a genuine event sent 40 to 46 genuine deliveries earlier: handled by then.
      const original = genuine[genuine.length - 40 - (i % 7)];
      list.push({ ...original, headers: { ...original.headers }, kind: "duplicate" });
    } else if (roll >= 14) {
      const id = `msg_${randomUUID()}`;
      const headers = await stack.sign({ body: stackBody, id });
      list.push({
        kind: "tampered",
        id,
        path: "/webhooks/stack-auth",
        headers,
        body: stackBody.replace("@", "+@"),
      });
    } else if (i % 2 === 0) {
      const id = `msg_${randomUUID()}`;
      const headers = await stack.sign({ body: stackBody, id });
      genuine.push({ kind: "genuine", id, path: "/webhooks/stack-auth", headers, body: stackBody });
      list.push(genuine.at(-1));
    } else {
      const id = `evt_${randomUUID()}`;
      const body = JSON.stringify({ ...genericEvent, id, created_at: new Date().toISOString() });
      genuine.push({
        kind: "genuine",
        id,
        path: "/webhooks/generic",
        headers: await gen.sign({ body }),
        body,
      });
      list.push(genuine.at(-1));
    }
  }
  return list;
}

/** Whether an answer is the right one for what was sent. */
function rightAnswer(kind, status, body) {
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    return false;
  }
  if (kind === "genuine") return status === 200 && json.ok === true && json.duplicate !== true;
  if (kind === "tampered") return status === 401 && json.error?.code === "invalid_signature";
  // A redelivery: acknowledged as a duplicate (or, were the first still running, told to come back).
  return (
    (status === 200 && json.duplicate === true) ||
    (status === 409 && json.error?.code === "duplicate_in_flight")
  );
}

/** Runs the load; resolves with the measurements and the list of problems (empty when all is well). */
export async function runLoad({ durationSeconds = 30, rate = 200, connections = 10 } = {}) {
  const amount = Math.round(durationSeconds * rate);
  const list = await deliveries(amount);
  const server = await startServer();
  const samples = [];
  const sampler = setInterval(() => samples.push(rss(server.pid)), 250);
  const wrong = [];
  const counts = { genuine: 0, tampered: 0, duplicate: 0 };
  let next = 0;
  try {
    const result = await autocannon({
      url: server.url,
      connections,
      overallRate: rate,
      amount,
      timeout: 10,
      requests: [
        {
          method: "POST",
          setupRequest(request, context) {
            const delivery = list[next++ % list.length];
            context.delivery = delivery;
            return {
              ...request,
              path: delivery.path,
              headers: { ...delivery.headers, "content-type": "application/json" },
              body: delivery.body,
            };
          },
          onResponse(status, body, context) {
            const { kind, id } = context.delivery;
            counts[kind]++;
            if (!rightAnswer(kind, status, body)) wrong.push({ kind, id, status, body: body.slice(0, 200) });
          },
        },
      ],
    });
    clearInterval(sampler);
    const handled = await (await fetch(`${server.url}/handled`)).json();
    const handledById = new Map();
    for (const entry of handled) handledById.set(entry.id, (handledById.get(entry.id) ?? 0) + 1);
    const genuineIds = new Set(
      list
        .slice(0, amount)
        .filter((d) => d.kind === "genuine")
        .map((d) => d.id),
    );
    const tamperedIds = list.filter((d) => d.kind === "tampered").map((d) => d.id);
    const problems = [];
    if (wrong.length > 0) problems.push(`${wrong.length} wrong answers, first: ${JSON.stringify(wrong[0])}`);
    const missing = [...genuineIds].filter((id) => handledById.get(id) !== 1);
    if (missing.length > 0) problems.push(`${missing.length} genuine events not handled exactly once`);
    if (tamperedIds.some((id) => handledById.has(id))) problems.push("a tampered event was handled");
    if (handled.length !== genuineIds.size)
      problems.push(`${handled.length} handled for ${genuineIds.size} genuine`);
    if (result.errors > 0 || result.timeouts > 0)
      problems.push(`${result.errors} errors, ${result.timeouts} timeouts`);
    // Memory: V8 sizes its heap up over the first seconds (about 8 s at 200 req/s here), then RSS stays
    // flat. From half-way to the end it may grow only by what the example's own log and dedupe store
    // legitimately keep per event (well under 2 KiB), never with the traffic itself.
    const warm = samples[Math.floor(samples.length / 2)] ?? samples[0];
    const end = samples.at(-1);
    const growth = end - warm;
    const allowance = 16 * 1024 * 1024 + genuineIds.size * 2048;
    if (!(growth <= allowance))
      problems.push(`RSS grew by ${growth} bytes after warm-up (allowed ${allowance})`);
    return {
      problems,
      requests: result.requests.total,
      counts,
      handled: handled.length,
      rps: result.requests.average,
      p99Ms: result.latency.p99,
      rssMiB: { warm: +(warm / 2 ** 20).toFixed(1), end: +(end / 2 ** 20).toFixed(1) },
      rssSamplesMiB: samples.filter((_, i) => i % 4 === 0).map((bytes) => Math.round(bytes / 2 ** 20)),
    };
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "30" },
      rate: { type: "string", default: "200" },
      connections: { type: "string", default: "10" },
    },
  });
  const report = await runLoad({
    durationSeconds: Number(values.duration),
    rate: Number(values.rate),
    connections: Number(values.connections),
  });
  console.log(JSON.stringify(report, null, 2));
  console.log(
    report.problems.length === 0 ? "load: all answers right, every event handled once" : "load: FAILED",
  );
  process.exit(report.problems.length === 0 ? 0 : 1);
}
