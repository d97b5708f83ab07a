/**
 * Polar: `{ type, timestamp, data }` signed with Standard Webhooks headers, keyed by the secret's UTF-8 text.
 *
 * Sources: polarsource/polar at c6c3645e `server/polar/webhook/tasks.py` (the sender: `webhook-*` headers, the
 * key `base64(secret.encode("utf-8"))` handed to `standardwebhooks`, so the HMAC key is the whole secret's UTF-8
 * bytes, `whsec_` included; 10 attempts with exponential backoff capped at 20 min), `webhooks.py` (the body),
 * `models/webhook_endpoint.py` (the event types, the `raw`/`discord`/`slack` formats); docs
 * `integrate/webhooks/delivery.mdx`; `@polar-sh/sdk` 0.49.0 `webhooks.validateEvent` (the SDK that verifies,
 * cross-checked both ways).
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { configError, standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type PolarEvents, polarCatalogue } from "./events.js";

export type {
  PolarCustomer,
  PolarEvent,
  PolarEventData,
  PolarEvents,
  PolarOrder,
  PolarResource,
  PolarSubscription,
} from "./events.js";
export { polarCatalogue } from "./events.js";

/** Options of {@link polar}. */
export interface PolarOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** The endpoint's secret as shown (`whsec_…`; Polar → Settings → Webhooks; `POLAR_WEBHOOK_SECRET`), used as text. */
  secret: Secrets;
}

const encoder = new TextEncoder();

/** Polar's key: the secret's UTF-8 bytes, never its base64 decoding. */
function keyBytes(secret: unknown): unknown {
  if (typeof secret !== "string") return secret;
  // As the core refuses them for every scheme: the bytes of a bare prefix would otherwise pass as a key.
  if (secret.replace(/^wh(sec|sk|pk)_/, "").trim() === "") {
    throw configError(
      "`secret` is blank or a bare prefix, so guessable: copy the endpoint's secret from Polar again.",
    );
  }
  return encoder.encode(secret);
}

/**
 * Polar webhooks: Standard Webhooks `webhook-*` headers, deduped by the signed `webhook-id` (Polar's delivery
 * event id, the same on every retry and redelivery), routed by the body's `type`.
 *
 * Unlike other Standard Webhooks senders, Polar keys the HMAC with the UTF-8 bytes of the whole secret string
 * (`whsec_` included), not its base64 decoding: the preset does so. An endpoint in the `discord` or `slack`
 * format sends chat messages without `type`: they are refused (`invalid_payload`); use the `raw` format.
 *
 * @example
 * const hooks = createWebhooks({ provider: polar({ secret: process.env.POLAR_WEBHOOK_SECRET! }) })
 *   .on("order.paid", async (event) => { await grant(event.data.customer_id) });
 */
export function polar(options: PolarOptions): WebhookProvider<PolarEvents> {
  const secret = options?.secret;
  return {
    name: "polar",
    scheme: standardWebhooks({
      secret: (Array.isArray(secret) ? secret.map(keyBytes) : keyBytes(secret)) as Secrets,
      allowShortSecret: options?.allowShortSecret,
    }),
    events: polarCatalogue,
    eventType: (payload) => stringField(payload, "type"),
  };
}

/**
 * Polar, as the providers table lists it.
 *
 * @example
 * about.scheme; // "Standard Webhooks (`webhook-*`), key = the secret's UTF-8 text"
 */
export const about: ProviderInfo = {
  name: "polar",
  preset: "polar",
  title: "Polar",
  scheme: "Standard Webhooks (`webhook-*`), key = the secret's UTF-8 text",
  eventId: "`webhook-id` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(polarCatalogue).length,
  crossCheck: "`@polar-sh/sdk`, a vector",
};
