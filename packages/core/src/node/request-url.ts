/**
 * The URL a Node `IncomingMessage` was addressed to, as the server saw it: what URL-bound schemes sign.
 * @module
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

/**
 * `scheme://host/path?query` of `req`: the scheme from the connection (or `protocol`, when the framework
 * already worked it out: Express's `req.protocol` honours its own `trust proxy` setting), the host from the
 * `Host` header (`:authority` over HTTP/2), the path as sent (`originalUrl` under an Express mount). `undefined`
 * without a host. A router's `publicUrl` / `trustProxy` corrects it behind a proxy.
 *
 * @example
 * const url = requestUrl(req); // "http://localhost:3000/webhooks?account=acme"
 * await hooks.process({ headers: req.headers, method: req.method, url, body });
 */
export function requestUrl(
  req: IncomingMessage & { originalUrl?: string },
  protocol?: string,
): string | undefined {
  const host = req.headers.host ?? req.headers[":authority"];
  if (typeof host !== "string" || host === "") return undefined;
  const scheme = protocol ?? ((req.socket as TLSSocket | null)?.encrypted ? "https" : "http");
  return `${scheme}://${host}${req.originalUrl ?? req.url ?? "/"}`;
}
