/**
 * Stripe's signature: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=…]`, an HMAC-SHA256 over `${t}.${body}` keyed
 * by the whole `whsec_…` text.
 * @see https://docs.stripe.com/webhooks#verify-manually
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Stripe's scheme, for a router with your own catalogue. Use it with the verifier's default 300 s
 * tolerance, as Stripe's libraries do.
 *
 * @example
 * const scheme = stripeHmac({ secret: process.env.STRIPE_WEBHOOK_SECRET! });
 */
export function stripeHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "stripe-signature",
    timestamp: { key: "t" },
    signatureKey: "v1",
  });
}
