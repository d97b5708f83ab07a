#!/usr/bin/env node
// The quick-start demo: starts the Express example (examples/express) on a loopback port, then plays Stack Auth
// at it: a genuine signed `user.created`, the same delivery again, a tampered body, an expired signature and an
// unsigned request. Then it shows what the app's handlers recorded, and stops the server.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { stackAuth } from "@hookproof/providers";

const root = new URL("../", import.meta.url);
const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const scheme = stackAuth({ secret }).scheme;

async function freePort() {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address();
  probe.close();
  return port;
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["src/server.js"], {
  cwd: fileURLToPath(new URL("examples/express/", root)),
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    STACK_WEBHOOK_SECRET: secret,
    GENERIC_WEBHOOK_SECRET: "demo generic secret",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
let serverOutput = "";
server.stdout.on("data", (chunk) => (serverOutput += chunk));
server.stderr.on("data", (chunk) => (serverOutput += chunk));

async function stop() {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, "exit");
  server.kill("SIGTERM");
  await exited;
}

async function waitUntilUp() {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (server.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  console.error(`The Express example did not start. Did \`pnpm build\` run?\n${serverOutput}`);
  process.exit(1);
}

async function send(label, headers, body) {
  const response = await fetch(`${base}/webhooks/stack-auth`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const answer = await response.json();
  const outcome = answer.error
    ? answer.error.code
    : answer.duplicate
      ? "duplicate, handler not rerun"
      : "handled";
  console.log(`${label.padEnd(34)} → ${response.status} ${outcome}`);
  if (answer.error) console.log(`${"".padEnd(37)}${answer.error.message}`);
}

try {
  await waitUntilUp();
  console.log(`the Express example (examples/express) is listening on ${base}`);
  console.log("sending Stack Auth's user.created, as Stack Auth signs it, to POST /webhooks/stack-auth\n");

  // The fixture is the body Stack Auth sends, byte for byte; the signature covers exactly these bytes.
  const body = readFileSync(
    new URL("packages/providers/src/stack-auth/fixtures/user.created.json", root),
    "utf8",
  );
  const now = Math.floor(Date.now() / 1000);
  const genuine = await scheme.sign({ body, id: `msg_demo_${now}`, timestamp: now });

  await send("genuine signed event", genuine, body);
  await send("the same delivery again (replay)", genuine, body);
  await send("tampered body", genuine, body.replace("ada@", "eve@"));
  await send(
    "expired (signed 10 minutes ago)",
    await scheme.sign({ body, id: `msg_demo_${now}_old`, timestamp: now - 600 }),
    body,
  );
  await send("unsigned", {}, body);

  const handled = await (await fetch(`${base}/handled`)).json();
  console.log(`\nGET /handled: the app's handlers ran ${handled.length} time(s)`);
  for (const event of handled) console.log(`  ${event.provider} ${event.type} ${event.id}: ${event.subject}`);
} finally {
  await stop();
}
console.log("\nstopped the server: SIGTERM → routers closed → server closed");
