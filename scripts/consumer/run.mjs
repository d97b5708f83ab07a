#!/usr/bin/env node
// The consumer test: what a new user does, done outside the workspace. Packs every package, installs the
// tarballs with plain npm into fresh apps in a temp folder, and on each Node version asked for:
//   - type-checks an ESM TypeScript Express 5 app (module: nodenext) and every README TypeScript snippet,
//     then runs the app; runs a CommonJS Express 4 app; runs the root README's quick start as written;
//   - builds a Next.js app made of the @hookproof/next README's route files with no secret in the
//     environment (`next build`), then serves it (`next start`);
//   - sends each running app a genuine delivery (200), a tampered one (401) and a replay (a duplicate).
// Usage: node scripts/consumer/run.mjs [--node 22.23.3 …] [--keep]; the current Node always runs first.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApp } from "./apps.mjs";
import { checkEsmApp, runCjsApp, runEsmApp } from "./express-apps.mjs";
import { buildAndServeNext, nextRouteFiles } from "./next-app.mjs";
import { packAll } from "./pack.mjs";
import { installQuickStart, runQuickStart } from "./quick-start.mjs";
import { snippetFiles } from "./snippets.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: { node: { type: "string", multiple: true }, keep: { type: "boolean" } },
});

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
async function step(title, action) {
  const at = Date.now();
  process.stdout.write(`-- ${title}\n`);
  const result = await action();
  process.stdout.write(`   ok (${seconds(at)})\n`);
  return result;
}

/** The runtimes to test on: this one, then each `--node` version from the npm `node` package. */
function runtimes() {
  const extra = (values.node ?? []).map((version) => ({
    version,
    bin: execFileSync("npx", ["-y", `node@${version}`, "-p", "process.execPath"], {
      encoding: "utf8",
    }).trim(),
  }));
  return [{ version: process.versions.node, bin: process.execPath }, ...extra];
}

const work = mkdtempSync(join(tmpdir(), "hookproof-consumer-"));
try {
  const nodes = await step(
    `Node versions: ${[process.versions.node, ...(values.node ?? [])].join(", ")}`,
    runtimes,
  );
  const tarballs = await step("pack every package and check each tarball", () => {
    mkdirSync(join(work, "tarballs"));
    return packAll(root, join(work, "tarballs"));
  });
  const [esm, cjs, next, quick] = await step("npm install the tarballs into four fresh apps", () =>
    Promise.all([
      createApp("esm-express5", { work, tarballs, files: snippetFiles(root, "snippets") }),
      createApp("cjs-express4", { work, tarballs }),
      createApp("next", { work, tarballs, files: nextRouteFiles(root) }),
      installQuickStart({ root, work, tarballs }),
    ]),
  );
  for (const node of nodes) {
    const on = `Node ${node.version}`;
    await step(`${on}: tsc --noEmit (module: nodenext) over the ESM app and the README snippets`, () =>
      checkEsmApp({ node, app: esm }),
    );
    await step(`${on}: the ESM Express 5 app answers 200, 401 and a duplicate`, () =>
      runEsmApp({ node, app: esm }),
    );
    await step(`${on}: the CommonJS Express 4 app answers 200, 401 and a duplicate`, () =>
      runCjsApp({ node, app: cjs }),
    );
    await step(`${on}: the root README's quick start, as written`, () =>
      runQuickStart({ root, node, app: quick }),
    );
    await step(`${on}: next build without secrets, then next start answers 200, 401 and a duplicate`, () =>
      buildAndServeNext({ node, app: next }),
    );
  }
  process.stdout.write(`consumer test passed in ${seconds(started)} (${work})\n`);
} catch (error) {
  process.stderr.write(
    `consumer test FAILED after ${seconds(started)} (${work} kept):\n${error.stack ?? error}\n`,
  );
  values.keep = true;
  process.exitCode = 1;
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
