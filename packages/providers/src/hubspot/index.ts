/**
 * HubSpot: Webhooks API notifications, a JSON array of events per request, signed with `X-HubSpot-Signature-v3`
 * over the method, the URL, the body and `X-HubSpot-Request-Timestamp`.
 *
 * Sources: developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation and
 * /docs/apps/legacy-apps/authentication/validating-requests (the v3 signature, the 5-minute limit on the
 * timestamp, the client secret), developers.hubspot.com/changelog/introducing-version-3-of-webhook-signatures;
 * HubSpot/hubspot-api-nodejs @ 395cd9bf (npm `@hubspot/api-client` 13.5.0) `src/utils/signature.ts` (the SDK that
 * signs and verifies, cross-checked both ways) and `test/unit/signature.spec.ts` (the notification body).
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { atEndpoint } from "../kit/endpoint-url.js";
import { type HubSpotEvents, hubspotCatalogue } from "./events.js";
import { hubspotHmac } from "./scheme.js";

export type {
  HubSpotChange,
  HubSpotCreation,
  HubSpotDeletion,
  HubSpotEventData,
  HubSpotEvents,
  HubSpotNotification,
  HubSpotPropertyChange,
} from "./events.js";
export { hubspotCatalogue } from "./events.js";
export { hubspotHmac } from "./scheme.js";

/** Options of {@link hubspot}. */
export interface HubSpotOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The app's client secret (developer account → the app → Auth → Client secret; `HUBSPOT_CLIENT_SECRET`), as text. */
  secret: Secrets;
  /**
   * The target URL as set in the app's webhook settings, when a proxy hides it from the server and the router's
   * `publicUrl` / `trustProxy` cannot rebuild it (no query: the request's own query is signed as it arrives).
   * Default: the request's public URL.
   */
  url?: string;
}

/** The notifications of a request: the array; one notification alone (a test's fixture) is its own batch. */
function notifications(payload: unknown): readonly unknown[] {
  return Array.isArray(payload) ? payload : [payload];
}

/** A number field of a notification, as text; `undefined` when absent. */
function numberText(item: unknown, key: string): string | undefined {
  const value =
    typeof item === "object" && item !== null ? (item as Record<string, unknown>)[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

/**
 * HubSpot webhooks (v3 signatures): each notification of a request typed by its `subscriptionType`, deduped by its
 * signed `portalId`, `subscriptionId` and `eventId` together, and handled on its own, so a request that failed on
 * one notification and is retried runs only that one again. The signed timestamp must be within ±300 s, as HubSpot
 * requires (it refuses more than 5 minutes).
 *
 * @example
 * const hooks = createWebhooks({ provider: hubspot({ secret: process.env.HUBSPOT_CLIENT_SECRET! }) })
 *   .on("contact.propertyChange", async (change) => { await sync(change.objectId, change.propertyName, change.propertyValue) });
 */
export function hubspot(options: HubSpotOptions): WebhookProvider<HubSpotEvents> {
  return {
    name: "hubspot",
    scheme: atEndpoint(
      "hubspot",
      hubspotHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
      options?.url,
    ),
    events: hubspotCatalogue,
    split: notifications,
    eventType(item) {
      const type = (item as { subscriptionType?: unknown } | null)?.subscriptionType;
      return typeof type === "string" ? type : undefined;
    },
    // Signed fields of the notification. HubSpot does not promise `eventId` unique on its own: with the account
    // and the subscription it names one notification. `attemptNumber` changes on each retry and is left out.
    eventId(item) {
      const event = numberText(item, "eventId");
      const portal = numberText(item, "portalId");
      const subscription = numberText(item, "subscriptionId");
      return event && portal && subscription ? `${portal}:${subscription}:${event}` : undefined;
    },
    eventTime(item) {
      const ms = (item as { occurredAt?: unknown } | null)?.occurredAt;
      return typeof ms === "number" && Number.isFinite(ms) ? ms : undefined;
    },
  };
}

/**
 * HubSpot, as the providers table lists it.
 *
 * @example
 * about.eventId; // "each notification's `portalId:subscriptionId:eventId` (signed)"
 */
export const about: ProviderInfo = {
  name: "hubspot",
  preset: "hubspot",
  title: "HubSpot (Webhooks API, v3 signatures)",
  scheme: "`X-HubSpot-Signature-v3` (base64) over `{method}{url}{body}{timestamp}`, URL-bound",
  eventId: "each notification's `portalId:subscriptionId:eventId` (signed)",
  replay: "signed timestamp (ms) ±300 s",
  handshake: "—",
  events: Object.keys(hubspotCatalogue).length,
  crossCheck: "`@hubspot/api-client` `Signature.isValid` / `getSignature` (v3), both ways",
};
