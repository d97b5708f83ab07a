/**
 * @hookproof/hono: a Hono handler and middleware over `@hookproof/core`; they only translate.
 * @module
 */
import {
  bodyAlreadyParsed,
  type EventMap,
  type ProcessResult,
  readLimited,
  rejectWebhook,
  type Verdict,
  type VerifyWebhookOptions,
  verdictOf,
  type WebhookEventOf,
  type WebhookSource,
  type Webhooks,
  type WebhookVerdictOf,
  type WebhookVerificationError,
} from "@hookproof/core";
import type { Context, MiddlewareHandler } from "hono";

export type { VerifyWebhookOptions, WebhookEventOf, WebhookSource, WebhookVerdictOf };

/**
 * The Hono `Env` of a route behind {@link verifyWebhook}: `c.get("webhook")` is the verified event (`undefined`
 * for a batch, or a refusal let through in `mode: "observe"`), `c.get("webhookVerdict")` what was found.
 */
export type WebhookEnv<Event> = {
  Variables: { webhook: Event; webhookVerdict: Verdict<Event> };
};

function alreadyRead(): WebhookVerificationError {
  return bodyAlreadyParsed(
    "a body that was already read",
    'Mount the webhook route before any middleware or validator that reads the body (`c.req.json()`, `validator("json", …)`).',
  );
}

function toResponse(result: ProcessResult): Response {
  return new Response(result.body, { status: result.status, headers: result.headers });
}

/**
 * Answers webhook requests: verifies, deduplicates and runs the router's handlers, then responds.
 * Use it as the route's handler, or as a terminal middleware with `app.use`.
 *
 * @example
 * app.post("/webhooks", handleWebhooks(hooks));
 * @see https://hono.dev/docs/api/routing
 */
export function handleWebhooks(
  hooks: Pick<Webhooks<EventMap>, "handle" | "process" | "maxBodyBytes" | "reject">,
): (c: Context) => Promise<Response> {
  return async (c) => {
    const request = c.req.raw;
    if (request.bodyUsed) return toResponse(hooks.reject(alreadyRead()));
    // A declared length within the limit bounds the body (HTTP framing), so it is read in one go: on
    // @hono/node-server that skips building a Web stream. Otherwise the body is streamed and cut off.
    const declared = request.headers.get("content-length");
    if (declared === null || !(Number(declared) <= hooks.maxBodyBytes)) return hooks.handle(request);
    // Read only once the router has the headers it needs.
    const { headers, method, url } = request;
    return toResponse(await hooks.process({ headers, method, url, body: () => request.arrayBuffer() }));
  };
}

/**
 * Verifies the request, sets `c.get("webhook")` (and `c.get("webhookVerdict")`) and calls `next()`; answers a
 * handshake, and a refusal (a router's `onRejected` hears it) unless the router is in `mode: "observe"`, where
 * the request goes on with the verdict. Rethrows anything else. No dedupe: your handler decides what to do.
 *
 * @example
 * app.post("/webhooks", verifyWebhook(hooks), (c) => c.json({ id: c.get("webhook").id }));
 * @see https://hono.dev/docs/guides/middleware
 */
export function verifyWebhook<Source extends WebhookSource>(
  source: Source,
  options: VerifyWebhookOptions = {},
): MiddlewareHandler<WebhookEnv<WebhookEventOf<Source>>> {
  const limit = options.maxBodyBytes ?? source.maxBodyBytes;
  return async (c, next) => {
    const request = c.req.raw;
    const { headers, method, url } = request;
    if (request.bodyUsed) return toResponse(rejectWebhook(alreadyRead(), source));
    const body = () => readLimited(request.body, limit, headers.get("content-length"));
    const verdict = await verdictOf(source, { headers, method, url, body });
    if (verdict.answer !== undefined) return toResponse(verdict.answer);
    c.set("webhookVerdict", verdict);
    if (verdict.outcome === "verified") c.set("webhook", verdict.event as WebhookEventOf<Source>);
    await next();
  };
}
