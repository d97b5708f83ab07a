/**
 * @hookproof/hono: a Hono handler and middleware over `@hookproof/core`; they only translate.
 * @module
 */
import {
  bodyAlreadyParsed,
  DEFAULT_MAX_BODY_BYTES,
  type EventMap,
  isWebhookVerificationError,
  type ProcessResult,
  readLimited,
  type VerifiedEvent,
  type VerifiedWebhook,
  type Verifier,
  type Webhooks,
  type WebhookVerificationError,
} from "@hookproof/core";
import type { Context, MiddlewareHandler } from "hono";

/** The Hono `Env` of a route behind {@link webhookMiddleware}: `c.get("webhook")` is the verified event. */
export type WebhookEnv<Event> = { Variables: { webhook: Event } };

/** Options of {@link webhookMiddleware}. */
export interface WebhookMiddlewareOptions {
  /** Largest body read, bytes. Default: the router's `maxBodyBytes`, else 1 MiB. Match your verifier's. */
  maxBodyBytes?: number;
}

const FIX =
  'Mount the webhook route before any middleware or validator that reads the body (`c.req.json()`, `validator("json", …)`).';

function respond(result: ProcessResult): Response {
  return new Response(result.body, { status: result.status, headers: result.headers });
}

function answer(error: WebhookVerificationError): Response {
  return new Response(JSON.stringify(error), {
    status: error.status,
    headers: { "content-type": "application/json" },
  });
}

/** Answers a refusal; a router (`reject`) also reports it to its `onRejected`, a bare verifier has no hooks. */
function refuse(
  error: WebhookVerificationError,
  reject?: (error: WebhookVerificationError) => ProcessResult,
): Response {
  return reject ? respond(reject(error)) : answer(error);
}

/**
 * Answers webhook requests: verifies, deduplicates and runs the router's handlers, then responds.
 * Use it as the route's handler, or as a terminal middleware with `app.use`.
 *
 * @example
 * app.post("/webhooks", webhook(hooks));
 * @see https://hono.dev/docs/api/routing
 */
export function webhook(
  hooks: Pick<Webhooks<EventMap>, "handle" | "process" | "maxBodyBytes"> &
    Partial<Pick<Webhooks<EventMap>, "reject">>,
): (c: Context) => Promise<Response> {
  return async (c) => {
    const request = c.req.raw;
    if (request.bodyUsed) {
      const error = bodyAlreadyParsed("a body that was already read", FIX);
      return refuse(error, hooks.reject);
    }
    // A declared length within the limit bounds the body (HTTP framing), so it is read in one go: on
    // @hono/node-server that skips building a Web stream. Otherwise the body is streamed and cut off.
    const declared = request.headers.get("content-length");
    if (declared === null || !(Number(declared) <= hooks.maxBodyBytes)) return hooks.handle(request);
    // Read only once the router has the headers it needs.
    return respond(await hooks.process({ headers: request.headers, body: () => request.arrayBuffer() }));
  };
}

/**
 * Verifies the request, sets `c.get("webhook")` and calls `next()`; answers the error otherwise.
 * No dedupe: your handler decides what to do with the event.
 *
 * @example
 * app.post("/webhooks", webhookMiddleware(hooks), (c) => c.json({ id: c.get("webhook").id }));
 * @see https://hono.dev/docs/guides/middleware
 */
export function webhookMiddleware<Events extends EventMap>(
  hooks: Webhooks<Events>,
  options?: WebhookMiddlewareOptions,
): MiddlewareHandler<WebhookEnv<VerifiedEvent<Events>>>;
export function webhookMiddleware(
  verifier: Verifier,
  options?: WebhookMiddlewareOptions,
): MiddlewareHandler<WebhookEnv<VerifiedWebhook>>;
export function webhookMiddleware(
  source:
    | (Pick<Webhooks<EventMap>, "verify" | "maxBodyBytes"> & Partial<Pick<Webhooks<EventMap>, "reject">>)
    | Verifier,
  options: WebhookMiddlewareOptions = {},
): MiddlewareHandler {
  const limit =
    options.maxBodyBytes ?? ("maxBodyBytes" in source ? source.maxBodyBytes : DEFAULT_MAX_BODY_BYTES);
  return async (c, next) => {
    const request = c.req.raw;
    let event: unknown;
    try {
      if (request.bodyUsed) throw bodyAlreadyParsed("a body that was already read", FIX);
      const body = () => readLimited(request.body, limit, request.headers.get("content-length"));
      event = await source.verify({ headers: request.headers, body });
    } catch (error) {
      if (!isWebhookVerificationError(error)) throw error;
      return refuse(error, "reject" in source ? source.reject : undefined);
    }
    c.set("webhook", event);
    await next();
  };
}
