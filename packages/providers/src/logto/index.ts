/**
 * Logto: `{ event, createdAt, hookId, …context, data }` webhooks about users, organizations, memberships, roles and
 * sign-ins, signed with `logto-signature-sha-256`.
 *
 * Sources (logto-io/logto at 1fbc5544): `packages/core/src/libraries/hook/utils.ts` (`sendWebhookRequest`: the
 * body `JSON.stringify(payload)` through ky, 10 s timeout; the signature header only when the hook has a signing
 * key), `packages/core/src/utils/sign.ts` (HMAC-SHA256 of the body, the key as text, lowercase hex),
 * `packages/core/src/libraries/hook/index.ts` and `context-manager.ts` (what each event carries),
 * `packages/schemas/src/foundations/jsonb-types/hooks.ts` (the event types), `packages/schemas/src/types/hook.ts`,
 * `packages/schemas/src/types/user.ts`, `packages/schemas/tables/{users,organizations,roles,organization_roles}.sql`,
 * `packages/shared/src/utils/id.ts` (the signing key: 32 characters of `[0-9a-zA-Z]`);
 * docs.logto.io/docs/recipes/webhooks/webhook-request. No Logto package verifies: cross-checked against a
 * vector computed as `sign.ts` computes it.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type LogtoEvents, logtoCatalogue } from "./events.js";

export type { LogtoEvent, LogtoEventData, LogtoEvents } from "./events.js";
export { logtoCatalogue } from "./events.js";
export type {
  LogtoApplication,
  LogtoDeleted,
  LogtoEnvelope,
  LogtoInteraction,
  LogtoMembershipUpdated,
  LogtoOrganization,
  LogtoOrganizationData,
  LogtoOrganizationRole,
  LogtoOrganizationRoleData,
  LogtoRole,
  LogtoRoleData,
  LogtoScopesUpdated,
  LogtoUser,
  LogtoUserData,
  LogtoUserDeleted,
} from "./types.js";

/** Logto fires each hook once (no retry): an hour is ample for delivery and clock skew, and far under the dedupe retention. */
const MAX_AGE_SECONDS = 60 * 60;

/** Options of {@link logto}. */
export interface LogtoOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The webhook's signing key (Logto Console → Webhooks → the webhook → "Signing key"), used as text. */
  secret: Secrets;
}

/**
 * Logto's scheme alone: `logto-signature-sha-256: <hex HMAC-SHA256>` of the raw body, the key as text.
 *
 * @example
 * const scheme = logtoHmac({ secret: process.env.LOGTO_WEBHOOK_SIGNING_KEY! });
 */
export function logtoHmac(options: LogtoOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "logto-signature-sha-256",
    encoding: "hex",
  });
}

/**
 * Logto webhooks: `logto-signature-sha-256` over the body, routed by the body's `event`, deduped by the body's
 * SHA-256 (Logto sends no event id; `createdAt` has milliseconds and `hookId` differs per webhook, so two events
 * never share a body). Nothing signs a time but the body's `createdAt`: older than an hour is refused.
 *
 * A hook without a signing key sends no signature header: this preset refuses such requests.
 *
 * @example
 * const hooks = createWebhooks({ provider: logto({ secret: process.env.LOGTO_WEBHOOK_SIGNING_KEY! }) })
 *   .on("User.Created", async (event) => { await db.users.insert({ id: event.data.id, email: event.data.primaryEmail }) })
 *   .on("Organization.Membership.Updated", async (event) => { await db.members.add(event.organizationId, event.addedUserIds ?? []) });
 */
export function logto(options: LogtoOptions): WebhookProvider<LogtoEvents> {
  return {
    name: "logto",
    scheme: logtoHmac(options),
    events: logtoCatalogue,
    eventType: (payload) => stringField(payload, "event"),
    // No id anywhere, signed or not: the router dedupes by the SHA-256 of the signed body.
    eventId: () => undefined,
    eventTime(payload) {
      const createdAt = stringField(payload, "createdAt");
      const time = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
      return Number.isNaN(time) ? undefined : time;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Logto, as the providers table lists it.
 *
 * @example
 * about.replay; // "signed body `createdAt` within 1 h (`maxAge`), then dedupe"
 */
export const about: ProviderInfo = {
  name: "logto",
  preset: "logto",
  title: "Logto",
  scheme: "`logto-signature-sha-256: <hex>` over the body",
  eventId: "body SHA-256 (Logto sends no id)",
  replay: "signed body `createdAt` within 1 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(logtoCatalogue).length,
  crossCheck: "vector computed as Logto's `sign.ts` does",
};
