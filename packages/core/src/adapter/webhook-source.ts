/**
 * What an adapter's `verifyWebhook` verifies with, and the event it passes on: one meaning in every adapter.
 * @module
 */
import type { Webhooks } from "../router/options.js";
import type { EventMap, VerifiedEvent } from "../router/types.js";
import type { Verdict } from "../router/verdict.js";
import type { VerifiedWebhook, Verifier } from "../verify/create-verifier.js";

/**
 * A `createWebhooks` router (its refusals reach `onRejected`) or a bare `createVerifier` verifier.
 *
 * @example
 * const source: WebhookSource = createVerifier({ scheme: standardWebhooks({ secret }) });
 */
export type WebhookSource =
  | (Pick<Webhooks<EventMap>, "verify" | "maxBodyBytes" | "reject"> &
      Partial<Pick<Webhooks<EventMap>, "check">>)
  | Verifier;

/**
 * The event `verifyWebhook(source)` passes on: typed by the router's catalogue, or the fields every verified
 * webhook has.
 *
 * @example
 * type Event = WebhookEventOf<typeof hooks>; // VerifiedEvent<…>: narrow on event.type
 */
export type WebhookEventOf<Source> =
  Source extends Webhooks<infer Events> ? VerifiedEvent<Events> : VerifiedWebhook;

/**
 * The verdict `verifyWebhook(source)` hands the app (`req.webhookVerdict`): typed by the router's catalogue.
 *
 * @example
 * type Seen = WebhookVerdictOf<typeof hooks>; // outcome "verified" | "handshake" | "rejected"
 */
export type WebhookVerdictOf<Source> = Verdict<WebhookEventOf<Source>>;

/**
 * Options of every adapter's `verifyWebhook`.
 *
 * @example
 * app.post("/webhooks", verifyWebhook(verifier, { maxBodyBytes: 4 * 1024 * 1024 }), handler);
 */
export interface VerifyWebhookOptions {
  /** Largest body read, bytes. Default: the source's `maxBodyBytes`. */
  maxBodyBytes?: number;
}
