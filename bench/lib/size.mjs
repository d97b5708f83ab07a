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
   * `createWebhooks` + one provider of each scheme family from its subpath (FAMILIES below): the router app
   * (12.4 KB) + valibot + the preset and its catalogue. Measured 2026-11-30: stack-auth 15.4 KB, github 15.8,
   * stripe 16.1, slack 16.8, userfront 13.9, discord 15.3, sendgrid 15.3, twilio 15.2, postmark 14.3, mailgun 14.5, sns 18.3
   * (jose's X.509 import), kinde 25.0 (jose's JWT verify and remote JWKS), netlify 24.4 (jose's JWS verify; was
   * 22.0 KB before the router gained handshakes, batches and observe mode).
   */
  families: {
    "stack-auth": 17 * 1024,
    github: 17.5 * 1024,
    stripe: 18 * 1024,
    slack: 18.5 * 1024,
    userfront: 15.5 * 1024,
    discord: 17 * 1024,
    sendgrid: 17 * 1024,
    netlify: 26 * 1024,
    kinde: 27 * 1024,
    twilio: 17 * 1024,
    postmark: 16 * 1024,
    sns: 20 * 1024,
    mailgun: 17 * 1024,
  },
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
];

/**
 * One provider per scheme family, imported alone from its subpath into a router app: what an app using that
 * sender ships. `size.test.ts` holds each within its family's budget and checks that no other provider came
 * along. `options` is the preset's options as source text.
 */
export const FAMILIES = [
  {
    family: "Standard Webhooks (Svix)",
    provider: "stack-auth",
    preset: "stackAuth",
    options: `{ secret: "${SECRET}" }`,
  },
  {
    family: "body HMAC",
    provider: "github",
    preset: "github",
    options: `{ secret: "github-secret-0123456789" }`,
  },
  {
    family: "`t=…,v1=…` HMAC",
    provider: "stripe",
    preset: "stripe",
    options: `{ secret: "whsec_stripe_0123456789ab" }`,
  },
  {
    family: "timestamp-template HMAC, form bodies, handshake",
    provider: "slack",
    preset: "slack",
    options: `{ secret: "slack-signing-secret-0123456789" }`,
  },
  {
    family: "static token",
    provider: "userfront",
    preset: "userfront",
    options: `{ token: "userfront-api-key-0123456789" }`,
  },
  {
    family: "Ed25519",
    provider: "discord",
    preset: "discord",
    options: `{ publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a" }`,
  },
  {
    family: "ECDSA P-256, batches",
    provider: "sendgrid",
    preset: "sendgrid",
    options: `{ publicKey: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==" }`,
  },
  {
    family: "JWT (jose)",
    provider: "netlify",
    preset: "netlify",
    options: `{ secret: "netlify-jws-secret-0123456789abcdef" }`,
  },
  {
    family: "JWT body, keys from a JWKS (jose)",
    provider: "kinde",
    preset: "kinde",
    options: `{ domain: "acme.kinde.com" }`,
  },
  {
    family: "URL + sorted form parameters",
    provider: "twilio",
    preset: "twilio",
    options: `{ secret: "twilio-auth-token-0123456789ab" }`,
  },
  {
    family: "HTTP Basic auth",
    provider: "postmark",
    preset: "postmark",
    options: `{ username: "postmark", password: "postmark-password-0123456789" }`,
  },
  {
    family: "certificates (SNS)",
    provider: "sns",
    preset: "sns",
    options: `{ topicArn: "arn:aws:sns:us-east-1:123456789012:orders" }`,
  },
  {
    family: "signature inside the body",
    provider: "mailgun",
    preset: "mailgun",
    options: `{ secret: "mailgun-webhook-signing-key-0123456789" }`,
  },
];

for (const { family, provider, preset, options } of FAMILIES) {
  APPS.push({
    key: `family:${provider}`,
    provider,
    label: `\`createWebhooks\` + \`${preset}\` from \`@hookproof/providers/${provider}\` (${family})`,
    source: `

import { createWebhooks } from "@hookproof/core";
import { ${preset} } from "@hookproof/providers/${provider}";
export const hooks = createWebhooks({ provider: ${preset}(${options}) });
`,
  });
}

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
    text: result.outputFiles[0].text,
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
