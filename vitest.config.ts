import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const coreSrc = fileURLToPath(new URL("./packages/core/src/", import.meta.url));

// Tests import `@hookproof/core` from source; the "web" project swaps in the WebCrypto backend, so the
// same suite runs against both backends.
const coreAlias = { "@hookproof/core": `${coreSrc}index.ts` };

export default defineConfig({
  test: {
    // In CI a JSON report is kept too, so .ci/run can print one plain totals line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".vitest-report.json" }]] : ["default"],
    projects: [
      {
        resolve: { alias: coreAlias },
        test: {
          name: "core",
          include: ["packages/core/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
        },
      },
      {
        resolve: { alias: coreAlias },
        plugins: [
          {
            name: "hookproof-web-crypto",
            enforce: "pre",
            resolveId(source) {
              return /\/crypto\/backend\.js$/.test(source) ? `${coreSrc}crypto/web.ts` : null;
            },
          },
        ],
        test: {
          name: "core (web crypto)",
          include: ["packages/core/src/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "**/*.node.test.ts"],
        },
      },
      {
        resolve: { alias: coreAlias },
        test: {
          name: "express",
          include: ["packages/express/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
        },
      },
      {
        resolve: { alias: coreAlias },
        test: {
          name: "hono",
          include: ["packages/hono/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
        },
      },
      {
            name: "hookproof-web-crypto",
            enforce: "pre",
            resolveId(source) {
              return /\/crypto\/backend\.js$/.test(source) ? `${coreSrc}crypto/web.ts` : null;
            },
          },
        ],
        test: {
          name: "hono (web crypto)",
          include: ["packages/hono/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
        },
      },
      {
        resolve: { alias: coreAlias },
        test: {
          name: "next",
          include: ["packages/next/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
        },
      },
    ],
  },
});
