import { defineConfig, type Options } from "tsup";

const common: Options = {
  target: "es2022",
  sourcemap: false,
  treeshake: true,
  // Signing goes through core's and the providers' own schemes, so signing and verifying never drift apart.
  external: ["@hookproof/core", "@hookproof/providers"],
};

const config: Options[] = [
  // The library runs anywhere `fetch` and `Request` do: Node, Bun, Deno, Workers.
  { ...common, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: true, platform: "neutral" },
  // The `hookproof` bin: ESM, its shebang kept from src/cli.ts.
  {
    ...common,
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    platform: "node",
    external: [...common.external!, "commander"],
  },
  // The `hookproof listen` page's script, bundled for the browser; its style is copied beside it (dist/ui/).
  {
    entry: { app: "src/listen/ui/app.ts" },
    outDir: "dist/ui",
    format: ["iife"],
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: false,
    outExtension: () => ({ js: ".js" }),
    publicDir: "src/listen/ui/public",
  },
];

export default defineConfig(config);
