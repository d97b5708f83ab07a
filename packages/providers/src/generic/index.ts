/**
 * The generic sender: `{ id, type, created_at, data }` signed with `X-Webhook-Signature: sha256=<hex>`.
 *
 * Sources: none public. The convention documented in PROVIDERS.md §7 is the contract: its Node, Python and
 * Go samples sign `hmac(secret, body)`; retries immediately, then after 1 min, 5 min, 30 min, 1 h, 6 h. The
 * signature is cross-checked against `node:crypto`.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { isoTime } from "../kit/iso-time.js";
import { stringField } from "../kit/string-field.js";
import { type GenericEvents, genericCatalogue } from "./events.js";
import { genericHmac } from "./scheme.js";

export type {
  GenericDeleted,
  GenericEvent,
  GenericEventData,
  GenericEvents,
  GenericProject,
  GenericTeamMember,
  GenericUser,
} from "./events.js";
export { genericCatalogue } from "./events.js";
export { genericHmac } from "./scheme.js";

/** Options of {@link generic}. */
export interface GenericOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The shared secret, used as its UTF-8 text; a list while rotating. */
  secret: Secrets;
}

/** 24 h: longer than the sender's ~7.6 h retry span, shorter than the default 72 h dedupe retention. */
const MAX_AGE_SECONDS = 86_400;

/**
 * The generic sender: `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, deduped by the body's
 * `id`. No timestamp is signed in a header, so a captured request stays valid: events whose signed
 * `created_at` is older than 24 h are refused (`timestamp_expired`), and younger replays are caught by the
 * dedupe store. `X-Webhook-Event` is unsigned and ignored; the body's `type` routes.
 *
 * @example
 * const hooks = createWebhooks({ provider: generic({ secret: process.env.WEBHOOK_SECRET! }) })
 *   .on("team.member.added", async (event) => { await grant(event.data.user_id, event.data.team_id) });
 */
export function generic(options: GenericOptions): WebhookProvider<GenericEvents> {
  return {
    name: "generic",
    scheme: genericHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: genericCatalogue,
    eventType: (payload) => stringField(payload, "type"),
    eventId: (payload) => stringField(payload, "id") || undefined,
    eventTime: (payload) => isoTime(payload, "created_at"),
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * The generic sender, as the providers table lists it.
 *
 * @example
 * about.replay; // "`created_at` within 24 h (`maxAge`), then dedupe"
 */
export const about: ProviderInfo = {
  name: "generic",
  preset: "generic",
  title: "Generic sender",
  scheme: "`X-Webhook-Signature: sha256=<hex>` over the body",
  eventId: "body `id` (signed)",
  replay: "signed body `created_at` within 24 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(genericCatalogue).length,
  crossCheck: "`node:crypto`",
};
