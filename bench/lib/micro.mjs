/**
 * The micro benchmarks, measured with mitata: verify against peers and the raw-crypto bound, the
 * WebCrypto backend against raw `crypto.subtle`, and the whole router pipeline.
 * @module
 */

import { webcrypto } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createVerifier, createWebhooks, memoryStore, standardWebhooks } from "@hookproof/core";
import { githubHmac, kindeJwt, netlifyJwt, sns, stripeHmac } from "@hookproof/providers";
import { verify as octokitVerify } from "@octokit/webhooks-methods";
import { do_not_optimize, measure } from "mitata";
import { Webhook as StandardWebhook } from "standardwebhooks";
import Stripe from "stripe";
import { Webhook as SvixWebhook } from "svix";
import { asymmetricSuites, jwtSuite } from "./asymmetric.mjs";
import { jsonBody, SIZES } from "./bodies.mjs";
import { fetchedKeySuites } from "./fetched-keys.mjs";
import { hmacFamilySuites } from "./hmac-family.mjs";
import {
  boundGithub,
  boundStandardWebhooks,
  boundStripe,
  GITHUB_SECRET,
  STRIPE_SECRET,
  SW_KEY,
  SW_PUBLIC_KEY,
  SW_SECRET,
  signGithub,
  signStandardWebhooks,
  signStandardWebhooksV1a,
  signStripe,
  verifyEveryEntry,
  withParse,
  withV1aFlood,
} from "./inputs.mjs";

const require = createRequire(import.meta.url);
const coreDir = dirname(require.resolve("@hookproof/core/package.json"));
/** The built WebCrypto entry, what Edge runtimes and Workers load. */
export const WEB_ENTRY = join(coreDir, "dist/web/index.js");

const subtle = webcrypto.subtle;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A trivial Standard Schema v1 validator: the event must be an object with a `data` object. */
const eventSchema = {
  "~standard": {
    version: 1,
    vendor: "bench",
    validate(value) {
      return typeof value?.data === "object" && value.data !== null
        ? { value }
        : { issues: [{ message: "expected an object", path: ["data"] }] };
    },
  },
};

function must(condition, what) {
  if (!condition) throw new Error(`sanity check failed: ${what}`);
}

/**
 * The suites. Each `contender` is `{ key, label, role, fn | gen }`; `role` says what it is compared with:
 * `bound` rows are the floor, `hookproof` rows are ours, `peer` rows are other libraries.
 * `setup(size)` returns (or resolves to) the contenders for one size, sharing one signed input.
 */
function suites(web, subtleKey) {
  const swScheme = standardWebhooks({ secret: SW_SECRET });
  const swVerifier = createVerifier({ scheme: swScheme });
  const svix = new SvixWebhook(SW_SECRET);
  const standard = new StandardWebhook(SW_SECRET);
  const ghVerifier = createVerifier({ scheme: githubHmac({ secret: GITHUB_SECRET }) });
  const stripeVerifier = createVerifier({ scheme: stripeHmac({ secret: STRIPE_SECRET }) });
  const stripe = new Stripe("sk_test_bench_not_a_real_key");
  const webVerifier = web.createVerifier({ scheme: web.standardWebhooks({ secret: SW_SECRET }) });
  const edVerifier = createVerifier({ scheme: standardWebhooks({ secret: SW_PUBLIC_KEY }) });
  const encoder = new TextEncoder();

  return [
    {
      id: "standard-webhooks",
      title: "Standard Webhooks (`v1` HMAC-SHA256, base64) — verify",
      setup(bytes) {
        const request = signStandardWebhooks(jsonBody(bytes), nowSeconds());
        const boundParse = withParse(boundStandardWebhooks);
        return [
          {
            key: "bound",
            role: "bound",
            label: "bound: node:crypto HMAC + timingSafeEqual",
            fn: () => boundStandardWebhooks(request),
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "bound",
            label: "hookproof `createVerifier().authenticate` (size + scheme + replay, no parse)",
            fn: () => do_not_optimize(swVerifier.authenticate(request)),
          },
          { key: "boundParse", role: "bound", label: "bound + JSON.parse", fn: () => boundParse(request) },
          {
            key: "hookproofParse",
            role: "hookproof",
            vs: "boundParse",
            label: "hookproof `createVerifier().verify` (+ strict UTF-8 + JSON.parse)",
            fn: () => swVerifier.verify(request),
          },
          {
            key: "standardwebhooksNoParse",
            role: "peer",
            vs: "bound",
            label: "standardwebhooks `Webhook.verify(…, { jsonParse: false })` (no parse)",
            fn: () => do_not_optimize(standard.verify(request.body, request.headers, { jsonParse: false })),
          },
          {
            key: "svix",
            role: "peer",
            vs: "boundParse",
            label: "svix 1.99.1 `Webhook.verify` (+ JSON.parse)",
            fn: () => do_not_optimize(svix.verify(request.body, request.headers)),
          },
          {
            key: "standardwebhooks",
            role: "peer",
            vs: "boundParse",
            label: "standardwebhooks `Webhook.verify` (+ JSON.parse)",
            fn: () => do_not_optimize(standard.verify(request.body, request.headers)),
          },
        ];
      },
    },
    {
      id: "github",
      title: "Body HMAC (`x-hub-signature-256: sha256=<hex>`) — verify",
      setup(bytes) {
        const request = signGithub(jsonBody(bytes));
        const signature = request.headers["x-hub-signature-256"];
        return [
          {
            key: "bound",
            role: "bound",
            label: "bound: node:crypto HMAC + timingSafeEqual",
            fn: () => boundGithub(request),
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "bound",
            label: "hookproof `githubHmac` `authenticate` (no parse)",
            fn: () => do_not_optimize(ghVerifier.authenticate(request)),
          },
          {
            key: "octokit",
            role: "peer",
            vs: "bound",
            label: "@octokit/webhooks-methods `verify` (async; given the body as a string)",
            fn: async () => must(await octokitVerify(GITHUB_SECRET, request.text, signature), "octokit"),
          },
        ];
      },
    },
    {
      id: "stripe",
      title: "Stripe (`t=…,v1=<hex>`) — verify + parse",
      setup(bytes) {
        const request = signStripe(jsonBody(bytes), nowSeconds());
        const header = request.headers["stripe-signature"];
        const boundParse = withParse(boundStripe);
        return [
          {
            key: "bound",
            role: "bound",
            label: "bound: node:crypto HMAC + timingSafeEqual",
            fn: () => boundStripe(request),
          },
          { key: "boundParse", role: "bound", label: "bound + JSON.parse", fn: () => boundParse(request) },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "boundParse",
            label: "hookproof `stripeHmac` `verify` (+ strict UTF-8 + JSON.parse)",
            fn: () => stripeVerifier.verify(request),
          },
          {
            key: "stripe",
            role: "peer",
            vs: "boundParse",
            label: "stripe `webhooks.constructEvent` (+ JSON.parse)",
            fn: () => do_not_optimize(stripe.webhooks.constructEvent(request.body, header, STRIPE_SECRET)),
          },
        ];
      },
    },
    {
      id: "webcrypto",
      title: "WebCrypto backend (`dist/web`, Standard Webhooks) — verify, no parse",
      // Each sign is a round trip to libuv's thread pool, and whether that thread (and then the main one)
      // must be woken makes single calls bimodal: ~25 or ~55 µs at 256 B. The lowest slice is whichever
      // contender had a lucky quiet moment, so this suite reports the median over all its slices (4
      // alternating slices a round × the rounds) of each slice's median, for the bound and hookproof alike.
      minCpuTimeMs: 200,
      slices: 4,
      unbatched: true,
      aggregate: "median",
      setup(bytes) {
        const request = signStandardWebhooks(jsonBody(bytes), nowSeconds());
        const { headers, body } = request;
        return [
          {
            key: "bound",
            role: "bound",
            label: "bound: `crypto.subtle.sign` over one buffer + byte compare",
            fn: async () => {
              const prefix = `${headers["webhook-id"]}.${headers["webhook-timestamp"]}.`;
              const data = new Uint8Array(prefix.length + body.length);
              encoder.encodeInto(prefix, data);
              data.set(body, prefix.length);
              const mac = new Uint8Array(await subtle.sign("HMAC", subtleKey, data));
              const expected = Buffer.from(headers["webhook-signature"].slice(3), "base64");
              let diff = mac.length ^ expected.length;
              for (let i = 0; i < mac.length; i++) diff |= mac[i] ^ expected[i];
              must(diff === 0, "subtle");
            },
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "bound",
            label: "hookproof web build `authenticate`",
            fn: () => webVerifier.authenticate(request),
          },
        ];
      },
    },
    {
      id: "signature-list",
      title: "Signature list (`whpk_` key) — one `v1a` signature vs the review's 16 KB header of 170",
      // The header's cost does not depend on the body: it is refused before any crypto. One size is enough.
      sizes: ["256 B"],
      setup(bytes) {
        const request = signStandardWebhooksV1a(jsonBody(bytes), nowSeconds());
        const flood = withV1aFlood(request);
        return [
          {
            key: "one",
            role: "hookproof",
            label: "hookproof `authenticate`, one `v1a` signature (accepted: one Ed25519 verify)",
            fn: () => do_not_optimize(edVerifier.authenticate(request)),
          },
          {
            key: "flood",
            role: "hookproof",
            vs: "one",
            label:
              "hookproof `authenticate`, 170 forged `v1a` entries (refused `malformed_header`, no verify)",
            fn: () => {
              try {
                edVerifier.authenticate(flood);
              } catch (error) {
                must(error.code === "malformed_header", `flood answered ${error.code}`);
                return true;
              }
              throw new Error("sanity check failed: the flood was accepted");
            },
          },
          {
            key: "unbounded",
            role: "bound",
            label: "for scale: 170 node:crypto Ed25519 verifies, what that header cost before the cap",
            fn: () => verifyEveryEntry(flood),
          },
        ];
      },
    },
    ...hmacFamilySuites(),
    {
      id: "pipeline",
      title: "Full pipeline — `createWebhooks().process()` (verify, parse, validate, dedupe, handler)",
      setup(bytes) {
        const body = jsonBody(bytes);
        let counter = 0;
        // Every iteration gets a freshly signed request with a new event id, so dedupe does real work;
        // signing happens outside the timed region.
        const fresh = () => signStandardWebhooks(body, nowSeconds(), `msg_bench_${bytes}_${counter++}`);
        const hooks = createWebhooks({
          scheme: swScheme,
          events: { x: eventSchema },
          dedupe: memoryStore(),
        }).on("x", (event) => do_not_optimize(event));
        const boundParse = withParse(boundStandardWebhooks);
        return [
          {
            key: "boundParse",
            role: "bound",
            label: "bound + JSON.parse (fresh id each iteration)",
            gen: function* () {
              yield { 0: fresh, bench: (request) => do_not_optimize(boundParse(request)) };
            },
          },
          {
            key: "hookproof",
            role: "hookproof",
            vs: "boundParse",
            label: "hookproof `process()` with `memoryStore()` dedupe (fresh id each iteration)",
            gen: function* () {
              yield {
                0: fresh,
                bench: async (request) => {
                  const result = await hooks.process(request);
                  if (result.status !== 200 || result.body !== '{"ok":true}') throw new Error(result.body);
                },
              };
            },
          },
        ];
      },
    },
  ];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function sanity(contender) {
  // Every contender must accept its input before it is timed: a benchmark of a rejection is worthless.
  if (contender.fn) {
    const value = await contender.fn();
    if (value === false) throw new Error(`${contender.label} rejected its input`);
  }
}

/**
 * Runs every suite at every size, `rounds` times over, so that a burst of load on a shared machine spoils
 * one round and not the result. `onResult` hears each measurement as it lands.
 * Returns `{ [suiteId]: { title, contenders, results: { [sizeLabel]: { [key]: { best, rounds } } } } }`,
 * where `best` is the lowest over the rounds of the suite's statistic (the median), or for a suite with
 * `aggregate: "median"` (WebCrypto) the median over its rounds and slices, in ns.
 */
export async function runMicro({ rounds = 3, minCpuTimeMs = 250, only, onResult = () => {} } = {}) {
  const web = await import(pathToFileURL(WEB_ENTRY).href);
  // The bound holds its imported key, as hookproof does once its first import settles.
  const subtleKey = await subtle.importKey("raw", SW_KEY, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const all = [
    ...suites(web, subtleKey),
    ...asymmetricSuites(web, nowSeconds),
    jwtSuite(netlifyJwt, nowSeconds),
    ...fetchedKeySuites({ sns, kindeJwt }),
  ].filter((suite) => !only || only.includes(suite.id));
  const out = {};
  for (let round = 0; round < rounds; round++) {
    for (const suite of all) {
      out[suite.id] ??= {
        title: suite.title,
        statistic: suite.statistic ?? "p50",
        aggregate: suite.aggregate ?? "best",
        contenders: [],
        results: {},
      };
      const entry = out[suite.id];
      for (const size of SIZES.filter(({ label }) => !suite.sizes || suite.sizes.includes(label))) {
        // A suite whose key is fetched sets up asynchronously: it verifies once, so the key is cached.
        const contenders = await suite.setup(size.bytes);
        if (entry.contenders.length === 0) {
          entry.contenders = contenders.map(({ key, label, role, vs }) => ({ key, label, role, vs }));
        }
        entry.results[size.label] ??= {};
        const row = entry.results[size.label];
        for (const contender of contenders) await sanity(contender);
        // A suite may measure its contenders in several alternating slices a round (A B A B …), so that
        // slow drifts of the machine fall on every contender alike.
        const slices = Array.from({ length: suite.slices ?? 1 }, () => contenders).flat();
        for (const contender of slices) {
          // Small batches: mitata's default (4096 calls a sample, 12 samples at least) takes seconds for a 50 µs call.
          const stats = await measure(contender.fn ?? contender.gen, {
            min_cpu_time: (suite.minCpuTimeMs ?? minCpuTimeMs) * 1e6,
            batch_samples: 256,
            ...(suite.unbatched ? { batch_threshold: -1 } : {}),
          });
          row[contender.key] ??= { best: Infinity, rounds: [] };
          const cell = row[contender.key];
          cell.rounds.push({ p50: stats.p50, avg: stats.avg, p99: stats.p99, ticks: stats.ticks });
          cell.best =
            entry.aggregate === "median"
              ? median(cell.rounds.map((measured) => measured[entry.statistic]))
              : Math.min(cell.best, stats[entry.statistic]);
          onResult({ round, suite: suite.id, size: size.label, contender, stats, cell });
        }
      }
    }
  }
  return out;
}
