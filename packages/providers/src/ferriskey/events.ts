/**
 * FerrisKey's event catalogue: the one list of its event types (`libs/ferriskey-webhook/src/entities/webhook_trigger.rs`),
 * each with the `data` FerrisKey sends with it.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import {
  clientSchema,
  deviceFlowSchema,
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
} from "./schemas.js";
import type {
  FerrisKeyClient as Client,
  FerrisKeyDeviceFlowEvent as DeviceFlow,
  FerrisKeyEvent,
  FerrisKeyRealm as Realm,
  FerrisKeyRealmSetting as RealmSetting,
  FerrisKeyRedirectUri as RedirectUri,
  FerrisKeyRole as Role,
  FerrisKeyUser as User,
  FerrisKeyWebhook as Webhook,
  FerrisKeyWebOrigin as WebOrigin,
} from "./types.js";

/** FerrisKey's 35 event types and the `data` each carries: what FerrisKey actually sends, not what the name says. */
export type FerrisKeyEventData = {
  "user.created": User;
  "user.email_verified": User;
  /** A User from an update — **or the Role** that `unassign_role` removed (it sends this, not `user.role.unassigned`). */
  "user.updated": User | Role;
  /** The user as it was before deletion. */
  "user.deleted": User;
  /** The Role only: no user id anywhere in the payload. */
  "user.role.assigned": Role;
  /** Never sent: role removal arrives as `user.updated` with the Role. */
  "user.role.unassigned": unknown;
  /** The deleted users' ids. */
  "user.bulk_deleted": string[];
  /** Never sent. */
  "user.credentials.deleted": unknown;
  /** No data; `resource_id` is the **user** id here. */
  "auth.reset_password": null;
  /** `device_code` is the raw UUID. */
  "auth.device_flow.initiated": DeviceFlow;
  /** `device_code` is the SHA-256 hex of the UUID's 16 bytes. */
  "auth.device_flow.denied": DeviceFlow;
  "auth.device_flow.expired": DeviceFlow;
  "client.created": Client;
  "client.updated": Client;
  /** The deleted client's id. */
  "client.deleted": string;
  /** Never sent: client roles emit `role.created`. */
  "client.role.created": unknown;
  /** Never sent. */
  "client.role.updated": unknown;
  "redirect_uri.created": RedirectUri;
  "redirect_uri.updated": RedirectUri;
  /** The deleted URI's id. */
  "redirect_uri.deleted": string;
  /** main only. */
  "web_origin.created": WebOrigin;
  /** main only; the deleted origin's id. */
  "web_origin.deleted": string;
  "role.created": Role;
  "role.updated": Role;
  "role.permission.updated": Role;
  /** The role as it was before deletion. */
  "role.deleted": Role;
  /**
   * Sent **only when a realm is deleted**, with the realm as it was: `create_realm` sends nothing and
   * `delete_realm` uses this trigger. Read it as "this realm is being deleted".
   */
  "realm.created": Realm;
  "realm.updated": Realm;
  /** Never sent: realm deletion arrives as `realm.created`. */
  "realm.deleted": unknown;
  "realm.settings.updated": RealmSetting;
  /** Up to v0.7.2 `data.headers` can hold a stored credential: never log whole. */
  "webhook.created": Webhook;
  "webhook.updated": Webhook;
  "webhook.deleted": Webhook;
  /** The client as it was **before** maintenance was enabled. */
  "client.maintenance.enabled": Client;
  /** The client as it was **before** maintenance was disabled. */
  "client.maintenance.disabled": Client;
};
/** FerrisKey's events: event type → payload. */
export type FerrisKeyEvents = {
  [Type in keyof FerrisKeyEventData & string]: FerrisKeyEvent<Type, FerrisKeyEventData[Type]>;
};

/**
 * `{ event, timestamp, resource_id, data }` for one event type: libs/ferriskey-webhook/src/entities/webhook_payload.rs
 * `WebhookPayload<T>`. Its `data` is `Option<T>`, yet every `WebhookPayload::new` call site passes `Some(…)`
 * except `auth.reset_password` (`None::<()>`, core/src/domain/trident/services.rs): `data` is typed per event.
 */
function ferriskeyEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, FerrisKeyEvent<Type, Data>> {
  // RFC 3339 `timestamp` and UUID `resource_id`, both strings (webhook_payload.rs).
  return v.looseObject({
    event: v.literal(type),
    timestamp: v.string(),
    resource_id: v.string(),
    data,
  }) as v.GenericSchema<unknown, FerrisKeyEvent<Type, Data>>;
}

/**
 * The runtime schemas of FerrisKey's events (Standard Schema v1).
 *
 * @example
 * const result = await ferriskeyCatalogue["user.created"]["~standard"].validate(body);
 */
export const ferriskeyCatalogue: EventCatalogue<FerrisKeyEvents> = catalogue<
  FerrisKeyEvents,
  FerrisKeyEventData
>(ferriskeyEvent, {
  "user.created": userSchema,
  "user.email_verified": userSchema,
  "user.updated": userOrRoleSchema,
  "user.deleted": userSchema,
  "user.role.assigned": roleSchema,
  "user.role.unassigned": unknownSchema,
  "user.bulk_deleted": uuidListSchema,
  "user.credentials.deleted": unknownSchema,
  "auth.reset_password": nullSchema,
  "auth.device_flow.initiated": deviceFlowSchema,
  "auth.device_flow.denied": deviceFlowSchema,
  "auth.device_flow.expired": deviceFlowSchema,
  "client.created": clientSchema,
  "client.updated": clientSchema,
  "client.deleted": uuidSchema,
  "client.role.created": unknownSchema,
  "client.role.updated": unknownSchema,
  "redirect_uri.created": redirectUriSchema,
  "redirect_uri.updated": redirectUriSchema,
  "redirect_uri.deleted": uuidSchema,
  "web_origin.created": webOriginSchema,
  "web_origin.deleted": uuidSchema,
  "role.created": roleSchema,
  "role.updated": roleSchema,
  "role.permission.updated": roleSchema,
  "role.deleted": roleSchema,
  "realm.created": realmSchema,
  "realm.updated": realmSchema,
  "realm.deleted": unknownSchema,
  "realm.settings.updated": realmSettingSchema,
  "webhook.created": webhookSchema,
  "webhook.updated": webhookSchema,
  "webhook.deleted": webhookSchema,
  "client.maintenance.enabled": clientSchema,
  "client.maintenance.disabled": clientSchema,
});
