// The apps a new user would create, each in its own folder outside the workspace: its package.json (the
// @hookproof packages from their tarballs, everything else from npm at the versions the workspace tests) and
// its files; then one plain `npm install`.
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./processes.mjs";

/** Versions the workspace's own tests use (pnpm-lock.yaml), so the consumer test checks the same ones. */
const NPM = {
  express5: "5.3.0",
  express4: "4.22.3",
  "@types/express": "5.0.6",
  "@types/node": "20.19.43",
  typescript: "5.9.3",
  hono: "4.13.19",
  "@hono/node-server": "2.1.9",
  fastify: "5.12.8",
  ioredis: "6.0.0",
  redis: "6.3.1",
  next: "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "@types/react": "19.3.0",
};

const pick = (names) => Object.fromEntries(names.map((name) => [name, NPM[name]]));

/** Every app: what it depends on and which template folder (under apps/) it starts from. */
const APPS = {
  // The ESM app is also the project the READMEs' TypeScript snippets are checked in (hono, fastify, redis clients).
  "esm-express5": {
    type: "module",
    hookproof: ["core", "providers", "express", "hono", "fastify", "redis", "testing"],
    dependencies: {
      express: NPM.express5,
      ...pick(["hono", "@hono/node-server", "fastify", "ioredis", "redis"]),
    },
    devDependencies: pick(["typescript", "@types/express", "@types/node"]),
  },
  "cjs-express4": {
    type: "commonjs",
    hookproof: ["core", "providers", "express", "testing"],
    dependencies: { express: NPM.express4 },
    devDependencies: {},
  },
  next: {
    type: "module",
    hookproof: ["core", "providers", "next", "testing"],
    dependencies: pick(["next", "react", "react-dom"]),
    devDependencies: pick(["typescript", "@types/node", "@types/react"]),
  },
};

/**
 * Creates the app `name` in `work/name` from `apps/<name>` (if that template exists) with `files` added, and
 * installs it with npm. Returns its folder.
 *
 * @example
 * const dir = await createApp("cjs-express4", { work, tarballs, files: {} });
 */
export async function createApp(name, { work, tarballs, files = {} }) {
  const app = APPS[name];
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const template = new URL(`./apps/${name}/`, import.meta.url);
  if (existsSync(template)) cpSync(template, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const hookproof = Object.fromEntries(
    app.hookproof.map((short) => [`@hookproof/${short}`, `file:${tarballs[`@hookproof/${short}`]}`]),
  );
  const manifest = {
    name: `hookproof-consumer-${name}`,
    private: true,
    type: app.type,
    dependencies: { ...hookproof, ...app.dependencies },
    devDependencies: app.devDependencies,
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir });
  return dir;
}
