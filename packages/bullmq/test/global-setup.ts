/**
 * Runs once for the "bullmq" vitest project: finds `redis-server` (CI fails without it, a local run skips
 * with one warning) and checks the packages the child processes load are built.
 * @module
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { findRedisServer } from "../../redis/test/redis-server.js";

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
        `[@hookproof/bullmq tests] redis-server is not on PATH, and CI must run these tests. ${install}`,
      );
    }
    console.warn(`[@hookproof/bullmq tests] SKIPPED: redis-server is not on PATH. ${install}`);
  } else {
    for (const built of [
      "../dist/index.js",
      "../dist/cli.js",
      "../../redis/dist/index.js",
      "../../core/dist/node/index.js",
    ]) {
      if (!existsSync(new URL(built, import.meta.url))) {
        throw new Error(
          `[@hookproof/bullmq tests] ${built} is missing: build first (\`pnpm build\`, or \`pnpm test\` at the root).`,
        );
      }
    }
  }
  project.provide("redisServer", binary);
}
