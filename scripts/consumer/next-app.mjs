// The Next.js app of the consumer test: the @hookproof/next README's route files, exactly as written, in a
// fresh Next app. It must build with no webhook secret in the environment, then answer over `next start`.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { expectGenuineTamperedReplay } from "./deliveries.mjs";
import { freePort, run, startServer } from "./processes.mjs";
import { typescriptSnippets } from "./snippets.mjs";

export const STACK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/**
 * The route files the READMEs show (`// app/webhooks/route.ts` on their first line), by path.
 *
 * @example
 * nextRouteFiles(root); // { "app/webhooks/route.ts": "…", "pages/api/webhooks.ts": "…" }
 */
export function nextRouteFiles(root) {
  const routes = typescriptSnippets(root).checked.filter((snippet) => snippet.route);
  if (
    !routes.some((route) => route.file.startsWith("app/")) ||
    !routes.some((r) => r.file.startsWith("pages/"))
  ) {
    throw new Error("packages/next/README.md must show an App Router and a Pages Router route file");
  }
  return Object.fromEntries(routes.map((route) => [route.file, route.code]));
}

/** The environment without any variable a route could read its secret from. */
function withoutSecrets(node) {
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PATH: `${join(node.bin, "..")}:${process.env.PATH}`,
  };
  for (const name of Object.keys(env)) if (/SECRET|WEBHOOK|HOOKPROOF/.test(name)) delete env[name];
  return env;
}

/**
 * `next build` with no secret set, then `next start` with one, then the deliveries to both routes.
 *
 * @example
 * await buildAndServeNext({ node, app });
 */
export async function buildAndServeNext({ node, app }) {
  const next = join(app, "node_modules", "next", "dist", "bin", "next");
  rmSync(join(app, ".next"), { recursive: true, force: true });
  const env = withoutSecrets(node);
  await run(node.bin, [next, "build"], { cwd: app, env });
  const port = await freePort();
  const server = await startServer(node.bin, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: app,
    env: { ...env, STACK_WEBHOOK_SECRET: STACK_SECRET },
    url: `http://127.0.0.1:${port}/webhooks`,
  });
  try {
    for (const path of ["/webhooks", "/api/webhooks"]) {
      const target = {
        node: node.bin,
        app,
        provider: "stack-auth",
        event: "user.created",
        secret: STACK_SECRET,
      };
      await expectGenuineTamperedReplay({ ...target, url: `http://127.0.0.1:${port}${path}` });
    }
  } finally {
    await server.stop();
  }
}
