/**
 * @hookproof/express: Express 4 and 5 middleware over `@hookproof/core`; it only translates requests and responses.
 * @module
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import {
  DEFAULT_MAX_BODY_BYTES,
  type EventMap,
  isWebhookVerificationError,
  type ProcessResult,
  type VerifiedEvent,
  type VerifiedWebhook,
  type Verifier,
  type Webhooks,
  type WebhookVerificationError,
} from "@hookproof/core";
import { readBody } from "./read-body.js";

/**
 * Register your router's type here and `req.webhook` is typed by its event catalogue.
 *
 * @example
 * declare module "@hookproof/express" {
 *   interface Register { webhooks: typeof hooks }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: an open interface users augment, as Express.Request is.
export interface Register {}

/** The event `verifyWebhook` sets for a `createWebhooks` router, or a `createVerifier` verifier. */
export type WebhookEventOf<Source> =
  Source extends Webhooks<infer Events> ? VerifiedEvent<Events> : VerifiedWebhook;

/** The type of `req.webhook`: from {@link Register}, else the fields every verified webhook has. */
export type WebhookEvent = Register extends { webhooks: infer Source }
  ? WebhookEventOf<Source>
  : VerifiedWebhook;

declare global {
  namespace Express {
    interface Request {
      /** The verified webhook, set by `verifyWebhook`. */
      webhook?: WebhookEvent;
    }
  }
}

/** What {@link verifyWebhook} verifies with: a `createWebhooks` router or a `createVerifier` verifier. */
export type WebhookSource =
  | (Pick<Webhooks<EventMap>, "verify" | "maxBodyBytes"> & Partial<Pick<Webhooks<EventMap>, "reject">>)
  | Verifier;

/**
 * An Express middleware, typed by the Node types Express 4 and 5 both extend, so it fits either version's
 * `@types/express`.
 */
export type WebhookRequestHandler = (
  req: IncomingMessage & { body?: unknown; webhook?: WebhookEvent },
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

type Request = Parameters<WebhookRequestHandler>[0];

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** Largest body read, bytes. Default: the router's `maxBodyBytes`, else 1 MiB. Match your verifier's. */
  maxBodyBytes?: number;
}

const JSON_HEADERS = { "content-type": "application/json" };

function send(req: Request, res: ServerResponse, result: ProcessResult): void {
  // The rest of an unread body is still on the wire; the connection cannot carry another request.
  if (!req.readableEnded) res.setHeader("connection", "close");
  res.writeHead(result.status, result.headers).end(result.body);
}

function answer(error: WebhookVerificationError): ProcessResult {
  return { status: error.status, headers: JSON_HEADERS, body: JSON.stringify(error) };
}

/**
 * Answers a refusal; a router (`reject`) also reports it to its `onRejected`. Anything that is not a
 * refusal goes to Express's error handling.
 */
function fail(
  req: Request,
  res: ServerResponse,
  next: (error?: unknown) => void,
  error: unknown,
  reject?: (error: WebhookVerificationError) => ProcessResult,
): void {
  if (!isWebhookVerificationError(error)) next(error);
  else send(req, res, reject?.(error) ?? answer(error));
}

/**
 * Answers webhook requests: verifies, deduplicates and runs the router's handlers, then responds.
 *
 * @example
 * app.post("/webhooks", webhookMiddleware(hooks));
 * @see https://expressjs.com/en/guide/using-middleware.html
 */
export function webhookMiddleware(
  hooks: Pick<Webhooks<EventMap>, "process" | "maxBodyBytes">,
): WebhookRequestHandler {
  return (req, res, next) => {
    // The router reads the body only once the headers it needs are there, and answers every refusal.
    hooks
      .process({ headers: req.headers, body: () => readBody(req, hooks.maxBodyBytes) })
      .then((result) => send(req, res, result), next);
  };
}

/**
 * Verifies the request, sets `req.webhook` and calls `next()`; answers the error otherwise.
 * No dedupe: your handler decides what to do with the event.
 *
 * @example
 * app.post("/webhooks", verifyWebhook(hooks), (req, res) => {
 *   res.json({ received: req.webhook?.id });
 * });
 */
export function verifyWebhook(
  source: WebhookSource,
  options: VerifyWebhookOptions = {},
): WebhookRequestHandler {
  const limit =
    options.maxBodyBytes ?? ("maxBodyBytes" in source ? source.maxBodyBytes : DEFAULT_MAX_BODY_BYTES);
  return (req, res, next) => {
    source.verify({ headers: req.headers, body: () => readBody(req, limit) }).then(
      (event) => {
        req.webhook = event as WebhookEvent;
        next();
      },
      (error: unknown) => fail(req, res, next, error, "reject" in source ? source.reject : undefined),
    );
  };
}
