/**
 * @hookproof/express: Express 4 and 5 middleware over `@hookproof/core`; it only translates requests and responses.
 * @module
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type EventMap,
  isWebhookVerificationError,
  rejectWebhook,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  type WebhookEventOf,
  type WebhookSource,
  type Webhooks,
} from "@hookproof/core";
import { writeResult } from "@hookproof/core/node";
import { readBody } from "./read-body.js";

export type { VerifyWebhookOptions, WebhookEventOf, WebhookSource };

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

declare global {
  namespace Express {
    interface Request {
      /** The verified webhook, set by `verifyWebhook`. */
      webhook?: WebhookEvent;
    }
  }
}

/**
 * An Express middleware, typed by the Node types Express 4 and 5 both extend, so it fits either version's
 * `@types/express`.
 */
export type WebhookRequestHandler = (
  req: IncomingMessage & { body?: unknown; webhook?: WebhookEvent },
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

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
      .process({ headers: req.headers, body: () => readBody(req, hooks.maxBodyBytes) })
      .then((result) => writeResult(req, res, result), next);
  };
}

/**
 * Verifies the request, sets `req.webhook` and calls `next()`; answers a refusal (a router's `onRejected`
 * hears it) and passes anything else to `next(error)`. No dedupe: your handler decides what to do with the event.
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
    source.verify({ headers: req.headers, body: () => readBody(req, limit) }).then(
      (event) => {
        req.webhook = event as WebhookEvent;
        next();
      },
      (error: unknown) => {
        if (!isWebhookVerificationError(error)) next(error);
        else writeResult(req, res, rejectWebhook(error, source));
      },
    );
  };
}
