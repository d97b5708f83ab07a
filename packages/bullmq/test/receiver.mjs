/**
 * A receiver process: node:http → `hooks.handle` (handoff to the queue). Prints `{"port":…}` once it listens.
 */
import { createServer } from "node:http";
import { close, hooks } from "./hooks.mjs";

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const request = new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
  const response = await hooks.handle(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
process.once("SIGTERM", async () => {
  await hooks.close({ graceMs: 1000 });
  server.close(async () => {
    await close();
    process.exit(0);
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
