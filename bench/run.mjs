/**
 * `pnpm bench`: bundle sizes, micro benchmarks (mitata), middleware overhead and the handoff to BullMQ
 * (autocannon), printed as Markdown and written to RESULTS.md. Options: `--rounds N` (micro rounds, default 5),
 * `--http-seconds N` (default 3), `--http-rounds N` (default 3),
 * `--queue-seconds N` (handoff saturation, default 3), `--skip size,micro,http,queue`,
 * `--only <micro suite ids>` (e.g. `signature-list`), `--no-write`.
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { runHttp } from "./lib/http.mjs";
import { runMicro } from "./lib/micro.mjs";
import { runQueue } from "./lib/queue.mjs";
import { formatHttp, formatMicro, formatQueue, formatSizes, formatTargets } from "./lib/report.mjs";
import { measureSizes } from "./lib/size.mjs";

// `pnpm bench -- --rounds 3` hands the script its `--` as well.
const argv = process.argv.slice(2);
const { values: args } = parseArgs({
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    rounds: { type: "string", default: "5" },
    "http-seconds": { type: "string", default: "3" },
    "http-rounds": { type: "string", default: "3" },
    "queue-seconds": { type: "string", default: "3" },
    skip: { type: "string", default: "" },
    only: { type: "string" },
    "no-write": { type: "boolean", default: false },
  },
});
const skip = new Set(args.skip.split(",").filter(Boolean));
const started = Date.now();
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const loadBefore = load();
const log = (line) => process.stderr.write(`${line}\n`);

if (typeof globalThis.gc !== "function")
  log("note: run with --expose-gc (as `pnpm bench` does) for steadier numbers");

let sizes;
if (!skip.has("size")) {
  log("bundle sizes…");
  sizes = await measureSizes();
}

let micro;
if (!skip.has("micro")) {
  const rounds = Number(args.rounds);
  let last = performance.now();
  micro = await runMicro({
    rounds,
    ...(args.only ? { only: args.only.split(",") } : {}),
    onResult({ round, suite, size, contender, stats }) {
      const now = performance.now();
      log(
        `  [${round + 1}/${rounds}] ${suite.padEnd(17)} ${size.padEnd(6)} ${contender.key.padEnd(24)} ${(stats.p50 / 1000).toFixed(2).padStart(9)} µs  (${((now - last) / 1000).toFixed(1)} s)`,
      );
      last = now;
    },
  });
}

let http;
if (!skip.has("http")) {
  http = await runHttp({
    seconds: Number(args["http-seconds"]),
    rounds: Number(args["http-rounds"]),
    onResult(_group, entry, result, bytes) {
      log(
        `  http ${String(bytes).padEnd(5)} ${entry.route.padEnd(18)} ${result.rps.toFixed(0).padStart(6)} req/s (rounds ${result.rounds.map((rps) => rps.toFixed(0)).join(", ")})  p99 ${result.p99} ms  ${result.cpuPerRequest.toFixed(0)} µs CPU/req`,
      );
    },
  });
}

let queue;
if (!skip.has("queue")) {
  log("handoff to BullMQ against inline handling…");
  queue = await runQueue({
    seconds: Number(args["queue-seconds"]),
    onResult(row) {
      log(
        `  queue ${row.key.padEnd(12)} answer p50/p99 ${row.latency.p50}/${row.latency.p99} ms at a steady rate; ${row.saturation.rps.toFixed(0).padStart(6)} req/s at saturation, p99 ${row.saturation.p99} ms`,
      );
    },
  });
  if (queue.skipped) log(`  queue: skipped (${queue.skipped})`);
}

const cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
const version = (name) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;
const lines = [
  "# hookproof benchmark results",
  "",
  "Written by `pnpm bench` (bench/run.mjs); every figure below comes from this one run. How to read it: bench/README.md.",
  "",
  `- date: ${new Date(started).toISOString()} (took ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  `- machine: ${cpu}, ${availableParallelism()} cores; load average ${loadBefore} before, ${load()} after`,
  `- Node ${process.version}; mitata ${version("mitata")}, autocannon ${version("autocannon")}, esbuild ${version("esbuild")}`,
  `- peers: svix ${version("svix")}, standardwebhooks ${version("standardwebhooks")}, @octokit/webhooks-methods ${version("@octokit/webhooks-methods")}, stripe ${version("stripe")}`,
  "",
  "## Targets",
  "",
  ...formatTargets(micro ?? {}, http, sizes),
  "",
];
if (micro) {
  lines.push(
    "## Verify and pipeline (mitata)",
    "",
    `Each cell is the lowest of ${args.rounds} per-round medians (WebCrypto: single calls, the median over all its alternating slices of each slice's median, see bench/README.md). Bodies are JSON of exactly the size shown; every contender gets the same signed bytes.`,
    "",
    ...formatMicro(micro),
  );
}
if (http) {
  lines.push(
    "## Middleware overhead (autocannon)",
    "",
    `One server process per route on 127.0.0.1; ${http.warmup} warm-up requests each, then ${http.rounds} rounds of ${http.seconds} s × ${http.connections} connections visiting the routes of a stack in turn; each row is its median round. One pre-signed request replayed (dedupe off, clock pinned to its timestamp). The "bound … by hand" row is the floor: any route that verifies and parses pays at least that.`,
    "",
    ...formatHttp(http),
  );
}
if (queue) {
  lines.push(
    "## Acknowledge fast, handle later: `handoff` to BullMQ (autocannon)",
    "",
    `One \`redis-server\` on 127.0.0.1 started by the run; one receiver process (node:http + \`hooks.process()\`, dedupe in that Redis, Standard Webhooks, 256 B bodies, a fresh event id per request) and, for handoff, one worker process running ${queue.concurrency} jobs at once. Per row: ${queue.warmup} warm-up requests, the answer time at a steady ${queue.rate} req/s over 8 connections for ${queue.latencySeconds} s, then ${queue.seconds} s of as many requests as ${queue.connections} connections can send. With handoff the sender's answer waits for the job to be in Redis, never for the handler: the 5 s and 5 ms rows should match. Handled inline, a 5 s handler would hold every answer 5 s.`,
    "",
    ...formatQueue(queue),
  );
}
if (sizes) lines.push("## Bundle size (esbuild, minified, gzip -9)", "", ...formatSizes(sizes), "");

const markdown = `${lines.join("\n")}\n`;
process.stdout.write(markdown);
if (!args["no-write"]) {
  writeFileSync(new URL("./RESULTS.md", import.meta.url), markdown);
  log("wrote bench/RESULTS.md");
}
