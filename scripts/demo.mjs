#!/usr/bin/env node
// The quick-start demo: a real receiver on a loopback port, and a sender that fires a genuine event,
// then a replay, a tampered body, an expired signature and an unsigned request at it.
import { createServer } from "node:http";
import { createWebhooks, standardWebhooks } from "@hookproof/core";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const scheme = standardWebhooks({ secret });
const accept = { "~standard": { version: 1, vendor: "demo", validate: (value) => ({ value }) } };
const handled = [];

const hooks = createWebhooks({ scheme, events: { "user.created": accept } }).on(
  "user.created",
  (event, ctx) => {
    handled.push(ctx.id);
    console.log(`    handler ran: user.created for ${event.data.email} (event ${ctx.id})`);
  },
);

// node:http → Web Request → hooks.handle → node:http response.
const server = createServer(async (req, res) => {
  const request = new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers: req.headers,
    body: req,
    duplex: "half",
  });
  const response = await hooks.handle(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(await response.text());
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/webhooks`;
console.log(`receiver listening on ${url}\n`);

const body = JSON.stringify({ type: "user.created", data: { id: "u_1", email: "ada@example.com" } });
const now = Math.floor(Date.now() / 1000);
const genuine = await scheme.sign({ body, id: "msg_demo_1", timestamp: now });

async function send(label, headers, payload) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: payload,
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

await send("genuine signed event", genuine, body);
await send("the same delivery again (replay)", genuine, body);
await send("tampered body", genuine, body.replace("ada@", "eve@"));
await send(
  "expired (signed 10 minutes ago)",
  await scheme.sign({ body, id: "msg_demo_2", timestamp: now - 600 }),
  body,
);
await send("unsigned", {}, body);

console.log(`\nhandled ${handled.length} event(s): ${handled.join(", ")}`);
server.close();
