/**
 * @hookproof/express: Express 4 and 5 middleware over `@hookproof/core`; it only translates requests and responses.
 * @module
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type EventMap,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verdictOf,
  type WebhookEventOf,
  type WebhookSource,
  type Webhooks,
  type WebhookVerdictOf,
} from "@hookproof/core";
import { requestUrl, writeResult } from "@hookproof/core/node";
import { readBody } from "./read-body.js";

export type { VerifyWebhookOptions, WebhookEventOf, WebhookSource, WebhookVerdictOf };

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

/** The type of `req.webhook`: from {@link Register}, else the fields every verified webhook has. */
export type WebhookEvent = Register extends { webhooks: infer Source }
  ? WebhookEventOf<Source>
  : VerifiedWebhook;

/** The type of `req.webhookVerdict`: typed by the router registered in {@link Register}. */
export type WebhookVerdict = Register extends { webhooks: infer Source }
  ? WebhookVerdictOf<Source>
  : WebhookVerdictOf<unknown>;

declare global {
  namespace Express {
    interface Request {
      /** The verified webhook, set by `verifyWebhook` (not for a batch: read `webhookVerdict.events`). */
      webhook?: WebhookEvent;
      /** What `verifyWebhook` found: in `mode: "observe"` a refused request reaches your handler with it. */
      webhookVerdict?: WebhookVerdict;
    }
  }
}

/**
 * An Express middleware, typed by the Node types Express 4 and 5 both extend, so it fits either version's
 * `@types/express`.
 */
export type WebhookRequestHandler = (
  req: IncomingMessage & { body?: unknown; webhook?: WebhookEvent; webhookVerdict?: WebhookVerdict },
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** The headers, method and URL of an Express request; Express's `req.protocol` honours its `trust proxy`. */
function requestOf(req: IncomingMessage & { protocol?: string }) {
  return { headers: req.headers, method: req.method, url: requestUrl(req, req.protocol) };
}

/**
 * Answers webhook requests: verifies, deduplicates and runs the router's handlers, then responds.
 *
 * @example
 * app.post("/webhooks", handleWebhooks(hooks));
 * @see https://expressjs.com/en/guide/using-middleware.html
 */
export function handleWebhooks(
  hooks: Pick<Webhooks<EventMap>, "process" | "maxBodyBytes">,
): WebhookRequestHandler {
  return (req, res, next) => {
    // The router reads the body only once the headers it needs are there, and answers every refusal.
    hooks
      .process({ ...requestOf(req), body: () => readBody(req, hooks.maxBodyBytes) })
      .then((result) => writeResult(req, res, result), next);
  };
}

/**
 * Verifies the request, sets `req.webhook` (and `req.webhookVerdict`) and calls `next()`; answers a handshake,
 * and a refusal (a router's `onRejected` hears it) unless the router is in `mode: "observe"`, where the request
 * goes on with the verdict. Passes anything else to `next(error)`. No dedupe: your handler decides what to do.
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
  const limit = options.maxBodyBytes ?? source.maxBodyBytes;
  return (req, res, next) => {
    verdictOf(source, { ...requestOf(req), body: () => readBody(req, limit) }).then((verdict) => {
      if (verdict.answer !== undefined) return writeResult(req, res, verdict.answer);
      req.webhookVerdict = verdict as WebhookVerdict;
      if (verdict.outcome === "verified" && verdict.event !== undefined)
        req.webhook = verdict.event as WebhookEvent;
      next();
    }, next);
  };
}
