import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const webCrypto = fileURLToPath(new URL("./src/crypto/web.ts", import.meta.url));

// The `default` condition (Edge, Workers, browsers) gets the WebCrypto backend in place of node:crypto.
const useWebCrypto: Plugin = {
  name: "hookproof-web-crypto",
  setup(build) {
    build.onResolve({ filter: /\/crypto\/backend\.js$/ }, () => ({ path: webCrypto }));
  },
};

const common: Options = {
  format: ["esm", "cjs"],
  target: "es2022",
  sourcemap: false,
  treeshake: true,
  external: ["@hookproof/core"],
};

const config: Options[] = [
  { ...common, entry: { index: "src/index.ts" }, outDir: "dist/node", platform: "node" },
  {
    ...common,
    entry: { index: "src/index.ts" },
    outDir: "dist/web",
    platform: "neutral",
    esbuildPlugins: [useWebCrypto],
  },
  { ...common, entry: { index: "src/index.ts" }, outDir: "dist", dts: { only: true } },
  // Helpers for adapters over node:http requests: they import the root entry by name, so both share one
  // error class and one backend.
  { ...common, entry: { "node-helpers": "src/node/index.ts" }, outDir: "dist", dts: true, platform: "node" },
];

export default defineConfig(config);
