#!/usr/bin/env node
// Writes what the provider folders determine: the `exports` map of package.json (one subpath per folder) and
// the providers table, from each folder's `about`, in this package's README and the repository's README.
// Run by the package build after tsup (it reads `about` from dist/); test/generated.test.ts fails when the
// committed outputs are stale.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { exportsMap, providerFolders, providersTable, withTable } from "./render.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(root, "..", "..");
const folders = providerFolders(join(root, "src"));

const abouts = [];
for (const name of folders) {
  const built = join(root, "dist", name, "index.js");
  if (!existsSync(built))
    throw new Error(`${relative(repo, built)} is missing: run tsup first (pnpm build).`);
  const { about } = await import(pathToFileURL(built).href);
  if (about?.name !== name)
    throw new Error(`src/${name}/index.ts must export \`about\` with name "${name}".`);
  abouts.push(about);
}

// The optional peers' types (`stripe`, `@octokit/openapi-webhooks-types`) are imported by the declarations; the
// sources mark each import `@ts-ignore` (without the peer it is `any`, and the types fall back to the envelope), a
// comment the declaration bundler drops: put it back, so an app without the peer type-checks without skipLibCheck.
const OPTIONAL_PEER_IMPORT = /^(import (?:[^\n]* from )?'(?:stripe|@octokit\/openapi-webhooks-types)';)$/gm;
for (const file of readdirSync(join(root, "dist"), { recursive: true })) {
  if (!/\.d\.c?ts$/.test(file)) continue;
  const path = join(root, "dist", file);
  const text = readFileSync(path, "utf8");
  const patched = text.replace(OPTIONAL_PEER_IMPORT, "// @ts-ignore: an optional peer dependency\n$1");
  if (patched !== text) writeFileSync(path, patched);
}

const written = [];
function write(file, text) {
  if (readFileSync(file, "utf8") === text) return;
  writeFileSync(file, text);
  written.push(relative(repo, file));
}

const packageFile = join(root, "package.json");
const pkg = JSON.parse(readFileSync(packageFile, "utf8"));
pkg.exports = exportsMap(folders);
write(packageFile, `${JSON.stringify(pkg, null, 2)}\n`);

const ownReadme = join(root, "README.md");
write(ownReadme, withTable(readFileSync(ownReadme, "utf8"), providersTable(abouts, "src/"), "README.md"));
const repoReadme = join(repo, "README.md");
write(
  repoReadme,
  withTable(readFileSync(repoReadme, "utf8"), providersTable(abouts, "packages/providers/src/"), "README.md"),
);
console.log(
  `generate: ${folders.length} providers → ${written.length ? written.join(", ") : "exports map and tables up to date"}`,
);
