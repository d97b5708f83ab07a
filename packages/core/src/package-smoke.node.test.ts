/**
 * The BUILT package, loaded the way users load it: `require` and `import` by name through the
 * export conditions, and the WebCrypto build loaded where `node:crypto` cannot be imported.
 * Needs `pnpm --filter @hookproof/core build` first (the root `pnpm test` builds before vitest runs).
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const dist = join(packageDir, "dist");

// Signs the Standard Webhooks vector, verifies it, then checks a tampered body is refused.
const PROGRAM = `
  const { standardWebhooks, createVerifier, hmac, WebhookVerificationError } = lib;
  const body = '{"test": 2432232314}';
  const scheme = standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
  const headers = await scheme.sign({ body, id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330 });
  const verifier = createVerifier({ scheme, now: () => 1614265330000 });
  const verified = await verifier.verify({ headers, body: new TextEncoder().encode(body) });
  let rejected;
  try { await verifier.verify({ headers, body: body + " " }); } catch (error) {
    rejected = error instanceof WebhookVerificationError ? error.code + " " + error.status : String(error);
  }
  const github = await hmac({ secret: "It's a Secret to Everybody", header: "x-hub-signature-256", prefix: "sha256=" }).sign({ body: "Hello, World!" });
  console.log(JSON.stringify({ signature: headers["webhook-signature"], id: verified.id, payload: verified.payload, rejected, github: github["x-hub-signature-256"] }));
`;
const esm = (from: string) => `const lib = await import(${JSON.stringify(from)});\n${PROGRAM}`;
const cjs = (from: string) => `const lib = require(${JSON.stringify(from)});\n(async () => {${PROGRAM}})();`;

const EXPECTED = {
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  payload: { test: 2432232314 },
  rejected: "invalid_signature 401",
  github: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
};

// Resolve hooks that make `crypto` / `node:crypto` unavailable, as on Workers or in a browser.
const NO_NODE_CRYPTO = `
  export async function resolve(specifier, context, next) {
    if (specifier === "crypto" || specifier === "node:crypto") throw new Error("node:crypto is not available here");
    return next(specifier, context);
  }
`;

let dir = "";

function run(file: string, source: string, args: string[] = [], cwd = dir): unknown {
  writeFileSync(join(dir, file), source);
  const out = execFileSync(process.execPath, [...args, join(dir, file)], {
    cwd,
    encoding: "utf8",
    timeout: 20_000,
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "");
}

beforeAll(() => {
  if (!existsSync(join(dist, "node", "index.cjs")) || !existsSync(join(dist, "web", "index.js"))) {
    throw new Error("packages/core/dist is missing: run `pnpm --filter @hookproof/core build` first.");
  }
  dir = mkdtempSync(join(tmpdir(), "hookproof-smoke-"));
  mkdirSync(join(dir, "node_modules", "@hookproof"), { recursive: true });
  symlinkSync(packageDir, join(dir, "node_modules", "@hookproof", "core"), "dir");
  writeFileSync(join(dir, "no-node-crypto.mjs"), NO_NODE_CRYPTO);
  writeFileSync(
    join(dir, "register.mjs"),
    `import { register } from "node:module";\nregister("./no-node-crypto.mjs", import.meta.url);\n`,
  );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the built @hookproof/core", () => {
  it("require('@hookproof/core') resolves the node CJS build and signs + verifies", () => {
    expect(run("by-name.cjs", cjs("@hookproof/core"))).toEqual(EXPECTED);
    const resolved = execFileSync(process.execPath, ["-p", "require.resolve('@hookproof/core')"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(resolved.trim()).toMatch(/dist[/\\]node[/\\]index\.cjs$/);
  });

  it("import('@hookproof/core') resolves the node ESM build and signs + verifies", () => {
    expect(run("by-name.mjs", esm("@hookproof/core"))).toEqual(EXPECTED);
    const where = run("where.mjs", 'console.log(JSON.stringify(import.meta.resolve("@hookproof/core")));');
    expect(where).toMatch(/dist\/node\/index\.js$/);
  });

  it("the package imports itself by name from its own directory (self-reference through exports)", () => {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", esm("@hookproof/core")], {
      cwd: packageDir,
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it("the WebCrypto builds (ESM and CJS) give the same results", () => {
    expect(run("web.mjs", esm(join(dist, "web", "index.js")))).toEqual(EXPECTED);
    expect(run("web.cjs", cjs(join(dist, "web", "index.cjs")))).toEqual(EXPECTED);
  });

  it("the WebCrypto ESM build runs where node:crypto cannot be imported; the node build does not", () => {
    expect(
      run("web-only.mjs", esm(join(dist, "web", "index.js")), ["--import", join(dir, "register.mjs")]),
    ).toEqual(EXPECTED);
    expect(() =>
      execFileSync(process.execPath, ["--import", join(dir, "register.mjs"), join(dir, "by-name.mjs")], {
        cwd: dir,
        encoding: "utf8",
        stdio: "pipe",
        timeout: 20_000,
      }),
    ).toThrow(/node:crypto is not available here/);
  });

  it("only the node builds import node:crypto", () => {
    const importsCrypto = /(?:from\s*|require\()\s*["'](?:node:)?crypto["']/;
    for (const file of ["node/index.js", "node/index.cjs"]) {
      expect(readFileSync(join(dist, file), "utf8")).toMatch(importsCrypto);
    }
    for (const file of ["web/index.js", "web/index.cjs"]) {
      expect(readFileSync(join(dist, file), "utf8")).not.toMatch(importsCrypto);
    }
  });

  it("ships declarations for both module systems", () => {
    for (const file of ["index.d.ts", "index.d.cts"]) {
      const types = readFileSync(join(dist, file), "utf8");
      for (const name of [
        "createVerifier",
        "standardWebhooks",
        "hmac",
        "bearer",
        "WebhookVerificationError",
      ]) {
        expect(types).toContain(name);
      }
    }
  });
});
