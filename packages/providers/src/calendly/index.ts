/**
 * Calendly: `{ event, created_at, created_by, payload }` signed with `Calendly-Webhook-Signature: t=…,v1=…`, the
 * layout Stripe uses.
 *
 * Sources: developer.calendly.com/api-docs/overview/webhooks ("Webhook signatures": the hex HMAC-SHA256 of
 * `${t}.${body}` keyed by the subscription's signing key; the signing key is write-only; "Webhook timeouts"),
 * Calendly's developer FAQ (failed deliveries are retried with exponential backoff for 24 hours, then the
 * subscription is disabled). No Calendly SDK is on npm: cross-checked against the documented algorithm and a
 * vector.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type CalendlyEvents, calendlyCatalogue } from "./events.js";

export type { CalendlyEvent, CalendlyEventData, CalendlyEvents, CalendlyInvitee } from "./events.js";
export { calendlyCatalogue } from "./events.js";

/** Options of {@link calendly}. */
export interface CalendlyOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The subscription's signing key (the `signing_key` you set when creating it, or your OAuth app's), used as text. */
  secret: Secrets;
}

/**
 * Calendly webhooks: `Calendly-Webhook-Signature: t=<unix s>,v1=<hex>` over `${t}.${body}`, with `t` within
 * ±300 s (Calendly's sample code uses 180 s; pass `tolerance: 180` to the router for that), routed by the body's
 * `event`.
 *
 * The body has no id: the event id is its signed `event`, `payload.uri` (the invitee, shared by its created and
 * canceled events) and `created_at`, so a retry — re-stamped with a new `t` — is a duplicate.
 *
 * @example
 * const hooks = createWebhooks({ provider: calendly({ secret: process.env.CALENDLY_WEBHOOK_SIGNING_KEY! }) })
 *   .on("invitee.created", async (event) => { await book(event.payload.email, event.payload.event) });
 */
export function calendly(options: CalendlyOptions): WebhookProvider<CalendlyEvents> {
  return {
    name: "calendly",
    scheme: hmac({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      header: "calendly-webhook-signature",
      timestamp: { key: "t" },
      signatureKey: "v1",
    }),
    events: calendlyCatalogue,
    eventType: (payload) => stringField(payload, "event"),
    eventId(payload) {
      const type = stringField(payload, "event");
      const uri = stringField((payload as { payload?: unknown } | null)?.payload, "uri");
      const createdAt = stringField(payload, "created_at");
      // All three are inside the signed body; without them the router dedupes by the body's SHA-256.
      return type && uri && createdAt ? `${type} ${uri} ${createdAt}` : undefined;
    },
  };
}

/**
 * Calendly, as the providers table lists it.
 *
 * @example
 * about.scheme; // "`Calendly-Webhook-Signature: t=…,v1=<hex>` over `{t}.{body}`"
 */
export const about: ProviderInfo = {
  name: "calendly",
  preset: "calendly",
  title: "Calendly",
  scheme: "`Calendly-Webhook-Signature: t=…,v1=<hex>` over `{t}.{body}`",
  eventId: "body `event`, `payload.uri`, `created_at` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(calendlyCatalogue).length,
  crossCheck: "Calendly's documented algorithm, a vector (no SDK on npm)",
};
