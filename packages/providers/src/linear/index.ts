/**
 * Linear: `{ action, type, data, createdAt, organizationId, webhookId, webhookTimestamp, url?, updatedFrom? }`
 * signed with `Linear-Signature: <hex HMAC-SHA256 of the body>`.
 *
 * Sources: `@linear/sdk` 98.0.0 (`dist/webhooks-*.mjs` `LinearWebhookClient.verify`: the hex HMAC of the raw
 * body, `webhookTimestamp` within ±60 s; `dist/index.d.mts` `EntityWebhookPayload` and the `*WebhookPayload`
 * classes); linear/linear at 8335e09a `packages/sdk/src/webhooks/{client,types}.ts`;
 * developers.linear.app/docs/graphql/webhooks (the headers, the secret, retries after 1 min, 1 h and 6 h).
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type LinearEvents, linearCatalogue } from "./events.js";
import { linearHmac } from "./scheme.js";

export type { LinearEventData, LinearEvents } from "./events.js";
export { linearCatalogue } from "./events.js";
export { linearHmac } from "./scheme.js";
export type {
  LinearComment,
  LinearEvent,
  LinearIssue,
  LinearIssueLabel,
  LinearIssueRef,
  LinearLabelRef,
  LinearProject,
  LinearProjectRef,
  LinearProjectStatusRef,
  LinearStateRef,
  LinearTeamRef,
  LinearUserRef,
} from "./types.js";

/** How long after `webhookTimestamp` a delivery is accepted: `LinearWebhookClient.verify`'s 60 s. */
const MAX_AGE_SECONDS = 60;

/** Options of {@link linear}. */
export interface LinearOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The webhook's `lin_wh_…` signing secret (Settings → API → Webhooks → the webhook; `LINEAR_WEBHOOK_SECRET`). */
  secret: Secrets;
}

/**
 * Linear webhooks: `Linear-Signature` over the body, routed by `${type}.${action}` (`Issue.create`), refused
 * when the signed `webhookTimestamp` is more than 60 s old (as Linear's SDK does), deduped by the signed
 * webhook, event, entity and `createdAt`.
 *
 * @example
 * const hooks = createWebhooks({ provider: linear({ secret: process.env.LINEAR_WEBHOOK_SECRET! }) })
 *   .on("Issue.create", async (event) => { await triage(event.data.identifier, event.data.title) })
 *   .on("Comment.create", async (event) => { await notify(event.data.issue?.identifier, event.data.body) });
 */
export function linear(options: LinearOptions): WebhookProvider<LinearEvents> {
  return {
    name: "linear",
    scheme: linearHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: linearCatalogue,
    eventType(payload) {
      const type = stringField(payload, "type");
      const action = stringField(payload, "action");
      return type && action ? `${type}.${action}` : undefined;
    },
    eventId(payload) {
      // All signed. A retry is re-stamped (`webhookTimestamp`), so the body's hash differs per attempt; the
      // unsigned `Linear-Delivery` header never counts. `createdAt` is when the payload was made, once.
      const webhook = stringField(payload, "webhookId");
      const type = stringField(payload, "type");
      const createdAt = stringField(payload, "createdAt");
      if (!webhook || !type || !createdAt) return undefined;
      const entity = stringField((payload as { data?: unknown }).data, "id") ?? "";
      return `${webhook} ${type}.${stringField(payload, "action") ?? ""} ${entity} ${createdAt}`;
    },
    eventTime(payload) {
      const sent = (payload as { webhookTimestamp?: unknown } | null)?.webhookTimestamp;
      return typeof sent === "number" && Number.isFinite(sent) ? sent : undefined;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Linear, as the providers table lists it.
 *
 * @example
 * about.replay; // "signed body `webhookTimestamp` within 60 s (`maxAge`), then dedupe"
 */
export const about: ProviderInfo = {
  name: "linear",
  preset: "linear",
  title: "Linear",
  scheme: "`Linear-Signature: <hex>` over the body",
  eventId: "body `webhookId`, `type`, `action`, `data.id`, `createdAt` (signed)",
  replay: "signed body `webhookTimestamp` within 60 s (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(linearCatalogue).length,
  crossCheck: "`@linear/sdk` (`LinearWebhookClient`)",
};
