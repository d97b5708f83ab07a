#!/usr/bin/env node
// Runs a workspace script on a fresh machine: finds pnpm (or runs the pinned one through npx),
// installs dependencies on first use, then runs `pnpm run <script>`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager; // "pnpm@10.x.y"
const [script, ...args] = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit" });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function localPnpmMatches() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  return probe.status === 0 && pinned.endsWith(`@${probe.stdout.trim()}`);
}

const pnpm = localPnpmMatches() ? ["pnpm"] : ["npx", "--yes", pinned];
if (!existsSync(join(root, "node_modules", ".modules.yaml"))) {
  run(pnpm[0], [...pnpm.slice(1), "install", "--frozen-lockfile"]);
}
run(pnpm[0], [...pnpm.slice(1), "run", script, ...args]);
