/**
 * Bundle size with esbuild: minified + gzipped bytes of small apps that import hookproof, for the
 * browser/edge condition. Deterministic, so the budgets are enforced by `size.test.ts`.
 * @module
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Budgets, bytes of min+gzip. */
export const BUDGETS = {
  /** `createVerifier` + `standardWebhooks`, edge build. */
  coreVerify: 4 * 1024,
  /**
   * `createVerifier` + `ed25519` or `ecdsaP256`, edge build: the public-key families (ECDSA carries the DER
   * conversion and the P-256 point check).
   */
  publicKeyVerify: 4.5 * 1024,
  /**
   * `createWebhooks` + `netlify` (the JWT family: jose's JWS verify, its catalogue, valibot): 22.0 KB measured,
   * then 24.2 KB once the router gained handshakes, batches and observe mode (12.5 KB of it is the router app).
   */
  jwtProvider: 26 * 1024,
  /** Each adapter, on top of an app that already uses `createWebhooks`. */
  adapter: 1.5 * 1024,
};

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

// The app every adapter is measured on top of: a router, as an adapter needs one.
const ROUTER_APP = `
import { createWebhooks, standardWebhooks } from "@hookproof/core";
export const hooks = createWebhooks({ scheme: standardWebhooks({ secret: "${SECRET}" }), events: {} });
`;

/** The apps measured. `platform` and `conditions` pick the core build the app's runtime would load. */
export const APPS = [
  {
    key: "coreVerify",
    label: "verify path: `createVerifier` + `standardWebhooks` (edge/browser build)",
    source: `
import { createVerifier, standardWebhooks } from "@hookproof/core";
export const verifier = createVerifier({ scheme: standardWebhooks({ secret: "${SECRET}" }) });
`,
  },
  {
    key: "ed25519Verify",
    label: "verify path: `createVerifier` + `ed25519` (edge/browser build)",
    source: `
import { createVerifier, ed25519 } from "@hookproof/core";
export const verifier = createVerifier({ scheme: ed25519({ publicKey: "${"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"}", signatureHeader: "x-signature-ed25519", timestampHeader: "x-signature-timestamp" }) });
`,
  },
  {
    key: "ecdsaVerify",
    label: "verify path: `createVerifier` + `ecdsaP256` (edge/browser build)",
    source: `
import { createVerifier, ecdsaP256 } from "@hookproof/core";
export const verifier = createVerifier({ scheme: ecdsaP256({ publicKey: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==", signatureHeader: "x-twilio-email-event-webhook-signature", timestampHeader: "x-twilio-email-event-webhook-timestamp" }) });
`,
  },
  {
    key: "coreRoot",
    label: "whole root entry: `export * from '@hookproof/core'` (edge/browser build)",
    source: `export * from "@hookproof/core";`,
  },
  {
    key: "router",
    label: "`createWebhooks` + `standardWebhooks` (edge/browser build), the base of the adapter rows",
    source: ROUTER_APP,
  },
  {
    key: "provider",
    label:
      "`createWebhooks` + `stackAuth` from `@hookproof/providers/stack-auth` (its catalogue and valibot)",
    source: `
import { createWebhooks } from "@hookproof/core";
import { stackAuth } from "@hookproof/providers/stack-auth";
export const hooks = createWebhooks({ provider: stackAuth({ secret: "${SECRET}" }) });
`,
  },
];

APPS.push({
  key: "jwtProvider",
  label: "`createWebhooks` + `netlify` from `@hookproof/providers/netlify` (the JWT family, on jose)",
  source: `
import { createWebhooks } from "@hookproof/core";
import { netlify } from "@hookproof/providers/netlify";
export const hooks = createWebhooks({ provider: netlify({ secret: "netlify-jws-secret-0123456789abcdef" }) });
`,
});

/** Adapters, measured as (router app + every export of the adapter) − router app. */
export const ADAPTERS = [
  { name: "@hookproof/hono", external: ["hono", "hono/*"], platform: "neutral" },
  { name: "@hookproof/next", external: ["next", "next/*"], platform: "neutral" },
  // Express and Fastify run on Node only: measured against the Node build of the same router app.
  { name: "@hookproof/express", external: ["express"], platform: "node" },
  { name: "@hookproof/fastify", external: ["fastify"], platform: "node" },
];

async function bundle(source, { platform = "neutral", external = [] } = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir: BENCH_DIR, loader: "js", sourcefile: "app.mjs" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    platform,
    // Edge runtimes and bundlers for the browser resolve these; the core's `default` condition answers them.
    conditions: platform === "node" ? [] : ["worker", "browser"],
    external: [...external, "node:*"],
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    inputs: Object.keys(result.metafile.inputs),
  };
}

/** Whether a workspace package resolves to a built file. */
export function isBuilt(name) {
  try {
    return existsSync(require.resolve(name));
  } catch {
    return false;
  }
}

/**
 * Measures every app, and every built adapter on top of the router app.
 * Returns `{ apps: { [key]: { label, min, gzip, inputs } }, adapters: [{ name, min, gzip, base, delta } | { name, skipped }] }`.
 */
export async function measureSizes() {
  if (!isBuilt("@hookproof/core")) {
    throw new Error("@hookproof/core is not built: run `pnpm --filter @hookproof/core build` first.");
  }
  const apps = {};
  for (const app of APPS) apps[app.key] = { label: app.label, ...(await bundle(app.source)) };
  const adapters = [];
  for (const adapter of ADAPTERS) {
    if (!isBuilt(adapter.name)) {
      adapters.push({ name: adapter.name, skipped: "not built" });
      continue;
    }
    const base = await bundle(ROUTER_APP, adapter);
    const withAdapter = await bundle(`${ROUTER_APP}\nexport * from "${adapter.name}";`, adapter);
    adapters.push({
      name: adapter.name,
      platform: adapter.platform,
      min: withAdapter.min,
      gzip: withAdapter.gzip,
      base: base.gzip,
      delta: withAdapter.gzip - base.gzip,
      deltaMin: withAdapter.min - base.min,
    });
  }
  return { apps, adapters };
}
