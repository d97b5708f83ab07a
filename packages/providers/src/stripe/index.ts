/**
 * Stripe: Event objects signed with `Stripe-Signature: t=…,v1=…`.
 *
 * Sources: docs.stripe.com "Receive Stripe events in your webhook endpoint" (the signature scheme, the 300 s
 * tolerance, retries for up to 3 days in live mode, duplicate deliveries: dedupe by the event `id`);
 * stripe-node 23.1.0 `Webhooks.constructEvent` / `generateTestHeaderString` (the SDK that signs and
 * verifies, cross-checked both ways) and `esm/resources/Events.d.ts` (the Event object).
 * @module
 */
import type { EventCatalogue, HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { unixSecondsField } from "../kit/unix-seconds.js";
import { stripeCatalogue } from "./events.js";
import type { StripeEvents } from "./official-types.js";
import { stripeHmac } from "./scheme.js";

export type { StripeEnvelopeEvents, StripeEvent, StripeEventData, StripeObject } from "./events.js";
export { stripeCatalogue } from "./events.js";
export type { StripeEvents } from "./official-types.js";
export { stripeHmac } from "./scheme.js";

/** Options of {@link stripe}. */
export interface StripeOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The endpoint's `whsec_…` signing secret (Dashboard → Developers → Webhooks → the endpoint; `STRIPE_WEBHOOK_SECRET`). */
  secret: Secrets;
}

/**
 * Stripe webhooks: `Stripe-Signature` over `${t}.${body}` with `t` within ±300 s, routed by the body's
 * `type`, deduped by the body's `id` (`evt_…`, the same on every retry). `created` (unix seconds) is the
 * event's time, for a `maxAge` if you want one; the signed `t` already bounds replays.
 *
 * @example
 * const hooks = createWebhooks({ provider: stripe({ secret: process.env.STRIPE_WEBHOOK_SECRET! }) })
 *   .on("checkout.session.completed", async (event) => { await fulfil(event.data.object) })
 *   .on("invoice.paid", async (event) => { await extend(event.data.object) });
 */
export function stripe(options: StripeOptions): WebhookProvider<StripeEvents> {
  return {
    name: "stripe",
    scheme: stripeHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    // The runtime catalogue checks the envelope only (`data.object` follows the endpoint's API version); the
    // types are Stripe's own when the app has `stripe` installed.
    events: stripeCatalogue as unknown as EventCatalogue<StripeEvents>,
    eventType: (payload) => stringField(payload, "type"),
    eventId: (payload) => stringField(payload, "id") || undefined,
    eventTime: (payload) => unixSecondsField(payload, "created"),
  };
}

/**
 * Stripe, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body `id` (`evt_…`, signed)"
 */
export const about: ProviderInfo = {
  name: "stripe",
  preset: "stripe",
  title: "Stripe",
  scheme: "`Stripe-Signature: t=…,v1=<hex>` over `{t}.{body}`",
  eventId: "body `id` (`evt_…`, signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(stripeCatalogue).length,
  envelopeOnly: true,
  crossCheck: "`stripe` (stripe-node)",
};
