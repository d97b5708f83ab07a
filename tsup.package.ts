import type { Options } from "tsup";

/** How every single-entry package builds: ESM and CJS with types, ES2022, tree-shaken. */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    target: "es2022",
    platform: "neutral",
    dts: true,
    sourcemap: false,
    treeshake: true,
    clean: true,
    ...overrides,
  };
}
