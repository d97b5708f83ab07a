import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.package.js";

// Core and BullMQ are the user's; the CLI is an ESM-only bin.
export default defineConfig([
  packageBuild({ platform: "node", external: ["@hookproof/core", "bullmq"] }),
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "es2022",
    platform: "node",
    dts: false,
    sourcemap: false,
    treeshake: true,
    clean: false,
    external: ["@hookproof/core", "bullmq"],
  },
]);
