/**
 * Sentry: integration-platform webhooks, `{ action, installation, data, actor }` signed with
 * `Sentry-Hook-Signature`, the resource named in the unsigned `Sentry-Hook-Resource` header.
 *
 * Sources: getsentry/sentry at 10c5f04e `src/sentry/sentry_apps/models/sentry_app.py` (`build_signature`: hex
 * HMAC-SHA256 of the body keyed by the integration's client secret), `api/serializers/app_platform_event.py` (the
 * body and headers; `Sentry-Hook-Timestamp` and `Request-ID` are not signed), `tasks/sentry_apps.py` (3 retries 5
 * minutes apart on network errors and timeouts), `utils/webhooks.py` (resources and actions);
 * docs.sentry.io integration-platform webhooks. No Sentry SDK verifies: cross-checked against that signing code's
 * algorithm and a vector.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type SentryEvents, sentryCatalogue } from "./events.js";

export type {
  SentryActor,
  SentryEvent,
  SentryEventData,
  SentryEvents,
  SentryInstallation,
  SentryIssue,
} from "./events.js";
export { sentryCatalogue } from "./events.js";

/** Options of {@link sentry}. */
export interface SentryOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The integration's Client Secret (Settings → Developer Settings → the integration), used as text. */
  secret: Secrets;
}

/**
 * Sentry integration webhooks: `Sentry-Hook-Signature: <hex HMAC-SHA256 of the raw body>`, routed as
 * `${Sentry-Hook-Resource}.${action}` (`issue.created`).
 *
 * Only the body is signed: the resource header, `Request-ID` (new on every retry) and `Sentry-Hook-Timestamp`
 * are not. Events are deduped by the body's SHA-256, and the body is validated against the schema of the type
 * the header claims (`issue.*` needs `data.issue`). Nothing signs a time: the preset declares
 * `replayBound: "retention"`.
 *
 * @example
 * const hooks = createWebhooks({ provider: sentry({ secret: process.env.SENTRY_CLIENT_SECRET! }) })
 *   .on("issue.created", async (event) => { await triage(event.data.issue.id) });
 */
export function sentry(options: SentryOptions): WebhookProvider<SentryEvents> {
  return {
    name: "sentry",
    scheme: hmac({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      header: "sentry-hook-signature",
      idHeader: "request-id",
    }),
    events: sentryCatalogue,
    eventType(payload, header) {
      const resource = header("sentry-hook-resource");
      const action = stringField(payload, "action");
      return resource && action !== undefined ? `${resource}.${action}` : undefined;
    },
    // Not `Request-ID`: unsigned, and new on every retry. The router falls back to the signed body's SHA-256.
    eventId: () => undefined,
    replayBound: "retention",
  };
}

/**
 * Sentry, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body SHA-256 (`Request-ID` is unsigned)"
 */
export const about: ProviderInfo = {
  name: "sentry",
  preset: "sentry",
  title: "Sentry",
  scheme: "`Sentry-Hook-Signature: <hex>` over the body",
  eventId: "body SHA-256 (`Request-ID` is unsigned)",
  replay: "dedupe retention only",
  handshake: "— (`installation.created` is an ordinary event)",
  events: Object.keys(sentryCatalogue).length,
  crossCheck: "Sentry's signing code (`node:crypto`), a vector",
};
