/**
 * Shopify: app webhooks, the topic's resource signed with `X-Shopify-Hmac-Sha256`.
 *
 * Sources: shopify.dev "Verify webhook deliveries" (`/docs/apps/build/webhooks/verify-deliveries`: the base64
 * HMAC-SHA256 of the raw body keyed by the client secret; a rotated secret may sign for up to an hour after),
 * "Ignore duplicate webhooks" (`X-Shopify-Event-Id`), "Subscribe over HTTPS" (the headers, the 5 s timeout),
 * changelog "Updates to webhook retry mechanism" (2024-09-10: 8 retries over 4 hours, each with the original
 * payload); `@shopify/shopify-api` 13.1.0 `lib/webhooks/validate` and `runtime/crypto/utils`
 * (`createSHA256HMAC`, the SDK that verifies, cross-checked both ways).
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { type ShopifyEvents, shopifyCatalogue } from "./events.js";
import { shopifyHmac } from "./scheme.js";

export type {
  ShopifyComplianceCustomer,
  ShopifyCustomer,
  ShopifyCustomersDataRequest,
  ShopifyCustomersRedact,
  ShopifyEventData,
  ShopifyEvents,
  ShopifyOrder,
  ShopifyProduct,
  ShopifyResource,
  ShopifyShop,
  ShopifyShopRedact,
} from "./events.js";
export { shopifyCatalogue } from "./events.js";
export { shopifyHmac } from "./scheme.js";

/** Options of {@link shopify}. */
export interface ShopifyOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The app's client secret (Dev Dashboard → the app → Settings; `SHOPIFY_API_SECRET`); both while rotating. */
  secret: Secrets;
}

/**
 * Shopify webhooks: `X-Shopify-Hmac-Sha256` over the raw body, routed by the `X-Shopify-Topic` header
 * (`orders/create`).
 *
 * Only the body is signed. The topic header, `X-Shopify-Webhook-Id` and `X-Shopify-Event-Id` are not, and the
 * body's `id` is the resource's (one order's `orders/create` and `orders/paid` share it): events are deduped by
 * the body's SHA-256, which a retry resends unchanged, so a captured body replayed under another topic is a
 * duplicate. Nothing signs a time: the preset declares `replayBound: "retention"`.
 *
 * @example
 * const hooks = createWebhooks({ provider: shopify({ secret: process.env.SHOPIFY_API_SECRET! }) })
 *   .on("orders/create", async (order) => { await fulfil(order.id) })
 *   .on("shop/redact", async (request) => { await erase(request.shop_domain) });
 */
export function shopify(options: ShopifyOptions): WebhookProvider<ShopifyEvents> {
  return {
    name: "shopify",
    scheme: shopifyHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: shopifyCatalogue,
    eventType: (_payload, header) => header("x-shopify-topic") || undefined,
    // Not `X-Shopify-Webhook-Id` nor `X-Shopify-Event-Id`: unsigned, a replay could carry fresh ones; not the
    // body's `id`: the resource's, shared by its topics. The router falls back to the signed body's SHA-256.
    eventId: () => undefined,
    replayBound: "retention",
  };
}

/**
 * Shopify, as the providers table lists it.
 *
 * @example
 * about.scheme; // "`X-Shopify-Hmac-Sha256: <base64>` over the body"
 */
export const about: ProviderInfo = {
  name: "shopify",
  preset: "shopify",
  title: "Shopify",
  scheme: "`X-Shopify-Hmac-Sha256: <base64>` over the body",
  eventId: "body SHA-256 (`X-Shopify-Webhook-Id` is unsigned)",
  replay: "dedupe retention only",
  handshake: "—",
  events: Object.keys(shopifyCatalogue).length,
  crossCheck: "`@shopify/shopify-api`",
};
