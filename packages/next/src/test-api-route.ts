/**
 * Test support: serves a handler as the Pages Router API route `/api/webhooks` through Next's own runner,
 * which applies `config.api.bodyParser` exactly as `next start` does.
 * @module
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { NextApiHandler } from "next";
import { apiResolver } from "next/dist/server/api-utils/node/api-resolver.js";
import { countBodyBytes } from "../../core/test/adapter-kit.js";

/** The servers started so far; `closeApiRoutes()` closes them (call it in `afterEach`). */
const servers: Server[] = [];

/**
 * Serves `handler` with `bodyParser` on or off; `counter.bytes` counts the body bytes read before the answer.
 *
 * @example
 * const url = await serveApiRoute(createPagesHandler(hooks), false);
 */
export async function serveApiRoute(
  handler: NextApiHandler,
  bodyParser: boolean,
  counter = { bytes: 0 },
): Promise<string> {
  const server = createServer((req, res) => {
    countBodyBytes(req, res, counter);
    const route = { default: handler, config: { api: { bodyParser } } };
    const context = {
      previewModeId: "",
      previewModeEncryptionKey: "",
      previewModeSigningKey: "",
      dev: false,
    };
    void apiResolver(req, res, {}, route, context, false, false, "/api/webhooks");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks`;
}

/**
 * Closes every server {@link serveApiRoute} started.
 *
 * @example
 * afterEach(closeApiRoutes);
 */
export function closeApiRoutes(): void {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
}

/**
 * POSTs a signed request and reads the JSON answer.
 *
 * @example
 * const { status, json } = await post(url, await signed());
 */
export async function post(
  url: string,
  sent: { headers: Record<string, string>; body: BodyInit },
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: "POST", ...sent, duplex: "half" } as RequestInit);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
