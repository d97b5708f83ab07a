/**
 * Bitbucket Cloud: repository events signed with `X-Hub-Signature: sha256=<hex>`, the event key in `X-Event-Key`.
 *
 * Sources: support.atlassian.com/bitbucket-cloud/docs: "Manage webhooks" (the secret; the HMAC-SHA256 of the raw
 * body in `X-Hub-Signature`, `sha256=`-prefixed, sent only when the webhook has a secret), "Event payloads" (the
 * headers and bodies), "Troubleshoot webhooks" (a 5xx is resent up to two more times; 10 s timeout); Atlassian's
 * "Enhanced webhook security" announcement (2023). No Atlassian package verifies: cross-checked against the
 * documented algorithm and a vector.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { type BitbucketEvents, bitbucketCatalogue } from "./events.js";

export type {
  BitbucketEventData,
  BitbucketEvents,
  BitbucketPayload,
  BitbucketPullRequest,
  BitbucketPullRequestEvent,
  BitbucketPush,
  BitbucketRepository,
} from "./events.js";
export { bitbucketCatalogue } from "./events.js";

/** Options of {@link bitbucket}. */
export interface BitbucketOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The webhook's secret (Repository settings → Webhooks → the webhook → Secret), used as text. */
  secret: Secrets;
}

/**
 * Bitbucket Cloud webhooks: `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>` — SHA-256 under the header
 * name GitHub uses for SHA-1 — routed by the `X-Event-Key` header (`repo:push`, `pullrequest:created`).
 *
 * Only the body is signed: `X-Event-Key`, `X-Request-UUID` and `X-Attempt-Number` are not. Events are deduped by
 * the body's SHA-256 (a resend is the same payload), so a body replayed under another event key is a duplicate.
 * Nothing signs a time: the preset declares `replayBound: "retention"`.
 *
 * @example
 * const hooks = createWebhooks({ provider: bitbucket({ secret: process.env.BITBUCKET_WEBHOOK_SECRET! }) })
 *   .on("pullrequest:created", async (event) => { await review(event.pullrequest.id) });
 */
export function bitbucket(options: BitbucketOptions): WebhookProvider<BitbucketEvents> {
  return {
    name: "bitbucket",
    scheme: hmac({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      header: "x-hub-signature",
      prefix: "sha256=",
      idHeader: "x-request-uuid",
    }),
    events: bitbucketCatalogue,
    eventType: (_payload, header) => header("x-event-key") || undefined,
    // Not `X-Request-UUID`: unsigned. The router falls back to the signed body's SHA-256.
    eventId: () => undefined,
    replayBound: "retention",
  };
}

/**
 * Bitbucket Cloud, as the providers table lists it.
 *
 * @example
 * about.scheme; // "`X-Hub-Signature: sha256=<hex>` over the body"
 */
export const about: ProviderInfo = {
  name: "bitbucket",
  preset: "bitbucket",
  title: "Bitbucket Cloud",
  scheme: "`X-Hub-Signature: sha256=<hex>` over the body",
  eventId: "body SHA-256 (`X-Request-UUID` is unsigned)",
  replay: "dedupe retention only",
  handshake: "—",
  events: Object.keys(bitbucketCatalogue).length,
  crossCheck: "Atlassian's documented algorithm, a vector (no SDK verifies)",
};
