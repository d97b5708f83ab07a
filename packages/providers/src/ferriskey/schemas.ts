/**
 * The schemas of FerrisKey's payloads. Fields added on `main` after v0.7.2 are optional, so both the
 * released (unsigned) sender and the signing one validate.
 *
 * Checked field by field against the serde structs in ferriskey/ferriskey, at `main` (0b46996f) and at tag
 * v0.7.2: a plain field is always sent; `Option<T>` is sent as `null` or a value, and omitted only under
 * `skip_serializing_if` (optional here); `skip_serializing` fields are never sent; a field on one ref only is
 * optional. Rust enums stay open strings. Nothing here is stricter than the structs.
 * @module
 */
import * as v from "valibot";
import { openString, shape, whenKey } from "../kit/shape.js";
import type {
  FerrisKeyClient,
  FerrisKeyDeviceFlowEvent,
  FerrisKeyRealm,
  FerrisKeyRealmSetting,
  FerrisKeyRedirectUri,
  FerrisKeyRole,
  FerrisKeyUser,
  FerrisKeyWebhook,
  FerrisKeyWebhookSubscriber,
  FerrisKeyWebOrigin,
} from "./types.js";

const id = v.string();
const time = v.string();
const count = v.number();

// libs/ferriskey-domain/src/client/entities/redirect_uri.rs `RedirectUri` (same on v0.7.2).
export const redirectUriSchema: v.GenericSchema<unknown, FerrisKeyRedirectUri> = shape<FerrisKeyRedirectUri>({
  id,
  client_id: id,
  value: v.string(),
  enabled: v.boolean(),
  created_at: time,
  updated_at: time,
});

// libs/ferriskey-domain/src/client/entities/web_origin.rs `WebOrigin` (main only); `value` serialises `into = "String"`.
export const webOriginSchema: v.GenericSchema<unknown, FerrisKeyWebOrigin> = shape<FerrisKeyWebOrigin>({
  id,
  client_id: id,
  value: v.string(),
  created_at: time,
  updated_at: time,
});

// libs/ferriskey-domain/src/client/entities.rs `Client`: `secret` is `Option<Masked<String>>` ("***") on main,
// `Option<String>` on v0.7.2; `require_pkce` is main only.
export const clientSchema: v.GenericSchema<unknown, FerrisKeyClient> = shape<FerrisKeyClient>({
  id,
  enabled: v.boolean(),
  client_id: v.string(),
  secret: v.nullable(v.string()),
  realm_id: id,
  protocol: v.string(),
  public_client: v.boolean(),
  service_account_enabled: v.boolean(),
  direct_access_grants_enabled: v.boolean(),
  oauth_device_code_grant_enabled: v.boolean(),
  require_pkce: v.optional(v.boolean()),
  client_type: openString<"confidential" | "public" | "system">(),
  name: v.string(),
  redirect_uris: v.nullable(v.array(redirectUriSchema)),
  access_token_lifetime: v.nullable(count),
  refresh_token_lifetime: v.nullable(count),
  id_token_lifetime: v.nullable(count),
  temporary_token_lifetime: v.nullable(count),
  maintenance_enabled: v.boolean(),
  maintenance_reason: v.nullable(v.string()),
  maintenance_session_strategy: openString<"terminate" | "expire">(),
  created_at: time,
  updated_at: time,
});

// libs/ferriskey-domain/src/role/entities.rs `Role`; `require_mfa` is main only.
export const roleSchema: v.GenericSchema<unknown, FerrisKeyRole> = shape<FerrisKeyRole>({
  id,
  name: v.string(),
  description: v.nullable(v.string()),
  permissions: v.array(v.string()),
  realm_id: id,
  client_id: v.nullable(id),
  client: v.nullable(clientSchema),
  require_mfa: v.optional(v.boolean()),
  created_at: time,
  updated_at: time,
});

// libs/ferriskey-domain/src/realm/mod.rs `RealmSetting`: `login_aliases` (`LoginAliases`, a list of
// snake_case strings), `require_mfa`, `lockout_*` and `seawatch_pii_mode` are main only.
export const realmSettingSchema: v.GenericSchema<unknown, FerrisKeyRealmSetting> =
  shape<FerrisKeyRealmSetting>({
    id,
    realm_id: id,
    default_signing_algorithm: v.nullable(v.string()),
    user_registration_enabled: v.boolean(),
    forgot_password_enabled: v.boolean(),
    remember_me_enabled: v.boolean(),
    magic_link_enabled: v.boolean(),
    magic_link_ttl: count,
    passkey_enabled: v.boolean(),
    compass_enabled: v.boolean(),
    access_token_lifetime: count,
    refresh_token_lifetime: count,
    id_token_lifetime: count,
    temporary_token_lifetime: count,
    reset_password_template_id: v.nullable(id),
    magic_link_template_id: v.nullable(id),
    email_verification_template_id: v.nullable(id),
    email_verification_enabled: v.boolean(),
    email_verification_ttl_hours: count,
    login_aliases: v.optional(v.array(openString<"username" | "email">())),
    require_mfa: v.optional(v.boolean()),
    updated_at: time,
    lockout_threshold: v.optional(count),
    lockout_duration_seconds: v.optional(count),
    seawatch_pii_mode: v.optional(v.string()),
  });

// libs/ferriskey-domain/src/realm/mod.rs `Realm`; `display_name` is main only. `RealmId` is a newtype: a string.
export const realmSchema: v.GenericSchema<unknown, FerrisKeyRealm> = shape<FerrisKeyRealm>({
  id,
  name: v.string(),
  display_name: v.nullish(v.string()),
  settings: v.nullable(realmSettingSchema),
  created_at: time,
  updated_at: time,
});

// libs/ferriskey-domain/src/user/entities.rs `User`: `client_id`, `roles`, `realm` are
// `skip_serializing_if = "Option::is_none"`; `failed_login_attempts`, `locked_until` are main only.
export const userSchema: v.GenericSchema<unknown, FerrisKeyUser> = shape<FerrisKeyUser>({
  id,
  realm_id: id,
  client_id: v.optional(id),
  username: v.string(),
  firstname: v.nullable(v.string()),
  lastname: v.nullable(v.string()),
  email: v.nullable(v.string()),
  email_verified: v.boolean(),
  enabled: v.boolean(),
  roles: v.optional(v.array(roleSchema)),
  realm: v.optional(realmSchema),
  required_actions: v.array(
    openString<"configure_otp" | "verify_email" | "update_password" | "configure_passkey">(),
  ),
  created_at: time,
  updated_at: time,
  failed_login_attempts: v.optional(count),
  locked_until: v.nullish(time),
});

/** `user.updated` sends a User, or — from `unassign_role` — the Role; a User is the one with `username`. */
export const userOrRoleSchema: v.GenericSchema<unknown, FerrisKeyUser | FerrisKeyRole> = whenKey(
  "username",
  userSchema,
  roleSchema,
);

// core/src/domain/authentication/device_flow/entities.rs `DeviceFlowEventPayload` (same on v0.7.2).
export const deviceFlowSchema: v.GenericSchema<unknown, FerrisKeyDeviceFlowEvent> =
  shape<FerrisKeyDeviceFlowEvent>({
    session_id: id,
    realm_id: id,
    client_id: id,
    status: openString<"pending" | "approved" | "denied" | "expired" | "consumed">(),
    device_code: v.string(),
    user_id: v.nullable(id),
  });

// libs/ferriskey-webhook/src/entities/webhook.rs `Webhook` (`headers`, `secret`: `skip_serializing` on main);
// core/src/domain/webhook/entities/webhook.rs on v0.7.2, which serialises `headers`. Subscribers:
// `webhook_subscriber.rs` `WebhookSubscriber`, `name` a `WebhookTrigger` string.
export const webhookSchema: v.GenericSchema<unknown, FerrisKeyWebhook> = shape<FerrisKeyWebhook>({
  id,
  endpoint: v.string(),
  headers: v.optional(v.record(v.string(), v.string())),
  name: v.nullable(v.string()),
  description: v.nullable(v.string()),
  subscribers: v.array(shape<FerrisKeyWebhookSubscriber>({ id, name: v.string(), webhook_id: id })),
  triggered_at: v.nullable(time),
  updated_at: time,
  created_at: time,
});

/** A UUID string: the `data` of `*.deleted` events that send only the deleted row's id. */
export const uuidSchema: v.GenericSchema<unknown, string> = id;

/** `user.bulk_deleted`: the deleted users' ids. */
export const uuidListSchema: v.GenericSchema<unknown, string[]> = v.array(id);

/** `auth.reset_password`: no data. */
export const nullSchema: v.GenericSchema<unknown, null> = v.null();

/** Events FerrisKey defines but never sends: whatever `data` is, it passes. */
export const unknownSchema: v.GenericSchema<unknown, unknown> = v.unknown();
