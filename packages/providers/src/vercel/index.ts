/**
 * Vercel: `{ id, type, createdAt, region, payload }` signed with `x-vercel-signature`, an HMAC-SHA1.
 *
 * Sources: vercel.com/docs/webhooks ("Securing webhooks": the hex SHA1 HMAC of the body keyed by the webhook's
 * secret, or an integration's client secret), vercel.com/docs/webhooks/webhooks-api ("Payload": `id`, `type`,
 * `createdAt` in ms, `region`, `payload`; "Supported event types"). Vercel publishes no verifying SDK
 * (`@vercel/sdk` 1.28.35 has none): cross-checked against the docs' Node snippet and a vector.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type VercelEvents, vercelCatalogue } from "./events.js";

export type {
  VercelDeploymentPayload,
  VercelEvent,
  VercelEventData,
  VercelEvents,
  VercelProjectPayload,
} from "./events.js";
export { vercelCatalogue } from "./events.js";

/** Options of {@link vercel}. */
export interface VercelOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The webhook's secret (Team Settings → Webhooks, shown once), or your integration's client secret. */
  secret: Secrets;
}

/** 24 h: Vercel publishes no retry schedule; shorter than the 72 h dedupe retention. */
const MAX_AGE_SECONDS = 86_400;

/**
 * Vercel webhooks: `x-vercel-signature: <hex HMAC-SHA1 of the raw body>`, routed by the body's `type`, deduped by
 * the body's `id`; the signed `createdAt` (ms) bounds replays to 24 h (`maxAge`).
 *
 * @example
 * const hooks = createWebhooks({ provider: vercel({ secret: process.env.VERCEL_WEBHOOK_SECRET! }) })
 *   .on("deployment.succeeded", async (event) => { await smokeTest(event.payload.deployment.url) });
 */
export function vercel(options: VercelOptions): WebhookProvider<VercelEvents> {
  return {
    name: "vercel",
    scheme: hmac({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      header: "x-vercel-signature",
      algorithm: "sha1",
    }),
    events: vercelCatalogue,
    eventType: (payload) => stringField(payload, "type"),
    eventId: (payload) => stringField(payload, "id") || undefined,
    eventTime(payload) {
      const createdAt = (payload as { createdAt?: unknown } | null)?.createdAt;
      return typeof createdAt === "number" && Number.isFinite(createdAt) ? createdAt : undefined;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Vercel, as the providers table lists it.
 *
 * @example
 * about.scheme; // "`x-vercel-signature: <hex HMAC-SHA1>` over the body"
 */
export const about: ProviderInfo = {
  name: "vercel",
  preset: "vercel",
  title: "Vercel",
  scheme: "`x-vercel-signature: <hex HMAC-SHA1>` over the body",
  eventId: "body `id` (signed)",
  replay: "signed body `createdAt` within 24 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(vercelCatalogue).length,
  crossCheck: "the docs' Node snippet, a vector (no SDK verifies)",
};
