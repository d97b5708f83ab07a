/**
 * Typeform: `{ event_id, event_type, form_response }` signed with `Typeform-Signature: sha256=<base64>`.
 *
 * Sources: typeform.com/developers/webhooks/secure-your-webhooks (the base64 HMAC-SHA256 of the raw body behind
 * `sha256=`, keyed by the webhook's secret; no header without a secret), `/webhooks/example-payload` (the body),
 * Typeform's help center on webhook delivery (retries every 2–3 minutes for up to 10 hours). `@typeform/api-client`
 * neither signs nor verifies: cross-checked against the docs' Node snippet and a vector.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type TypeformEvents, typeformCatalogue } from "./events.js";

export type { TypeformEvent, TypeformEventData, TypeformEvents, TypeformResponse } from "./events.js";
export { typeformCatalogue } from "./events.js";

/** Options of {@link typeform}. */
export interface TypeformOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The webhook's secret, set on the webhook (Connect → Webhooks → Edit, or the API's `secret`), used as text. */
  secret: Secrets;
}

/** 24 h: longer than Typeform's 10 hours of retries, shorter than the 72 h dedupe retention. */
const MAX_AGE_SECONDS = 86_400;

/**
 * Typeform webhooks: `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw body>`, routed by the body's
 * `event_type`, deduped by its `event_id`; the signed `submitted_at` (or `landed_at`, for a partial response)
 * bounds replays to 24 h (`maxAge`).
 *
 * @example
 * const hooks = createWebhooks({ provider: typeform({ secret: process.env.TYPEFORM_WEBHOOK_SECRET! }) })
 *   .on("form_response", async (event) => { await store(event.form_response.token, event.form_response.answers) });
 */
export function typeform(options: TypeformOptions): WebhookProvider<TypeformEvents> {
  return {
    name: "typeform",
    scheme: hmac({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      header: "typeform-signature",
      prefix: "sha256=",
      encoding: "base64",
    }),
    events: typeformCatalogue,
    eventType: (payload) => stringField(payload, "event_type"),
    eventId: (payload) => stringField(payload, "event_id") || undefined,
    eventTime(payload) {
      const response = (payload as { form_response?: unknown } | null)?.form_response;
      const at = stringField(response, "submitted_at") ?? stringField(response, "landed_at");
      const time = at === undefined ? Number.NaN : Date.parse(at);
      return Number.isNaN(time) ? undefined : time;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Typeform, as the providers table lists it.
 *
 * @example
 * about.scheme; // "`Typeform-Signature: sha256=<base64>` over the body"
 */
export const about: ProviderInfo = {
  name: "typeform",
  preset: "typeform",
  title: "Typeform",
  scheme: "`Typeform-Signature: sha256=<base64>` over the body",
  eventId: "body `event_id` (signed)",
  replay: "signed `submitted_at` within 24 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(typeformCatalogue).length,
  crossCheck: "the docs' Node snippet, a vector (no SDK verifies)",
};
