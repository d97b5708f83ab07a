// Packs every package as it would be published (`pnpm pack` rewrites `workspace:*` to versions) and checks
// what a user would judge in each tarball: the LICENSE, the metadata, no stray files.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const REPOSITORY = "git+https://github.com/hookproof/hookproof.git";

/**
 * Packs `packages/*` of `root` into `into`; returns `{ name → tarball path }`. Throws naming each problem.
 *
 * @example
 * const tarballs = packAll("/work/hookproof", "/tmp/consumer/tarballs");
 * tarballs["@hookproof/core"]; // "/tmp/consumer/tarballs/hookproof-core-0.1.0.tgz"
 */
export function packAll(root, into) {
  const tarballs = {};
  const problems = [];
  for (const dir of readdirSync(join(root, "packages")).sort()) {
    const cwd = join(root, "packages", dir);
    const { name, version } = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
    execFileSync("pnpm", ["pack", "--pack-destination", into], { cwd, stdio: "pipe" });
    const file = join(into, `${name.replace("@", "").replace("/", "-")}-${version}.tgz`);
    tarballs[name] = file;
    problems.push(...checkTarball(file, name, `packages/${dir}`));
  }
  if (problems.length > 0)
    throw new Error(`the packed packages are not fit to publish:\n- ${problems.join("\n- ")}`);
  return tarballs;
}

function checkTarball(file, name, directory) {
  const files = execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).trim().split("\n");
  const manifest = JSON.parse(
    execFileSync("tar", ["-xzOf", file, "package/package.json"], { encoding: "utf8" }),
  );
  const problems = [];
  for (const needed of ["package/LICENSE", "package/README.md", "package/package.json"]) {
    if (!files.includes(needed))
      problems.push(`${name}: no ${needed.slice("package/".length)} in the tarball`);
  }
  const license = files.includes("package/LICENSE")
    ? execFileSync("tar", ["-xzOf", file, "package/LICENSE"], { encoding: "utf8" })
    : "";
  if (!license.startsWith("MIT License") || !license.includes("hookproof contributors")) {
    problems.push(`${name}: LICENSE is not the MIT licence of "hookproof contributors"`);
  }
  if (manifest.license !== "MIT") problems.push(`${name}: "license" is not "MIT"`);
  if (manifest.repository?.url !== REPOSITORY || manifest.repository?.directory !== directory) {
    problems.push(`${name}: "repository" must be { url: "${REPOSITORY}", directory: "${directory}" }`);
  }
  if (!manifest.homepage?.startsWith("https://github.com/hookproof/hookproof"))
    problems.push(`${name}: no "homepage"`);
  if (!manifest.bugs?.url) problems.push(`${name}: no "bugs"`);
  if (!manifest.engines?.node) problems.push(`${name}: no "engines.node"`);
  const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
  for (const [dep, range] of Object.entries(deps)) {
    if (String(range).startsWith("workspace:"))
      problems.push(`${name}: dependency ${dep} is still "${range}"`);
  }
  // Data the code does not read: fixtures are bundled into dist/*.js, never shipped as JSON files.
  const stray = files.filter((path) => path.endsWith(".json") && path !== "package/package.json");
  if (stray.length > 0)
    problems.push(`${name}: ships ${stray.length} JSON files besides package.json (${stray[0]}…)`);
  return problems;
}
