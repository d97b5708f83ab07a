/**
 * OpenAI: thin `{ id, object, created_at, type, data: { id } }` events signed with Standard Webhooks headers.
 *
 * Sources: platform.openai.com/docs/guides/webhooks (the secret, the event types, retries with backoff for up to
 * 72 hours); openai-node 6.49.0 `lib/webhooks` / `resources/webhooks` (`webhooks.unwrap` and `verifySignature`:
 * the SDK that verifies, 300 s tolerance, cross-checked both ways) and `tests/api-resources/webhooks.test.ts`
 * (its vector, "taken from a real webhook event").
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { unixSecondsField } from "../kit/unix-seconds.js";
import { type OpenAIEvents, openaiCatalogue } from "./events.js";

export type { OpenAIEvent, OpenAIEventData, OpenAIEvents, OpenAIObjectRef } from "./events.js";
export { openaiCatalogue } from "./events.js";

/** Options of {@link openai}. */
export interface OpenAIOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** The endpoint's `whsec_…` signing secret (platform dashboard → Webhooks, shown once; `OPENAI_WEBHOOK_SECRET`). */
  secret: Secrets;
}

/**
 * OpenAI webhooks: Standard Webhooks `webhook-*` headers with a signed timestamp (±300 s), routed by the body's
 * `type`, deduped by the body's `id` (`evt_…`, signed): OpenAI documents `webhook-id` as a delivery id without
 * saying it survives a retry, and the event's own id is right either way.
 *
 * @example
 * const hooks = createWebhooks({ provider: openai({ secret: process.env.OPENAI_WEBHOOK_SECRET! }) })
 *   .on("response.completed", async (event) => { await fetchResponse(event.data.id) });
 */
export function openai(options: OpenAIOptions): WebhookProvider<OpenAIEvents> {
  return {
    name: "openai",
    scheme: standardWebhooks({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: openaiCatalogue,
    eventType: (payload) => stringField(payload, "type"),
    eventId: (payload) => stringField(payload, "id") || undefined,
    eventTime: (payload) => unixSecondsField(payload, "created_at"),
  };
}

/**
 * OpenAI, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body `id` (`evt_…`, signed)"
 */
export const about: ProviderInfo = {
  name: "openai",
  preset: "openai",
  title: "OpenAI",
  scheme: "Standard Webhooks (`webhook-*` headers)",
  eventId: "body `id` (`evt_…`, signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(openaiCatalogue).length,
  crossCheck: "`openai` (openai-node), its vector",
};
