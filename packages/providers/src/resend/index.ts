/**
 * Resend: `{ type, created_at, data }` sent through hosted Svix.
 *
 * Sources: resend.com/docs `webhooks/verify-webhooks-requests` (the `svix-*` headers, the `whsec_` secret),
 * `webhooks/retries-and-replays` (the schedule; a replay resends the same message), `webhooks/event-types`,
 * `dashboard/webhooks/body-parameters`; `resend` 6.38.0 `webhooks.verify` (through `standardwebhooks` 1.1.1, the
 * SDK that verifies) and `dist/index.d.mts` (`WebhookEventPayload`). Cross-checked against `resend` and `svix`.
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type ResendEvents, resendCatalogue } from "./events.js";

export type {
  ResendBounce,
  ResendBouncedEmail,
  ResendContact,
  ResendDomain,
  ResendEmail,
  ResendEvent,
  ResendEventData,
  ResendEvents,
} from "./events.js";
export { resendCatalogue } from "./events.js";

/** Options of {@link resend}. */
export interface ResendOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** The endpoint's `whsec_…` signing secret (Resend dashboard → Webhooks → the endpoint; `RESEND_WEBHOOK_SECRET`). */
  secret: Secrets;
}

/**
 * Resend webhooks: Standard Webhooks signatures in `svix-*` headers, deduped by the signed `svix-id` (the same on
 * every retry and replay), routed by the body's `type`.
 *
 * @example
 * const hooks = createWebhooks({ provider: resend({ secret: process.env.RESEND_WEBHOOK_SECRET! }) })
 *   .on("email.bounced", async (event) => { await suppress(event.data.to) });
 */
export function resend(options: ResendOptions): WebhookProvider<ResendEvents> {
  return {
    name: "resend",
    scheme: standardWebhooks({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      signHeaders: "svix",
    }),
    events: resendCatalogue,
    eventType: (payload) => stringField(payload, "type"),
  };
}

/**
 * Resend, as the providers table lists it.
 *
 * @example
 * about.eventId; // "`svix-id` (signed)"
 */
export const about: ProviderInfo = {
  name: "resend",
  preset: "resend",
  title: "Resend",
  scheme: "Standard Webhooks (`svix-*` headers)",
  eventId: "`svix-id` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(resendCatalogue).length,
  crossCheck: "`resend`, `svix`",
};
