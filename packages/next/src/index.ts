/**
 * @hookproof/next: App Router and Pages Router handlers over `@hookproof/core`; they only translate.
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EventMap, Webhooks } from "@hookproof/core";
import { requestUrl, writeResult } from "@hookproof/core/node";
import { type HooksSource, resolveOnce } from "./hooks-source.js";
import { readBody } from "./read-body.js";

export type { HooksSource } from "./hooks-source.js";

/** A Pages Router API route, typed by the Node types `NextApiRequest` and `NextApiResponse` extend. */
export type PagesHandler = (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => Promise<void>;

/** What a route handler needs of a router. */
export type RouteHooks = Pick<Webhooks<EventMap>, "handle">;

/** What a Pages Router handler needs of a router. */
export type PagesHooks = Pick<Webhooks<EventMap>, "process" | "maxBodyBytes">;

/**
 * An App Router route handler that verifies, deduplicates and runs the router's handlers, then
 * responds. Works on the Node and Edge runtimes. Pass a function that creates the router: it runs on the
 * first request, once, so `next build` loads the route without its secrets and every request shares one
 * router (and its dedupe store).
 *
 * @example
 * // app/webhooks/route.ts
 * export const POST = createRouteHandler(() =>
 *   createWebhooks({ provider: stackAuth({ secret: process.env.STACK_WEBHOOK_SECRET! }) }).on("user.created", save),
 * );
 * @see https://nextjs.org/docs/app/building-your-application/routing/route-handlers
 */
export function createRouteHandler(hooks: HooksSource<RouteHooks>): (request: Request) => Promise<Response> {
  const router = resolveOnce(hooks);
  return (request) => {
    const resolved = router();
    // Once created, the router answers without an extra turn; only the first requests wait for it.
    return resolved instanceof Promise
      ? resolved.then((ready) => ready.handle(request))
      : resolved.handle(request);
  };
}

/**
 * A Pages Router API route that does the same. Next's body parser must be off for it, so the
 * signature is checked over the bytes sent. Takes a router or, like {@link createRouteHandler}, a function
 * that creates it on the first request.
 *
 * @example
 * // pages/api/webhooks.ts
 * export const config = { api: { bodyParser: false } };
 * export default createPagesHandler(() => createWebhooks({ provider: stackAuth({ secret: process.env.STACK_WEBHOOK_SECRET! }) }));
 * @see https://nextjs.org/docs/pages/building-your-application/routing/api-routes#custom-config
 */
export function createPagesHandler(hooks: HooksSource<PagesHooks>): PagesHandler {
  const router = resolveOnce(hooks);
  return async (req, res) => {
    const resolved = router();
    const ready = resolved instanceof Promise ? await resolved : resolved;
    // The router reads the body only once the headers it needs are there, and answers every refusal.
    const body = () => readBody(req, ready.maxBodyBytes);
    const { headers, method } = req;
    writeResult(req, res, await ready.process({ headers, method, url: requestUrl(req), body }));
  };
}
