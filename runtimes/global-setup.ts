/**
 * Runs once for the "runtimes" vitest project: finds the Bun, Deno and workerd binaries `npm ci --prefix
 * runtimes` installs, packs `@hookproof/core` and `@hookproof/hono` as they are published, and lays out the app
 * as a user deploys it: the packed packages in its `node_modules` for Bun and Deno, one bundle for workerd built
 * the way `wrangler deploy` builds it. Fails in CI without the binaries, skips locally with one warning.
 * @module
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";

/** What the tests get: the app's directory, each binary (or `""`), its version, and what workerd's bundle holds. */
export interface RuntimesSetup {
  dir: string;
  bun: { binary: string; version: string };
  deno: { binary: string; version: string };
  workerd: { binary: string; version: string };
  /** The files esbuild put in workerd's bundle, relative to the app's directory. */
  workerInputs: string[];
}

declare module "vitest" {
  export interface ProvidedContext {
    runtimes: RuntimesSetup;
  }
}

const root = fileURLToPath(new URL("..", import.meta.url));
const installed = join(root, "runtimes", "node_modules");
const BINARIES = {
  bun: join(installed, "@oven/bun-linux-x64/bin/bun"),
  deno: join(installed, "@deno/linux-x64-glibc/deno"),
  workerd: join(installed, "@cloudflare/workerd-linux-64/bin/workerd"),
};

// The conditions `wrangler` bundles a Worker with (workers-sdk, packages/wrangler/src/deployment-bundle/bundle.ts:
// BUILD_CONDITIONS, target es2022, ESM, esbuild's default browser platform).
const WRANGLER_CONDITIONS = ["workerd", "worker", "browser"];

const WORKERD_CONFIG = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .app)],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "main")],
);

const app :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-11-01",
  bindings = [(name = "WEBHOOK_SECRETS", fromEnvironment = "WEBHOOK_SECRETS")],
);
`;

function version(binary: string): string {
  return execFileSync(binary, ["--version"], { encoding: "utf8" }).match(/\d[\d.-]*\d/)?.[0] ?? "?";
}

function unpack(name: string, from: string, into: string): void {
  const tarball = execFileSync("pnpm", ["pack", "--pack-destination", into], { cwd: from, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop() as string;
  const target = join(into, "node_modules", "@hookproof", name);
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
}

let dir = "";

export default async function setup(project: TestProject): Promise<() => void> {
  const missing = Object.entries(BINARIES).filter(([, binary]) => !existsSync(binary));
  if (missing.length > 0) {
    const install = "Install them with `npm ci --prefix runtimes` (Linux x64; .ci/run does).";
    const names = missing.map(([name]) => name).join(", ");
    if (process.env.CI === "true") throw new Error(`[runtimes tests] ${names} not installed. ${install}`);
    console.warn(`[runtimes tests] SKIPPED for ${names}: not installed. ${install}`);
  }
  for (const built of ["packages/core/dist/web/index.js", "packages/hono/dist/index.js"]) {
    if (!existsSync(join(root, built))) {
      throw new Error(`[runtimes tests] ${built} is missing: run \`pnpm build\` first (\`pnpm test\` does).`);
    }
  }

  dir = mkdtempSync(join(tmpdir(), "hookproof-runtimes-"));
  unpack("core", join(root, "packages/core"), dir);
  unpack("hono", join(root, "packages/hono"), dir);
  symlinkSync(realpathSync(join(root, "packages/hono/node_modules/hono")), join(dir, "node_modules", "hono"));
  const dependencies = { "@hookproof/core": "0.0.0", "@hookproof/hono": "0.0.0", hono: "^4.6.0" };
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true, dependencies }));
  for (const file of ["app.ts", "bun.ts", "deno.ts", "worker.ts"]) {
    copyFileSync(join(root, "runtimes/app", file), join(dir, file));
  }

  const bundle = await build({
    entryPoints: [join(dir, "worker.ts")],
    absWorkingDir: dir,
    outfile: join(dir, "worker.js"),
    bundle: true,
    format: "esm",
    target: "es2022",
    conditions: WRANGLER_CONDITIONS,
    metafile: true,
    logLevel: "silent",
  });
  writeFileSync(join(dir, "workerd.capnp"), WORKERD_CONFIG);

  const found = (name: keyof typeof BINARIES) => {
    const binary = existsSync(BINARIES[name]) ? BINARIES[name] : "";
    return { binary, version: binary === "" ? "" : version(binary) };
  };
  project.provide("runtimes", {
    dir,
    bun: found("bun"),
    deno: found("deno"),
    workerd: found("workerd"),
    workerInputs: Object.keys(bundle.metafile.inputs),
  });
  return () => rmSync(dir, { recursive: true, force: true });
}
