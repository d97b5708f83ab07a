/**
 * @hookproof/fastify: route options for Fastify 4 and 5 over `@hookproof/core`; they only translate.
 * @module
 */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import {
  bodyAlreadyParsed,
  type EventMap,
  type ProcessResult,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verdictOf,
  type WebhookEventOf,
  type WebhookSource,
  type Webhooks,
  type WebhookVerdictOf,
} from "@hookproof/core";
import { readIncomingMessage, requestUrl } from "@hookproof/core/node";
import type {} from "fastify";

export type { VerifyWebhookOptions, WebhookEventOf, WebhookSource, WebhookVerdictOf };

/**
 * Register your router's type here and `request.webhook` is typed by its event catalogue.
 *
 * @example
 * declare module "@hookproof/fastify" {
 *   interface Register { webhooks: typeof hooks }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: an open interface users augment, as FastifyRequest is.
export interface Register {}

/** The type of `request.webhook`: from {@link Register}, else the fields every verified webhook has. */
export type WebhookEvent = Register extends { webhooks: infer S } ? WebhookEventOf<S> : VerifiedWebhook;

/** The type of `request.webhookVerdict`: typed by the router registered in {@link Register}. */
export type WebhookVerdict = Register extends { webhooks: infer S }
  ? WebhookVerdictOf<S>
  : WebhookVerdictOf<unknown>;

declare module "fastify" {
  interface FastifyRequest {
    /** The verified webhook, set by `verifyWebhook` (not for a batch: read `webhookVerdict.events`). */
    webhook?: WebhookEvent;
    /** What `verifyWebhook` found: in `mode: "observe"` a refused request reaches your handler with it. */
    webhookVerdict?: WebhookVerdict;
  }
}

/** A route-level `preParsing` hook, typed by what it uses of a Fastify 4 or 5 request and reply. */
export type WebhookHook = (
  request: {
    headers: IncomingHttpHeaders;
    routeOptions: { bodyLimit: number };
    raw: IncomingMessage;
    protocol: string;
    webhook?: WebhookEvent;
    webhookVerdict?: WebhookVerdict;
  },
  reply: { code(s: number): { headers(h: Record<string, string>): { send(b: string): unknown } } },
  payload: Readable & { receivedEncodedLength?: number },
  done: (error?: Error | null, payload?: Readable) => void,
) => void;

/**
 * Route options for `app.post(path, verifyWebhook(source), handler)`.
 *
 * @example
 * app.route({ method: "POST", url: "/webhooks", ...verifyWebhook(hooks), handler });
 */
export type VerifyWebhookRouteOptions = { preParsing: WebhookHook };

/**
 * Route options for `app.post(path, handleWebhooks(hooks))`: the hook answers, so the handler never runs.
 *
 * @example
 * app.route({ method: "POST", url: "/webhooks", ...handleWebhooks(hooks) });
 */
export type HandleWebhooksRouteOptions = VerifyWebhookRouteOptions & { handler: () => Promise<never> };

const FIX =
  "Let the webhook route read the body first: remove the app-level `preParsing` hook that consumes `request.raw`, or skip it for this route.";

type HookRequest = Parameters<WebhookHook>[0];

/** The body as the sender signed it; `body_already_parsed` when an earlier hook read the stream. */
function readPayload(request: HookRequest, payload: Readable, max: number): Promise<Uint8Array> {
  if (payload.readableDidRead) return Promise.reject(bodyAlreadyParsed("a stream a hook read", FIX));
  // A stream a hook put in place of `request.raw` (a decompressor) is held to the request's declared length,
  // as Fastify's own body reader does.
  const stream = "headers" in payload ? payload : Object.assign(payload, { headers: request.headers });
  const read = readIncomingMessage(stream as IncomingMessage, Math.min(max, request.routeOptions.bodyLimit));
  // A hook's stream may wait paused for its reader (@fastify/compress's decompressor); unless refused unread.
  if (stream.listenerCount("data") > 0) stream.resume();
  return read;
}

/** The headers, method and URL of a Fastify request; Fastify's `request.protocol` honours its `trustProxy`. */
function requestOf(request: HookRequest) {
  const { headers, raw, protocol } = request;
  return { headers, method: raw.method, url: requestUrl(raw, protocol) };
}

function send(reply: Parameters<WebhookHook>[1], payload: Readable, result: ProcessResult): void {
  // The rest of an unread body is still on the wire, so the connection cannot carry another request.
  const headers = payload.readableEnded ? result.headers : { ...result.headers, connection: "close" };
  reply.code(result.status).headers(headers).send(result.body);
}

/**
 * Route options that answer webhook requests: verify, deduplicate, run the router's handlers, respond. The
 * body is read in a route-level `preParsing` hook, before any content-type parser, only once the headers its
 * scheme needs are there, under the smaller of the router's `maxBodyBytes` and the route's `bodyLimit`.
 *
 * @example
 * app.post("/webhooks", handleWebhooks(hooks));
 * @see https://fastify.dev/docs/latest/Reference/Hooks/#preparsing
 */
export function handleWebhooks(
  hooks: Pick<Webhooks<EventMap>, "process" | "maxBodyBytes">,
): HandleWebhooksRouteOptions {
  return {
    preParsing(request, reply, payload, done) {
      const body = () => readPayload(request, payload, hooks.maxBodyBytes);
      hooks.process({ ...requestOf(request), body }).then((result) => send(reply, payload, result), done);
    },
    handler: () => Promise.reject(new Error("[@hookproof/fastify] the preParsing hook answers each request")),
  };
}

/**
 * Route options that verify the request, set `request.webhook` (and `request.webhookVerdict`), then hand the
 * same bytes on to the route's content-type parser and your handler. A handshake is answered, and a refusal (a
 * router's `onRejected` hears it) unless the router is in `mode: "observe"`, where the request goes on with
 * the verdict; any other error goes to Fastify's error handler. No dedupe: your handler decides what to do with the event.
 *
 * @example
 * app.post("/webhooks", verifyWebhook(hooks), async (request) => ({ received: request.webhook?.id }));
 */
export function verifyWebhook(
  source: WebhookSource,
  options: VerifyWebhookOptions = {},
): VerifyWebhookRouteOptions {
  const limit = options.maxBodyBytes ?? source.maxBodyBytes;
  return {
    preParsing(request, reply, payload, done) {
      let bytes: Uint8Array = new Uint8Array(0);
      const body = async () => (bytes = await readPayload(request, payload, limit));
      verdictOf(source, { ...requestOf(request), body }).then(
        (verdict) => {
          if (verdict.answer !== undefined) return send(reply, payload, verdict.answer);
          request.webhookVerdict = verdict as WebhookVerdict;
          if (verdict.outcome === "verified" && verdict.event !== undefined) {
            request.webhook = verdict.event as WebhookEvent;
          }
          // A decompressor's count of the bytes received keeps Fastify's Content-Length check passing.
          const { receivedEncodedLength } = payload;
          done(null, Object.assign(Readable.from([bytes]), { receivedEncodedLength }));
        },
        (error: unknown) => done(error as Error),
      );
    },
  };
}
