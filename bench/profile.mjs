/**
 * `pnpm --filter @hookproof/bench bench:profile`: one benchmark route under autocannon load with `node --cpu-prof`,
 * summarised as profiled µs per request of the functions that cost most (inclusive and self; `(idle)` is
 * the server waiting for the client, and `writev` includes the kernel's loopback delivery). This is how the
 * notes on missed targets were made. Options: `--route` (a route of lib/server.mjs, default node-process),
 * `--bytes` (body size, default 256), `--seconds` (default 5), `--top` (rows, default 25).
 * @module
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { jsonBody } from "./lib/bodies.mjs";
import { load, startServer, stopServer } from "./lib/http.mjs";
import { signStandardWebhooks } from "./lib/inputs.mjs";
import { ROUTE_NAMES, SIGNED_AT } from "./lib/server.mjs";

// `pnpm bench -- --rounds 3` hands the script its `--` as well.
const argv = process.argv.slice(2);
const { values: args } = parseArgs({
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    route: { type: "string", default: "node-process" },
    bytes: { type: "string", default: "256" },
    seconds: { type: "string", default: "5" },
    top: { type: "string", default: "25" },
  },
});
if (!ROUTE_NAMES.includes(args.route)) {
  throw new Error(`--route must be one of ${ROUTE_NAMES.join(", ")}`);
}

const dir = mkdtempSync(join(tmpdir(), "hookproof-profile-"));
const request = signStandardWebhooks(jsonBody(Number(args.bytes)), SIGNED_AT);
const { child, port } = await startServer(args.route, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
let served = 0;
try {
  served += (await load(port, request, { connections: 2, amount: 3000 })).requests;
  const measured = await load(port, request, { connections: 2, seconds: Number(args.seconds) });
  served += measured.requests;
  process.stdout.write(`${args.route}, ${args.bytes} B: ${measured.rps.toFixed(0)} req/s under load\n\n`);
} finally {
  // The profile is written when the server exits.
  await stopServer(child);
}

const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), "utf8"));
rmSync(dir, { recursive: true, force: true });
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const sampled = new Map();
for (const [i, id] of profile.samples.entries()) {
  sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

const name = ({ callFrame: frame }) =>
  `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`;
const inclusive = new Map();
const self = new Map();
for (const [id, time] of sampled) {
  self.set(name(nodes.get(id)), (self.get(name(nodes.get(id))) ?? 0) + time);
  // Each function counts once per sample, however deep it recurses.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const key = name(nodes.get(at));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}

const top = Number(args.top);
for (const [title, table] of [
  ["inclusive", inclusive],
  ["self", self],
]) {
  process.stdout.write(`| ${title}: µs per request | function |\n|---:|---|\n`);
  const rows = [...table]
    .filter(([key]) => !key.startsWith("(root)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [key, time] of rows) process.stdout.write(`| ${(time / served).toFixed(2)} | ${key} |\n`);
  process.stdout.write("\n");
}
