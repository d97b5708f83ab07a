/**
 * Slack's signature: `X-Slack-Signature: v0=<hex>`, an HMAC-SHA256 keyed by the app's signing secret (as
 * text) over `v0:${X-Slack-Request-Timestamp}:${body}`, the body exactly as sent (a form body still
 * percent-encoded).
 * @see https://api.slack.com/authentication/verifying-requests-from-slack
 * @module
 */
import type { HmacPresetOptions, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";

/**
 * Slack's scheme, for a router with your own catalogue. Use it with the verifier's default 300 s
 * tolerance: bolt refuses a timestamp more than 5 minutes old.
 *
 * @example
 * const scheme = slackHmac({ secret: process.env.SLACK_SIGNING_SECRET! });
 */
export function slackHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-slack-signature",
    prefix: "v0=",
    template: "v0:{timestamp}:{body}",
    timestamp: { header: "x-slack-request-timestamp" },
  });
}
