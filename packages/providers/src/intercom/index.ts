/**
 * Intercom: notification objects signed with `X-Hub-Signature: sha1=<hex>`, an HMAC-SHA1 keyed by the app's
 * client secret.
 *
 * Sources: developers.intercom.com/docs/webhooks ("Signed notifications": the hex HMAC-SHA1 of the body behind
 * `sha1=`, keyed by the app's client secret; "Webhook notifications": topics paused after repeated failures),
 * `/docs/references/webhooks/webhook-models` (the notification object), the topic reference. `intercom-client`
 * 7.0.3 neither signs nor verifies: cross-checked against that algorithm and a vector.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { unixSecondsField } from "../kit/unix-seconds.js";
import { type IntercomEvents, intercomCatalogue } from "./events.js";

export type { IntercomEvent, IntercomEventData, IntercomEvents, IntercomItem } from "./events.js";
export { intercomCatalogue } from "./events.js";

/** Options of {@link intercom}. */
export interface IntercomOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The app's client secret (Developer Hub → your app → Basic information), used as text. */
  secret: Secrets;
}

/**
 * Intercom webhooks: `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, routed by the body's `topic`,
 * deduped by its `id` (`notif_…`) — not the body's hash, as `delivery_attempts` and `delivered_at` change on every
 * attempt. Intercom publishes no retry span, so no `maxAge` is set: the preset declares `replayBound: "retention"`.
 *
 * @example
 * const hooks = createWebhooks({ provider: intercom({ secret: process.env.INTERCOM_CLIENT_SECRET! }) })
 *   .on("conversation.user.created", async (event) => { await route(event.data.item.id) });
 */
export function intercom(options: IntercomOptions): WebhookProvider<IntercomEvents> {
  return {
    name: "intercom",
    scheme: hmac({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      header: "x-hub-signature",
      prefix: "sha1=",
      algorithm: "sha1",
    }),
    events: intercomCatalogue,
    eventType: (payload) => stringField(payload, "topic"),
    eventId: (payload) => stringField(payload, "id") || undefined,
    eventTime: (payload) => unixSecondsField(payload, "created_at"),
    replayBound: "retention",
  };
}

/**
 * Intercom, as the providers table lists it.
 *
 * @example
 * about.scheme; // "`X-Hub-Signature: sha1=<hex HMAC-SHA1>` over the body"
 */
export const about: ProviderInfo = {
  name: "intercom",
  preset: "intercom",
  title: "Intercom",
  scheme: "`X-Hub-Signature: sha1=<hex HMAC-SHA1>` over the body",
  eventId: "body `id` (`notif_…`, signed)",
  replay: "dedupe retention only (no published retry span)",
  handshake: "— (`ping` is an ordinary event)",
  events: Object.keys(intercomCatalogue).length,
  crossCheck: "Intercom's documented algorithm, a vector (no SDK verifies)",
};
