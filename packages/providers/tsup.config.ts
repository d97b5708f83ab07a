import { readdirSync } from "node:fs";
import { defineConfig } from "tsup";

// One entry per provider folder (every folder of src/ but the shared kit), plus the index. Each entry is
// its own file, so an app that imports one subpath loads one sender; what they share lands in chunks.
const providers = readdirSync(new URL("./src/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "kit")
  .map((entry) => entry.name);

export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...Object.fromEntries(providers.map((name) => [`${name}/index`, `src/${name}/index.ts`])),
  },
  format: ["esm", "cjs"],
  target: "es2022",
  platform: "neutral",
  dts: true,
  sourcemap: false,
  treeshake: true,
  clean: true,
  splitting: true,
  // The core is imported by name, so an app and its providers share one error class and one crypto backend.
  external: ["@hookproof/core", "valibot"],
});
