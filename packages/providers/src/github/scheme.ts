/**
 * GitHub's signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, keyed by the
 * webhook secret's UTF-8 text.
 * @see https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * GitHub's scheme, for a router with your own catalogue. `sign` also sends `X-GitHub-Delivery`; events are
 * deduped by the body's SHA-256, as the delivery id is not signed (a redelivery resends the same body).
 *
 * @example
 * const scheme = githubHmac({ secret: process.env.GITHUB_WEBHOOK_SECRET! });
 */
export function githubHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-hub-signature-256",
    prefix: "sha256=",
    idHeader: "x-github-delivery",
  });
}
