/**
 * Runs once for the "bullmq" vitest project: finds `redis-server` (CI fails without it, a local run skips
 * with one warning) and checks the packages the child processes load are built.
 * @module
 */
import type { TestProject } from "vitest/node";
import { redisSetup } from "../../redis/test/global-setup.js";

const setup: (context: TestProject) => void = redisSetup("@hookproof/bullmq", [
  new URL("../dist/index.js", import.meta.url),
  new URL("../dist/cli.js", import.meta.url),
  new URL("../../testing/dist/cli.js", import.meta.url),
  new URL("../../redis/dist/index.js", import.meta.url),
  new URL("../../core/dist/node/index.js", import.meta.url),
]);
export default setup;
