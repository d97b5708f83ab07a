/**
 * The three header layouts of `hmac` the protocol's tests run on: a body MAC behind a `sha256=` prefix
 * (the generic sender's, GitHub's with its delivery id) and Stripe's `t=…,v1=…` over `${t}.${body}`. Users get
 * them from @hookproof/providers (`genericHmac`, `githubHmac`, `stripeHmac`), which the core cannot depend on:
 * these are the same options, spelt out.
 * @module
 */
import { type HmacPresetOptions, hmac, type WebhookScheme } from "../src/index.js";

/** `X-Webhook-Signature: sha256=<hex>` over the body. */
export const genericHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({ ...options, header: "x-webhook-signature", prefix: "sha256=" });

/** `X-Hub-Signature-256: sha256=<hex>` over the body; `sign` also sends `X-GitHub-Delivery`. */
export const githubHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({ ...options, header: "x-hub-signature-256", prefix: "sha256=", idHeader: "x-github-delivery" });

/** `Stripe-Signature: t=<unix>,v1=<hex>` over `${t}.${body}`. */
export const stripeHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({ ...options, header: "stripe-signature", timestamp: { key: "t" }, signatureKey: "v1" });
