/**
 * Writes a router's answer to a Node `ServerResponse` (Express, the Next.js Pages Router, `node:http`).
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ProcessResult } from "@hookproof/core";

/**
 * Writes `result`'s status, headers and body to `res`. When `req`'s body was left unread (a refusal before or
 * while reading it), the answer says `Connection: close`: the rest of the body is still on the wire, so the
 * connection cannot carry another request.
 *
 * @example
 * const body = () => readIncomingMessage(req, hooks.maxBodyBytes);
 * writeResult(req, res, await hooks.process({ headers: req.headers, body }));
 */
export function writeResult(req: IncomingMessage, res: ServerResponse, result: ProcessResult): void {
  if (!req.readableEnded) res.setHeader("connection", "close");
  res.writeHead(result.status, result.headers).end(result.body);
}
