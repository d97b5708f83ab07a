/**
 * The scheme of every sender that delivers through Svix: Standard Webhooks in `svix-*` headers.
 * @module
 */
import type { Secrets, WebhookScheme } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";

/**
 * Standard Webhooks, signing `svix-*` headers as Svix sends them (verification reads `webhook-*` too).
 * `allowShortSecret` is passed on, never defaulted.
 *
 * @example
 * const scheme = svixScheme({ secret: process.env.PROPELAUTH_WEBHOOK_SECRET! });
 */
export function svixScheme(options: {
  secret: Secrets;
  allowShortSecret?: boolean | undefined;
}): WebhookScheme {
  return standardWebhooks({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    signHeaders: "svix",
  });
}
