/**
 * Times a Standard Webhooks verify through each built backend of @hookproof/core — `dist/node` (node:crypto) and
 * `dist/web` (WebCrypto) — in whatever runtime runs this file: how the `bun` export condition was chosen.
 * Usage: `bun runtimes/crypto-backends.mjs` (or `node …`), after `pnpm build`.
 * @module
 */
const core = new URL("../packages/core/dist/", import.meta.url);
const builds = {
  "node:crypto (dist/node)": await import(new URL("node/index.js", core).href),
  "WebCrypto (dist/web)": await import(new URL("web/index.js", core).href),
};
const SIZES = [256, 4 * 1024, 64 * 1024, 1024 * 1024];
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const NOW = 1_750_000_000;

/** A JSON body of exactly `size` bytes. */
function body(size) {
  const head = '{"type":"user.created","data":{"pad":"';
  return `${head}${"x".repeat(size - head.length - 3)}"}}`;
}

/** Calls `fn` `times` times, awaiting only what is a promise (the node:crypto backend answers synchronously). */
async function repeat(fn, times) {
  for (let i = 0; i < times; i++) {
    const result = fn();
    if (result instanceof Promise) await result;
  }
}

/** How many calls of `fn` take about 20 ms, after a warm-up. */
async function batchSize(fn) {
  await repeat(fn, 500);
  let calls = 1;
  for (let start = performance.now(); performance.now() - start < 20; calls *= 2) {
    start = performance.now();
    await repeat(fn, calls);
  }
  return calls;
}

// The machine may be shared: the contenders take turns, batch after batch, and each keeps its fastest batch,
// the one least disturbed by other work.
const ROUNDS = 25;

const runtime =
  typeof Bun !== "undefined"
    ? `Bun ${Bun.version}`
    : typeof Deno !== "undefined"
      ? `Deno ${Deno.version.deno}`
      : `Node ${process.versions.node}`;
console.log(`${runtime}: µs to authenticate a valid Standard Webhooks request (headers, size, HMAC,`);
console.log(`replay window), fastest of ${ROUNDS} interleaved batches`);
const rows = Object.keys(builds).map((name) => [name]);
for (const size of SIZES) {
  const text = body(size);
  const bytes = new TextEncoder().encode(text);
  const contenders = [];
  for (const lib of Object.values(builds)) {
    const scheme = lib.standardWebhooks({ secret: SECRET });
    const verifier = lib.createVerifier({ scheme, now: () => NOW * 1000 });
    const headers = await scheme.sign({ body: text, id: "msg_bench", timestamp: NOW });
    const fn = () => verifier.authenticate({ headers, body: bytes });
    if ((await fn()).id !== "msg_bench") throw new Error("did not verify");
    contenders.push({ fn, calls: await batchSize(fn), best: Number.POSITIVE_INFINITY });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const contender of contenders) {
      const start = performance.now();
      await repeat(contender.fn, contender.calls);
      contender.best = Math.min(contender.best, ((performance.now() - start) * 1000) / contender.calls);
    }
  }
  for (const [index, contender] of contenders.entries()) rows[index].push(contender.best.toFixed(2));
}
console.log(["build", ...SIZES.map((size) => `${size} B`)].join(" | "));
for (const row of rows) console.log(row.join(" | "));
