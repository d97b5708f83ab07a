import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.package.js";
import { providerFolders } from "./scripts/render.mjs";

// One entry per provider folder, plus the index: the same folders the exports map lists. Each entry is its
// own file, so an app that imports one subpath loads one sender; what they share lands in chunks.
const providers = providerFolders(fileURLToPath(new URL("./src/", import.meta.url)));

export default defineConfig(
  packageBuild({
    entry: {
      index: "src/index.ts",
      ...Object.fromEntries(providers.map((name) => [`${name}/index`, `src/${name}/index.ts`])),
    },
    splitting: true,
    // The core is imported by name, so an app and its providers share one error class and one crypto backend.
    external: ["@hookproof/core", "valibot", "jose"],
  }),
);
