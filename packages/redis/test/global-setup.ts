/**
 * Runs once for the "redis" vitest project (and, through {@link redisSetup}, for the other projects on a real
 * Redis): finds `redis-server`, fails in CI without it, skips locally.
 * @module
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { findRedisServer } from "./redis-server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of `redis-server`, or `""` when it is not installed (the suites skip). */
    redisServer: string;
  }
}

/**
 * A vitest global setup for `project`'s tests: provides `redisServer`, and checks that the `built` files
 * (URLs, or paths relative to this folder) the child processes load exist.
 *
 * @example
 * export default redisSetup("@hookproof/bullmq", [new URL("../dist/index.js", import.meta.url)]);
 */
export function redisSetup(
  project: string,
  built: readonly (string | URL)[],
): (context: TestProject) => void {
  return (context: TestProject): void => {
    const binary = findRedisServer() ?? "";
    if (binary === "") {
      const install = "Install it (Debian/Ubuntu: `apt-get install -y redis-server`).";
      if (process.env.CI === "true") {
        throw new Error(
          `[${project} tests] redis-server is not on PATH, and CI must run these tests. ${install}`,
        );
      }
      console.warn(`[${project} tests] SKIPPED: redis-server is not on PATH. ${install}`);
    } else {
      // The child-process tests run the built packages, as users do.
      for (const file of built) {
        if (!existsSync(new URL(file, import.meta.url))) {
          throw new Error(
            `[${project} tests] ${file} is missing: build first (\`pnpm build\`, or \`pnpm test\` at the root).`,
          );
        }
      }
    }
    context.provide("redisServer", binary);
  };
}

const setup: (context: TestProject) => void = redisSetup("@hookproof/redis", [
  "../dist/index.js",
  "../../core/dist/node/index.js",
]);
export default setup;
