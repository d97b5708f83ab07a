import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const coreSrc = fileURLToPath(new URL("./packages/core/src/", import.meta.url));
const providersSrc = fileURLToPath(new URL("./packages/providers/src/", import.meta.url));

// Tests import `@hookproof/core`, `@hookproof/providers` and their subpaths from source (subpaths first: a
// prefix alias would rewrite them too). The "web crypto" projects swap in the WebCrypto backend, so the
// same suites run against both backends.
const coreAlias = [
  { find: /^@hookproof\/core\/node$/, replacement: `${coreSrc}node/index.ts` },
  { find: /^@hookproof\/core$/, replacement: `${coreSrc}index.ts` },
  { find: /^@hookproof\/providers\/([a-z0-9-]+)$/, replacement: `${providersSrc}$1/index.ts` },
  { find: /^@hookproof\/providers$/, replacement: `${providersSrc}index.ts` },
];

const webCrypto = {
  name: "hookproof-web-crypto",
  enforce: "pre" as const,
  resolveId(source: string) {
    return /\/crypto\/backend\.js$/.test(source) ? `${coreSrc}crypto/web.ts` : null;
  },
};

export default defineConfig({
  test: {
    // In CI a JSON report is kept too, so .ci/run can print one plain totals line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".vitest-report.json" }]] : ["default"],
    projects: [
      {
        resolve: { alias: coreAlias },
        test: {
          name: "core",
          // A cap for a CI machine under load, not a speed claim: no unit test asserts a duration.
          testTimeout: 20_000,
          include: ["packages/core/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
        },
      },
      {
        resolve: { alias: coreAlias },
        plugins: [webCrypto],
        test: {
          name: "core (web crypto)",
          testTimeout: 20_000,
          include: ["packages/core/src/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "**/*.node.test.ts"],
        },
      },
      {
        resolve: { alias: coreAlias },
        test: {
          name: "providers",
          testTimeout: 20_000,
          include: ["packages/providers/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
        },
      },
      {
        resolve: { alias: coreAlias },
        plugins: [webCrypto],
        test: {
          name: "providers (web crypto)",
          testTimeout: 20_000,
          include: ["packages/providers/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "**/*.node.test.ts"],
        },
      },
      {
        resolve: { alias: coreAlias },
        test: {
          name: "redis",
          include: ["packages/redis/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
          // Finds redis-server once: fails in CI without it, skips with one warning locally.
          globalSetup: ["packages/redis/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias: coreAlias },
        test: {
          name: "bullmq",
          include: ["packages/bullmq/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
          // Real Redis and child processes (receivers, workers, the CLI), bounded to about two minutes.
          globalSetup: ["packages/bullmq/test/global-setup.ts"],
          testTimeout: 90_000,
          hookTimeout: 30_000,
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
          name: "fastify",
          include: ["packages/fastify/**/*.test.ts"],
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
        resolve: { alias: coreAlias },
        plugins: [webCrypto],
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
      {
        resolve: { alias: coreAlias },
        test: {
          name: "testing",
          include: ["packages/testing/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "**/*.browser.test.ts"],
          // The CLI tests run the built bin as a child process against a real server.
          testTimeout: 30_000,
        },
      },
      // `hookproof listen`'s page in Debian's Chromium (playwright-core), forwarding to the Express example.
      {
        test: {
          name: "inspector",
          include: ["packages/testing/**/*.browser.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      // The examples run built: each test starts the real server (`node src/server.js`, `next start`).
      {
        test: {
          name: "example-express",
          include: ["examples/express/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "example-hono",
          include: ["examples/hono/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "example-fastify",
          include: ["examples/fastify/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "example-queue",
          include: ["examples/queue/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "example-next",
          include: ["examples/next/test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // The Hono app on Bun, Deno and workerd, from the packed packages (runtimes/global-setup.ts).
      {
        test: {
          name: "runtimes",
          include: ["runtimes/**/*.test.ts"],
          globalSetup: ["runtimes/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      // The Express example under a fixed request rate (load/run.mjs); it runs the built packages.
      {
        test: {
          name: "load",
          include: ["load/**/*.test.ts"],
          testTimeout: 120_000,
        },
      },
      // Bundle-size budgets of the built packages (bench/size.test.ts); timings are never asserted.
      {
        test: {
          name: "bench",
          include: ["bench/**/*.test.ts"],
          exclude: ["**/node_modules/**"],
        },
      },
    ],
  },
});
