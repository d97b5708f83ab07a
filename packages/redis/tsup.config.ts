import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.package.js";

// Only types come from core; the clients are the user's.
export default defineConfig(
  packageBuild({ platform: "node", external: ["@hookproof/core", "ioredis", "redis"] }),
);
