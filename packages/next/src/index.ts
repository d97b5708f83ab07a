/**
 * @hookproof/next: App Router and Pages Router handlers over `@hookproof/core`; they only translate.
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EventMap, Webhooks } from "@hookproof/core";
import { writeResult } from "@hookproof/core/node";
import { readBody } from "./read-body.js";

/** A Pages Router API route, typed by the Node types `NextApiRequest` and `NextApiResponse` extend. */
export type PagesHandler = (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => Promise<void>;

/**
 * An App Router route handler that verifies, deduplicates and runs the router's handlers, then
 * responds. Works on the Node and Edge runtimes.
 *
 * @example
 * // app/webhooks/route.ts
 * export const POST = createRouteHandler(hooks);
 * @see https://nextjs.org/docs/app/building-your-application/routing/route-handlers
 */
export function createRouteHandler(
  hooks: Pick<Webhooks<EventMap>, "handle">,
): (request: Request) => Promise<Response> {
  return (request) => hooks.handle(request);
}

/**
 * A Pages Router API route that does the same. Next's body parser must be off for it, so the
 * signature is checked over the bytes sent.
 *
 * @example
 * // pages/api/webhooks.ts
 * export const config = { api: { bodyParser: false } };
 * export default createPagesHandler(hooks);
 * @see https://nextjs.org/docs/pages/building-your-application/routing/api-routes#custom-config
 */
export function createPagesHandler(
  hooks: Pick<Webhooks<EventMap>, "process" | "maxBodyBytes">,
): PagesHandler {
  return async (req, res) => {
    // The router reads the body only once the headers it needs are there, and answers every refusal.
    const body = () => readBody(req, hooks.maxBodyBytes);
    writeResult(req, res, await hooks.process({ headers: req.headers, body }));
  };
}
