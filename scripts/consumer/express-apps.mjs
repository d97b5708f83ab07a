// The Express apps of the consumer test: an ESM TypeScript app on Express 5 (type-checked with
// `module: nodenext`, as are the READMEs' snippets) and a CommonJS app on Express 4.
import assert from "node:assert/strict";
import { join } from "node:path";
import { expectGenuineTamperedReplay, send } from "./deliveries.mjs";
import { STACK_SECRET } from "./next-app.mjs";
import { freePort, run, startServer } from "./processes.mjs";

const GENERIC_SECRET = "consumer-test-generic-secret-2f9c";

const tsc = (app) => join(app, "node_modules", "typescript", "bin", "tsc");

/**
 * `tsc --noEmit` over the ESM app, then over the README snippets (their own project: two snippets may
 * each augment a module the app augments too).
 *
 * @example
 * await checkEsmApp({ node, app });
 */
export async function checkEsmApp({ node, app }) {
  await run(node.bin, [tsc(app), "--noEmit", "-p", "tsconfig.json"], { cwd: app });
  const snippets = await run(node.bin, [tsc(app), "--noEmit", "-p", "tsconfig.snippets.json"], {
    cwd: app,
    allowFailure: true,
  });
  if (snippets.code !== 0) {
    // snippets/packages__core__README.md_L13.ts(4,5) → packages/core/README.md:17:5, where the reader sees it.
    const where = snippets.stdout.replace(
      /snippets\/(.+?)_L(\d+)\.ts\((\d+),(\d+)\)/g,
      (_, file, fence, line, column) =>
        `${file.replaceAll("__", "/")}:${Number(fence) + Number(line)}:${column}`,
    );
    throw new Error(
      `README TypeScript snippets do not type-check against the packed packages (mark a block \`\`\`ts fragment when it is one):\n${where}`,
    );
  }
}

async function serve({ node, app, args, env }) {
  const port = await freePort();
  const server = await startServer(node.bin, args, {
    cwd: app,
    env: { ...process.env, ...env, PORT: String(port) },
    url: `http://127.0.0.1:${port}/handled`,
  });
  return { server, url: `http://127.0.0.1:${port}` };
}

/**
 * Compiles the checked app (`--noCheck`: `checkEsmApp` checked it), starts it and sends it deliveries.
 *
 * @example
 * await runEsmApp({ node, app });
 */
export async function runEsmApp({ node, app }) {
  await run(
    node.bin,
    [tsc(app), "-p", "tsconfig.json", "--noEmit", "false", "--noCheck", "--outDir", "build"],
    {
      cwd: app,
    },
  );
  const { server, url } = await serve({
    node,
    app,
    args: ["build/server.js"],
    env: { STACK_WEBHOOK_SECRET: STACK_SECRET },
  });
  try {
    const target = {
      node: node.bin,
      app,
      provider: "stack-auth",
      event: "user.created",
      secret: STACK_SECRET,
    };
    await expectGenuineTamperedReplay({ ...target, url: `${url}/webhooks` });
    const verified = await send({ ...target, url: `${url}/verify-only` });
    assert.equal(verified.deliveries[0]?.status, 200);
    assert.equal(verified.deliveries[0].body.type, "user.created");
    const handled = await (await fetch(`${url}/handled`)).json();
    assert.equal(handled.length, 2, `handled once each: the genuine and the replayed delivery (${handled})`);
  } finally {
    await server.stop();
  }
}

/**
 * Starts the CommonJS app and sends it generic-sender deliveries.
 *
 * @example
 * await runCjsApp({ node, app });
 */
export async function runCjsApp({ node, app }) {
  const { server, url } = await serve({
    node,
    app,
    args: ["server.cjs"],
    env: { GENERIC_WEBHOOK_SECRET: GENERIC_SECRET },
  });
  try {
    const target = {
      node: node.bin,
      app,
      provider: "generic",
      event: "user.created",
      secret: GENERIC_SECRET,
    };
    await expectGenuineTamperedReplay({ ...target, url: `${url}/webhooks` }, { idInBody: true });
    const handled = await (await fetch(`${url}/handled`)).json();
    assert.equal(handled.length, 1, `handled once: every later send was a replay of it (${handled})`);
  } finally {
    await server.stop();
  }
}
