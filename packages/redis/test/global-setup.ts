/**
 * Runs once for the "redis" vitest project: finds `redis-server`, fails in CI without it, skips locally.
 * @module
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { findRedisServer } from "./redis-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of `redis-server`, or `""` when it is not installed (the suites skip). */
    redisServer: string;
  }
}

export default function setup(project: TestProject): void {
  const binary = findRedisServer() ?? "";
  if (binary === "") {
    const install = "Install it (Debian/Ubuntu: `apt-get install -y redis-server`).";
    if (process.env.CI === "true") {
      throw new Error(
        `[@hookproof/redis tests] redis-server is not on PATH, and CI must run these tests. ${install}`,
      );
    }
    console.warn(`[@hookproof/redis tests] SKIPPED: redis-server is not on PATH. ${install}`);
  } else {
    // The child-process tests run the built packages, as users do.
    for (const built of ["../dist/index.js", "../../core/dist/node/index.js"]) {
      if (!existsSync(new URL(built, import.meta.url))) {
        throw new Error(
          `[@hookproof/redis tests] ${built} is missing: build first (\`pnpm --filter @hookproof/core --filter @hookproof/redis build\`, or \`pnpm test\` at the root).`,
        );
      }
    }
  }
  project.provide("redisServer", binary);
}
