import { defineConfig, type Options } from "tsup";

const config: Options = {
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  target: "es2022",
  platform: "neutral",
  dts: true,
  sourcemap: false,
  treeshake: true,
  clean: true,
};

export default defineConfig(config);
