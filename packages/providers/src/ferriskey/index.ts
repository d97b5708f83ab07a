/**
 * FerrisKey: `{ event, timestamp, resource_id, data }`, signed on `main` (hex HMAC over `${ts}.${body}`),
 * unsigned with admin-configured headers on every release up to v0.7.2.
 *
 * Sources: ferriskey/ferriskey at `main` (0b46996f) and tag v0.7.2: `libs/ferriskey-webhook/src/signing.rs`
 * and `src/endpoint.rs` (the signature, its headers), `src/entities/{webhook_payload,webhook_trigger,webhook,webhook_subscriber}.rs`
 * (the envelope and the event types), `core/src/infrastructure/webhook/{delivery,retry}.rs` (retries),
 * `core/src/domain/{user,client,role,realm,maintenance,trident}/services.rs` and
 * `core/src/domain/authentication/device_flow/{services,entities}.rs` (what each event carries),
 * `libs/ferriskey-domain/src/**` (the payload structs), `core/migrations/20260819150000_harden_webhook_delivery.up.sql`
 * (the signing secret). The signature is cross-checked against the vector in PROVIDERS.md §4 and node:crypto.
 * @module
 */
import type { Tokens, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { configError, headerToken, hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { whenHeader } from "../kit/when-header.js";
import { type FerrisKeyEvents, ferriskeyCatalogue } from "./events.js";

export type { FerrisKeyEventData, FerrisKeyEvents } from "./events.js";
export { ferriskeyCatalogue } from "./events.js";
export type {
  FerrisKeyClient,
  FerrisKeyDeviceFlowEvent,
  FerrisKeyEvent,
  FerrisKeyRealm,
  FerrisKeyRealmSetting,
  FerrisKeyRedirectUri,
  FerrisKeyRole,
  FerrisKeyUser,
  FerrisKeyWebhook,
  FerrisKeyWebhookSubscriber,
  FerrisKeyWebOrigin,
} from "./types.js";

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
    throw configError(
      "ferriskey() needs `secret` (FerrisKey main signs deliveries), `token` (releases up to v0.7.2 send only the custom headers you configured), or both while migrating.",
    );
  }
  if (token !== undefined && RESERVED.test(token.header?.trim() ?? "")) {
    throw configError(
      `\`token.header\` cannot be \`${token.header}\`: FerrisKey refuses to send a custom header with that name.`,
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

/**
 * FerrisKey, as the providers table lists it.
 *
 * @example
 * about.replay; // "signed timestamp ±300 s (`secret`); dedupe retention (`token`)"
 */
export const about: ProviderInfo = {
  name: "ferriskey",
  preset: "ferriskey",
  title: "FerrisKey",
  scheme: "hex HMAC-SHA256 over `{ts}.{body}` (`main`); a static header token (≤ v0.7.2)",
  eventId: "body SHA-256 (the delivery id is unsigned)",
  replay: "signed timestamp ±300 s (`secret`); dedupe retention (`token`)",
  handshake: "—",
  events: Object.keys(ferriskeyCatalogue).length,
  crossCheck: "PROVIDERS.md §4 vector, `node:crypto`",
};
