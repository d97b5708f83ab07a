/**
 * FerrisKey: `{ event, timestamp, resource_id, data }`, signed on `main` (hex HMAC over `${ts}.${body}`),
 * unsigned with admin-configured headers on every release up to v0.7.2.
 * @module
 */
import type { EventCatalogue, Tokens, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { headerToken, hmac } from "@hookproof/core";
import {
  clientSchema,
  deviceFlowSchema,
  ferriskeyEvent as event,
  nullSchema,
  realmSchema,
  realmSettingSchema,
  redirectUriSchema,
  roleSchema,
  unknownSchema,
  userOrRoleSchema,
  userSchema,
  uuidListSchema,
  uuidSchema,
  webhookSchema,
  webOriginSchema,
} from "./ferriskey-schemas.js";
import type {
  FerrisKeyClient as Client,
  FerrisKeyDeviceFlowEvent as DeviceFlow,
  FerrisKeyEvent as E,
  FerrisKeyRealm as Realm,
  FerrisKeyRealmSetting as RealmSetting,
  FerrisKeyRedirectUri as RedirectUri,
  FerrisKeyRole as Role,
  FerrisKeyUser as User,
  FerrisKeyWebhook as Webhook,
  FerrisKeyWebOrigin as WebOrigin,
} from "./ferriskey-types.js";
import { catalogue, stringField } from "./schema-kit.js";
import { whenHeader } from "./when-header.js";

/** FerrisKey's 35 events: event type → payload. `data` follows what FerrisKey actually sends, not the name. */
export type FerrisKeyEvents = {
  "user.created": E<"user.created", User>;
  "user.email_verified": E<"user.email_verified", User>;
  /** A User from an update — **or the Role** that `unassign_role` removed (it sends this, not `user.role.unassigned`). */
  "user.updated": E<"user.updated", User | Role>;
  /** The user as it was before deletion. */
  "user.deleted": E<"user.deleted", User>;
  /** The Role only: no user id anywhere in the payload. */
  "user.role.assigned": E<"user.role.assigned", Role>;
  /** Never sent: role removal arrives as `user.updated` with the Role. */
  "user.role.unassigned": E<"user.role.unassigned", unknown>;
  /** The deleted users' ids. */
  "user.bulk_deleted": E<"user.bulk_deleted", string[]>;
  /** Never sent. */
  "user.credentials.deleted": E<"user.credentials.deleted", unknown>;
  /** No data; `resource_id` is the **user** id here. */
  "auth.reset_password": E<"auth.reset_password", null>;
  /** `device_code` is the raw UUID. */
  "auth.device_flow.initiated": E<"auth.device_flow.initiated", DeviceFlow>;
  /** `device_code` is the SHA-256 hex of the UUID's 16 bytes. */
  "auth.device_flow.denied": E<"auth.device_flow.denied", DeviceFlow>;
  "auth.device_flow.expired": E<"auth.device_flow.expired", DeviceFlow>;
  "client.created": E<"client.created", Client>;
  "client.updated": E<"client.updated", Client>;
  /** The deleted client's id. */
  "client.deleted": E<"client.deleted", string>;
  /** Never sent: client roles emit `role.created`. */
  "client.role.created": E<"client.role.created", unknown>;
  /** Never sent. */
  "client.role.updated": E<"client.role.updated", unknown>;
  "redirect_uri.created": E<"redirect_uri.created", RedirectUri>;
  "redirect_uri.updated": E<"redirect_uri.updated", RedirectUri>;
  /** The deleted URI's id. */
  "redirect_uri.deleted": E<"redirect_uri.deleted", string>;
  /** main only. */
  "web_origin.created": E<"web_origin.created", WebOrigin>;
  /** main only; the deleted origin's id. */
  "web_origin.deleted": E<"web_origin.deleted", string>;
  "role.created": E<"role.created", Role>;
  "role.updated": E<"role.updated", Role>;
  "role.permission.updated": E<"role.permission.updated", Role>;
  /** The role as it was before deletion. */
  "role.deleted": E<"role.deleted", Role>;
  /**
   * Sent **only when a realm is deleted**, with the realm as it was: `create_realm` sends nothing and
   * `delete_realm` uses this trigger. Read it as "this realm is being deleted".
   */
  "realm.created": E<"realm.created", Realm>;
  "realm.updated": E<"realm.updated", Realm>;
  /** Never sent: realm deletion arrives as `realm.created`. */
  "realm.deleted": E<"realm.deleted", unknown>;
  "realm.settings.updated": E<"realm.settings.updated", RealmSetting>;
  /** Up to v0.7.2 `data.headers` can hold a stored credential: never log whole. */
  "webhook.created": E<"webhook.created", Webhook>;
  "webhook.updated": E<"webhook.updated", Webhook>;
  "webhook.deleted": E<"webhook.deleted", Webhook>;
  /** The client as it was **before** maintenance was enabled. */
  "client.maintenance.enabled": E<"client.maintenance.enabled", Client>;
  /** The client as it was **before** maintenance was disabled. */
  "client.maintenance.disabled": E<"client.maintenance.disabled", Client>;
};

/**
 * The runtime schemas of FerrisKey's events (Standard Schema v1).
 *
 * @example
 * const result = await ferriskeyCatalogue["user.created"]["~standard"].validate(body);
 */
export const ferriskeyCatalogue: EventCatalogue<FerrisKeyEvents> = catalogue<FerrisKeyEvents>({
  "user.created": event("user.created", userSchema),
  "user.email_verified": event("user.email_verified", userSchema),
  "user.updated": event("user.updated", userOrRoleSchema),
  "user.deleted": event("user.deleted", userSchema),
  "user.role.assigned": event("user.role.assigned", roleSchema),
  "user.role.unassigned": event("user.role.unassigned", unknownSchema),
  "user.bulk_deleted": event("user.bulk_deleted", uuidListSchema),
  "user.credentials.deleted": event("user.credentials.deleted", unknownSchema),
  "auth.reset_password": event("auth.reset_password", nullSchema),
  "auth.device_flow.initiated": event("auth.device_flow.initiated", deviceFlowSchema),
  "auth.device_flow.denied": event("auth.device_flow.denied", deviceFlowSchema),
  "auth.device_flow.expired": event("auth.device_flow.expired", deviceFlowSchema),
  "client.created": event("client.created", clientSchema),
  "client.updated": event("client.updated", clientSchema),
  "client.deleted": event("client.deleted", uuidSchema),
  "client.role.created": event("client.role.created", unknownSchema),
  "client.role.updated": event("client.role.updated", unknownSchema),
  "redirect_uri.created": event("redirect_uri.created", redirectUriSchema),
  "redirect_uri.updated": event("redirect_uri.updated", redirectUriSchema),
  "redirect_uri.deleted": event("redirect_uri.deleted", uuidSchema),
  "web_origin.created": event("web_origin.created", webOriginSchema),
  "web_origin.deleted": event("web_origin.deleted", uuidSchema),
  "role.created": event("role.created", roleSchema),
  "role.updated": event("role.updated", roleSchema),
  "role.permission.updated": event("role.permission.updated", roleSchema),
  "role.deleted": event("role.deleted", roleSchema),
  "realm.created": event("realm.created", realmSchema),
  "realm.updated": event("realm.updated", realmSchema),
  "realm.deleted": event("realm.deleted", unknownSchema),
  "realm.settings.updated": event("realm.settings.updated", realmSettingSchema),
  "webhook.created": event("webhook.created", webhookSchema),
  "webhook.updated": event("webhook.updated", webhookSchema),
  "webhook.deleted": event("webhook.deleted", webhookSchema),
  "client.maintenance.enabled": event("client.maintenance.enabled", clientSchema),
  "client.maintenance.disabled": event("client.maintenance.disabled", clientSchema),
});

/** Options of {@link ferriskey}: `secret`, `token`, or both while migrating. */
export interface FerrisKeyOptions {
  /**
   * The webhook's signing secret (FerrisKey `main`, from 2026-08-19): 64 hex characters, used as text,
   * not hex-decoded. No FerrisKey release signs yet, and `main` shows the secret nowhere but its database.
   */
  secret?: string | readonly string[];
  /**
   * A custom header you configured on the webhook and its value: the only credential releases up to
   * v0.7.2 send. It is static and covers neither the body nor its freshness.
   */
  token?: { header: string; token: Tokens };
  /**
   * Accept a `secret` or `token` under 16 bytes, when a sender you do not control forces one on you. A short
   * key can be guessed, and a guessed key forges any request. An empty one is refused even so.
   */
  allowShortSecret?: boolean;
}

const SIGNATURE = "x-ferriskey-signature";
const RESERVED =
  /^(x-ferriskey-(signature|timestamp|delivery-id)|host|content-type|content-length|transfer-encoding)$/i;

function schemeOf(options: FerrisKeyOptions): WebhookScheme {
  const { secret, token, allowShortSecret } = options ?? {};
  if (secret === undefined && token === undefined) {
    throw new TypeError(
      "[@hookproof/core] ferriskey() needs `secret` (FerrisKey main signs deliveries), `token` (releases up to v0.7.2 send only the custom headers you configured), or both while migrating.",
    );
  }
  if (token !== undefined && RESERVED.test(token.header?.trim() ?? "")) {
    throw new TypeError(
      `[@hookproof/core] \`token.header\` cannot be \`${token.header}\`: FerrisKey refuses to send a custom header with that name.`,
    );
  }
  const signed =
    secret === undefined
      ? undefined
      : hmac({
          secret,
          allowShortSecret,
          header: SIGNATURE,
          timestamp: { header: "x-ferriskey-timestamp" },
          idHeader: "x-ferriskey-delivery-id",
        });
  const unsigned = token === undefined ? undefined : headerToken({ ...token, allowShortSecret });
  if (signed && unsigned) return whenHeader(SIGNATURE, signed, unsigned);
  return (signed ?? unsigned) as WebhookScheme;
}

/**
 * FerrisKey webhooks. With `secret`: `x-ferriskey-signature` (hex HMAC-SHA256 over `${timestamp}.${body}`)
 * and `x-ferriskey-timestamp` within ±300 s. With `token`: a static header. Either way events are deduped
 * by the body's SHA-256: retries resend the same body, its nanosecond timestamp tells events apart, and
 * unlike `x-ferriskey-delivery-id` it is signed, so a replay cannot pass as a new event. With
 * both, a request with a signature must pass the signature and one without is judged by the token alone —
 * remove `token` once your FerrisKey signs. A token signs no time, so with `token` (alone or with `secret`) a
 * replay is stopped only while the dedupe store remembers the event: the provider declares
 * `replayBound: "retention"`.
 *
 * Quirks the handler must know: `realm.created` is sent when a realm is **deleted**; `user.updated` may carry
 * a Role; `resource_id` is usually the realm id; up to v0.7.2, `webhook.*` payloads include the webhook's
 * custom headers, which can hold a stored credential — never log them whole.
 *
 * @example
 * const hooks = createWebhooks({ provider: ferriskey({ secret: process.env.FERRISKEY_WEBHOOK_SECRET! }) })
 *   .on("user.created", async (event) => { await db.users.insert(event.data) })
 *   .on("realm.created", async (event) => { await archiveRealm(event.data.id) }); // sent on deletion
 */
export function ferriskey(options: FerrisKeyOptions): WebhookProvider<FerrisKeyEvents> {
  const scheme = schemeOf(options);
  return {
    name: "ferriskey",
    scheme,
    // A token (alone, or as the fallback of `both`) signs no time: only the dedupe retention stops a replay.
    ...(scheme.signsTimestamp ? {} : { replayBound: "retention" as const }),
    events: ferriskeyCatalogue,
    eventType: (payload) => stringField(payload, "event"),
    // No `eventId`: the router dedupes by the body's SHA-256. `x-ferriskey-delivery-id` is the same on
    // every retry but signed by nothing, so a request replayed within the window could carry a new one;
    // the body is signed, sent unchanged on every retry, and its nanosecond timestamp tells events apart.
  };
}
