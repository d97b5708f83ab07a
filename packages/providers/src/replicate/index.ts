/**
 * Replicate: a prediction, as the API returns it, signed with Standard Webhooks headers whenever it starts, has
 * output or logs, and completes.
 *
 * Sources: replicate.com/docs/topics/webhooks (receive-webhook: the body; verify-webhook: the `webhook-*`
 * headers, the secret from `GET /v1/webhooks/default/secret`, "`webhook-id` … the same when a webhook is being
 * resent"; setup-webhook: the event filters); `replicate` 1.4.0 `validateWebhook` (the SDK that verifies,
 * cross-checked both ways) and `index.d.ts` (`Prediction`).
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type ReplicateEvents, replicateCatalogue } from "./events.js";

export type { ReplicateEventData, ReplicateEvents, ReplicatePrediction, ReplicateStatus } from "./events.js";
export { replicateCatalogue } from "./events.js";

/** Options of {@link replicate}. */
export interface ReplicateOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** Your account's `whsec_…` webhook secret (`GET /v1/webhooks/default/secret`; no dashboard page). */
  secret: Secrets;
}

/**
 * Replicate webhooks: Standard Webhooks `webhook-*` headers (±300 s), routed as `prediction.${status}`
 * (`prediction.succeeded`), deduped by the signed `webhook-id` — not the body's `id`, which is the prediction's
 * and repeats on every delivery about it (start, each output, each log chunk, completion).
 *
 * @example
 * const hooks = createWebhooks({ provider: replicate({ secret: process.env.REPLICATE_WEBHOOK_SECRET! }) })
 *   .on("prediction.succeeded", async (prediction) => { await store(prediction.id, prediction.output) });
 */
export function replicate(options: ReplicateOptions): WebhookProvider<ReplicateEvents> {
  return {
    name: "replicate",
    scheme: standardWebhooks({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: replicateCatalogue,
    eventType(payload) {
      const status = stringField(payload, "status");
      return status === undefined ? undefined : `prediction.${status}`;
    },
  };
}

/**
 * Replicate, as the providers table lists it.
 *
 * @example
 * about.eventId; // "`webhook-id` (signed; the body `id` is the prediction's)"
 */
export const about: ProviderInfo = {
  name: "replicate",
  preset: "replicate",
  title: "Replicate",
  scheme: "Standard Webhooks (`webhook-*` headers)",
  eventId: "`webhook-id` (signed; the body `id` is the prediction's)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(replicateCatalogue).length,
  crossCheck: "`replicate`",
};
