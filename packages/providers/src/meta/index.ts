/**
 * Meta webhooks — WhatsApp Cloud API, Messenger, Instagram and other Graph API objects: the raw body signed
 * with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>` keyed by the app secret, after a GET verification request
 * answered with `hub.challenge` when `hub.verify_token` matches.
 *
 * Sources: developers.facebook.com/docs/graph-api/webhooks/getting-started ("Verification Requests", "Validating
 * Payloads", "Event Notifications": retries for 36 hours), developers.facebook.com/docs/messenger-platform/webhooks
 * ("Validate payloads": the escaped-unicode body), developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
 * (the WhatsApp bodies), developers.facebook.com/docs/messenger-platform/reference/webhook-events (Messenger items);
 * fbsamples/whatsapp-api-examples @ de70ee90 `signature-validation-with-webhooks-payloads/app.py` (Meta's own
 * verifier: the raw bytes, hex). Meta publishes no Node verifier and its sender is closed source.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { configError, hmac, WebhookVerificationError } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type MetaEvents, metaCatalogue } from "./events.js";
import { metaSubscribe } from "./subscribe.js";

export type {
  MessengerMessage,
  MessengerMessaging,
  MetaEvent,
  MetaEventData,
  MetaEvents,
  WhatsAppMessage,
  WhatsAppMessagesValue,
  WhatsAppStatus,
} from "./events.js";
export { metaCatalogue } from "./events.js";

/** Options of {@link meta}. */
export interface MetaOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The app's App Secret (App Dashboard → App settings → Basic), as text; a list while rotating. */
  secret: Secrets;
  /** The verify token typed in the dashboard's webhook configuration, for the GET verification request. */
  verifyToken: string;
}

/**
 * 72 h: Meta retries a failed delivery "over the next 36 hours" (getting-started); the item's own time is bounded
 * at twice that, and within the default 72 h dedupe retention.
 */
const MAX_AGE_SECONDS = 72 * 60 * 60;

/**
 * Meta's signature alone: `X-Hub-Signature-256: sha256=<hex>` over the raw body, keyed by the app secret's text.
 *
 * @example
 * const verifier = createVerifier({ scheme: metaHmac({ secret: process.env.META_APP_SECRET! }) });
 */
export function metaHmac(options: HmacPresetOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-hub-signature-256",
    prefix: "sha256=",
  });
}

/** A delivery's entries' `changes[]` and `messaging[]` items, each with its entry's object, id and time. */
function metaItems(payload: unknown): readonly unknown[] {
  const body = (payload ?? {}) as { object?: unknown; entry?: unknown; field?: unknown };
  // One item alone (a test's fixture) is its own batch.
  if (body.entry === undefined && typeof body.field === "string") return [payload];
  if (typeof body.object !== "string" || !Array.isArray(body.entry))
    throw new WebhookVerificationError(
      "invalid_payload",
      "The Meta delivery has no `object` string and `entry` array: it is not what Meta sends.",
      { path: "entry" },
    );
  const items: unknown[] = [];
  for (const entry of body.entry as {
    id?: unknown;
    time?: unknown;
    changes?: unknown;
    messaging?: unknown;
  }[]) {
    const head = { object: body.object, entryId: entry?.id, time: entry?.time };
    if (Array.isArray(entry?.changes)) {
      for (const change of entry.changes as { field?: unknown; value?: unknown }[])
        items.push({ ...head, field: change?.field, value: change?.value });
    }
    if (Array.isArray(entry?.messaging)) {
      for (const value of entry.messaging) items.push({ ...head, field: "messaging", value });
    }
  }
  return items;
}

/** `whatsapp_business_account` routes as `whatsapp`; other objects (`page`, `instagram`, `user`) as they are. */
function metaEventType(item: unknown): string | undefined {
  const object = stringField(item, "object");
  const field = stringField(item, "field");
  if (object === undefined || field === undefined) return undefined;
  return `${object === "whatsapp_business_account" ? "whatsapp" : object}.${field}`;
}

type Item = {
  value?: { messages?: unknown; statuses?: unknown; message?: unknown; timestamp?: unknown };
  time?: unknown;
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * A signed id of the item: the one WhatsApp message's `wamid`, the one status's `wamid:status` (a message gets
 * `sent`, `delivered`, `read`), a Messenger message's `mid`; else `undefined`, and the item's own hash is its id.
 */
function metaEventId(item: unknown): string | undefined {
  const value = (item as Item | null)?.value;
  const messages = list(value?.messages);
  const statuses = list(value?.statuses);
  if (messages.length === 1 && statuses.length === 0) return stringField(messages[0], "id");
  if (statuses.length === 1 && messages.length === 0) {
    const id = stringField(statuses[0], "id");
    const status = stringField(statuses[0], "status");
    return id && status ? `${id}:${status}` : undefined;
  }
  return stringField(value?.message, "mid");
}

/**
 * The item's time, ms: a messaging item's `timestamp` (ms), the newest WhatsApp message or status `timestamp`
 * (seconds, as strings), else its entry's `time` (seconds on Graph entries, ms on Messenger's).
 */
function metaEventTime(item: unknown): number | undefined {
  const value = (item as Item | null)?.value;
  if (typeof value?.timestamp === "number" && Number.isFinite(value.timestamp)) return value.timestamp;
  let newest: number | undefined;
  for (const one of [...list(value?.messages), ...list(value?.statuses)]) {
    const seconds = Number(stringField(one, "timestamp"));
    if (Number.isFinite(seconds) && seconds > 0) newest = Math.max(newest ?? 0, seconds * 1000);
  }
  if (newest !== undefined) return newest;
  const time = (item as Item | null)?.time;
  if (typeof time !== "number" || !Number.isFinite(time)) return undefined;
  return time > 1e12 ? time : time * 1000;
}

/**
 * Meta webhooks (WhatsApp Cloud API, Messenger, Instagram, Graph objects): the signature over the raw body with the
 * app secret; the GET verification answered with `hub.challenge` when `hub.verify_token` matches (403 otherwise);
 * each `entry[].changes[]` / `entry[].messaging[]` item an event of its own, routed as `<object>.<field>`
 * (`whatsapp.messages`, `page.messaging`, `instagram.messaging`, `page.feed`…), deduped by its message id (`wamid`,
 * `mid`) or its own hash, and refused once its own time is 72 h old.
 *
 * @example
 * const hooks = createWebhooks({
 *   provider: meta({ secret: process.env.META_APP_SECRET!, verifyToken: process.env.META_VERIFY_TOKEN! }),
 * }).on("whatsapp.messages", async (event) => { for (const m of event.value.messages ?? []) await reply(m.from) });
 */
export function meta(options: MetaOptions): WebhookProvider<MetaEvents> {
  const verifyToken = options?.verifyToken;
  if (typeof verifyToken !== "string" || verifyToken.trim() === "")
    throw configError(
      "`verifyToken` must be the verify token typed in the app dashboard's webhook settings.",
    );
  return {
    name: "meta",
    scheme: metaHmac({ secret: options.secret, allowShortSecret: options.allowShortSecret }),
    events: metaCatalogue,
    challenge: (request) => metaSubscribe(request, verifyToken),
    split: metaItems,
    eventType: metaEventType,
    eventId: metaEventId,
    eventTime: metaEventTime,
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Meta, as the providers table lists it.
 *
 * @example
 * about.handshake; // "GET `hub.mode=subscribe` + `hub.verify_token` → `hub.challenge`"
 */
export const about: ProviderInfo = {
  name: "meta",
  preset: "meta",
  title: "Meta (WhatsApp Cloud API, Messenger, Instagram)",
  scheme: "`X-Hub-Signature-256: sha256=<hex>` over the body (app secret)",
  eventId: "each item's `wamid` / `mid` (signed); else the item's SHA-256",
  replay: "each item's time within 72 h (`maxAge`), then dedupe",
  handshake: "GET `hub.mode=subscribe` + `hub.verify_token` → `hub.challenge`",
  events: Object.keys(metaCatalogue).length,
  crossCheck: "Meta's Python sample verifier's algorithm (no Node SDK), a documented-format vector",
};
