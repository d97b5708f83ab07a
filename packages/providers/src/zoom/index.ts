/**
 * Zoom: event notifications `{ event, event_ts, payload }` signed with `x-zm-signature: v0=<hex>` over
 * `v0:{x-zm-request-timestamp}:{body}`, and the signed `endpoint.url_validation` handshake.
 *
 * Sources: developers.zoom.us/docs/api/webhooks (verifying notifications, validating the endpoint, the
 * example URL validation request, retries); developers.zoom.us/changelog/platform/webhook-url-validation
 * (re-validation every 72 hours); developers.zoom.us/blog/webhook-delays (the retry schedule);
 * zoom/webhook-sample @ e4d48a77 `index.js` (Zoom's sample: signature and handshake); @zoom/rivet 0.4.0
 * `meetings/meetings.cjs` (`CommonHttpRequest`, `hashUrlValidationEvent`, `AwsLambdaReceiver`, run as the
 * cross-check) and its `meetings.d.ts` / `users.d.ts` event types.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type ZoomEvents, zoomCatalogue } from "./events.js";
import { zoomHandshake } from "./handshake.js";
import { zoomHmac } from "./scheme.js";

export type {
  ZoomCreatedMeeting,
  ZoomEndedMeeting,
  ZoomEvent,
  ZoomEventData,
  ZoomEvents,
  ZoomMeeting,
  ZoomMeetingCreated,
  ZoomMeetingDeleted,
  ZoomMeetingEnded,
  ZoomMeetingParticipant,
  ZoomMeetingStarted,
  ZoomParticipant,
  ZoomParticipantMeeting,
  ZoomUser,
  ZoomUserChanges,
  ZoomUserCreated,
  ZoomUserDeactivated,
  ZoomUserUpdated,
} from "./events.js";
export { zoomCatalogue } from "./events.js";
export { zoomHmac } from "./scheme.js";

/** Options of {@link zoom}. */
export interface ZoomOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /**
   * The app's Secret Token (marketplace.zoom.us → the app → Features → Access → Event Subscriptions;
   * `ZOOM_WEBHOOK_SECRET_TOKEN` in Zoom's sample), used as text; a list while switching to a regenerated one.
   */
  secret: Secrets;
}

/**
 * Zoom apps: `x-zm-signature` over `v0:{ts}:{body}` with `x-zm-request-timestamp` within ±300 s. Routes by the
 * body's `event`; the body carries no id, so a notification dedupes by its SHA-256 (a retry resends the same
 * body, re-signed). Answers the signed `endpoint.url_validation` with `{ plainToken, encryptedToken }`.
 *
 * @example
 * const hooks = createWebhooks({ provider: zoom({ secret: process.env.ZOOM_WEBHOOK_SECRET_TOKEN! }) })
 *   .on("meeting.ended", async (event) => { await summarise(event.payload.object.uuid) });
 */
export function zoom(options: ZoomOptions): WebhookProvider<ZoomEvents> {
  const scheme = zoomHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret });
  return {
    name: "zoom",
    scheme,
    events: zoomCatalogue,
    eventType: (payload) => stringField(payload, "event"),
    // No id in the body: its SHA-256. `x-zm-trackingid` is unsigned and never the id.
    eventId: () => undefined,
    // `event_ts` (ms) is there for a router's own `maxAge`; the preset sets none: the signed timestamp bounds
    // replays, and Rivet types `event_ts` optional (`meeting.deleted`), which a default `maxAge` would refuse.
    eventTime(payload) {
      const time = (payload as { event_ts?: unknown } | null)?.event_ts;
      return typeof time === "number" && Number.isFinite(time) ? time : undefined;
    },
    handshake: zoomHandshake(options.secret, options.allowShortSecret),
  };
}

/**
 * Zoom, as the providers table lists it.
 *
 * @example
 * about.handshake; // "`endpoint.url_validation` (`encryptedToken` = HMAC of `plainToken`)"
 */
export const about: ProviderInfo = {
  name: "zoom",
  preset: "zoom",
  title: "Zoom",
  scheme: "`x-zm-signature: v0=<hex>` over `v0:{ts}:{body}`",
  eventId: "none in the body: the body's SHA-256",
  replay: "signed timestamp ±300 s",
  handshake: "`endpoint.url_validation` (`encryptedToken` = HMAC of `plainToken`)",
  events: Object.keys(zoomCatalogue).length,
  crossCheck: "a vector `@zoom/rivet` 0.4.0 accepts + node:crypto",
};
