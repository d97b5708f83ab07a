/**
 * The header layouts of `hmac` the protocol's tests run on: a body MAC behind a `sha256=` prefix (the generic
 * sender's, GitHub's with its delivery id), Stripe's `t=…,v1=…` over `${t}.${body}`, and the timestamp-template
 * and URL-bound layouts (Slack, Zoom, Paddle, WorkOS, Twitch, HubSpot v3, Square). Users get them from
 * @hookproof/providers, which the core cannot depend on: these are the same options, spelt out once for every
 * test (the table in packages/core/README.md lists them).
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

/** `X-Slack-Signature: v0=<hex>` over `v0:{timestamp}:{body}`. */
export const slackHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({
    ...options,
    header: "x-slack-signature",
    prefix: "v0=",
    template: "v0:{timestamp}:{body}",
    timestamp: { header: "x-slack-request-timestamp" },
  });

/** `x-zm-signature: v0=<hex>`, Slack's template with Zoom's headers. */
export const zoomHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({
    ...options,
    header: "x-zm-signature",
    prefix: "v0=",
    template: "v0:{timestamp}:{body}",
    timestamp: { header: "x-zm-request-timestamp" },
  });

/** `Paddle-Signature: ts=<unix>;h1=<hex>` over `{ts}:{body}`. */
export const paddleHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({
    ...options,
    header: "paddle-signature",
    timestamp: { key: "ts" },
    signatureKey: "h1",
    separator: ";",
    template: "{timestamp}:{body}",
  });

/** `WorkOS-Signature: t=<ms>, v1=<hex>` over `{t}.{body}`. */
export const workosHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({
    ...options,
    header: "workos-signature",
    timestamp: { key: "t", unit: "milliseconds" },
    signatureKey: "v1",
    separator: ", ",
  });

/** Twitch EventSub: `sha256=<hex>` over `{message id}{RFC 3339 timestamp}{body}`. */
export const twitchHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({
    ...options,
    header: "twitch-eventsub-message-signature",
    prefix: "sha256=",
    template: "{id}{timestamp}{body}",
    idHeader: "twitch-eventsub-message-id",
    timestamp: { header: "twitch-eventsub-message-timestamp", unit: "rfc3339" },
  });

/** HubSpot v3: base64 over `{method}{url}{body}{timestamp}`, the timestamp in milliseconds. */
export const hubspotHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({
    ...options,
    header: "x-hubspot-signature-v3",
    encoding: "base64",
    template: "{method}{url}{body}{timestamp}",
    timestamp: { header: "x-hubspot-request-timestamp", unit: "milliseconds" },
  });

/** Square: base64 over `{notification URL}{body}`. */
export const squareHmac = (options: HmacPresetOptions): WebhookScheme =>
  hmac({ ...options, header: "x-square-hmacsha256-signature", encoding: "base64", template: "{url}{body}" });
