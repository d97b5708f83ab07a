/**
 * The HTTP side of the test apps that run as child processes: node:http → Web `Request` → `hooks.handle` →
 * node:http, on a free loopback port.
 * @module
 */
import { createServer } from "node:http";

/** Serves `hooks.handle` on 127.0.0.1; prints `{"port":…}` once it listens, for the parent test. */
export function serveWebhooks(hooks) {
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
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
  });
  return server;
}
