import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  target: "es2022",
  platform: "node",
  sourcemap: false,
  treeshake: true,
  // Only types come from core; the clients are the user's.
  external: ["@hookproof/core", "ioredis", "redis"],
});
