/**
 * GitHub: repository, organization and App webhooks, signed with `X-Hub-Signature-256`.
 *
 * Sources: docs.github.com "Validating webhook deliveries" (the signature, and its test vector: secret
 * "It's a Secret to Everybody", body "Hello, World!"), "Webhook events and payloads" (`X-GitHub-Event`,
 * `X-GitHub-Delivery`, the common objects), "Handling failed webhook deliveries" (GitHub does not retry;
 * redeliveries resend the same body, by hand or through the API, for 3 days); octokit/webhooks.js
 * `@octokit/webhooks-methods` 6.0.0 (the SDK that signs and verifies, cross-checked both ways).
 * @module
 */
import type { EventCatalogue, HmacPresetOptions, Secrets, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { githubCatalogue } from "./events.js";
import type { GitHubEvents } from "./official-types.js";
import { githubHmac } from "./scheme.js";

export type { GitHubEnvelopeEvents, GitHubEventData, GitHubPayload } from "./events.js";
export { githubCatalogue } from "./events.js";
export type { GitHubEvents } from "./official-types.js";
export { githubHmac } from "./scheme.js";

/** Options of {@link github}. */
export interface GitHubOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The webhook's secret (repository or organization Settings → Webhooks, or the App's settings); a list while rotating. */
  secret: Secrets;
}

/**
 * GitHub webhooks: `X-Hub-Signature-256` over the raw body, routed by `X-GitHub-Event` and the body's
 * `action` (`pull_request.opened`; `push`, which has none).
 *
 * `X-GitHub-Event` and `X-GitHub-Delivery` are signed by nothing. The body is: it is validated against the
 * schema of the type the header claims, and events are deduped by its SHA-256, so a captured request
 * replayed with another event header (or delivery id) is a duplicate, not a new event. Nothing signs a time,
 * so a replay is stopped only while the dedupe store remembers the body: the preset declares
 * `replayBound: "retention"`. GitHub does not retry a failed delivery; a redelivery (up to 3 days later)
 * resends the same body and is deduped the same way.
 *
 * @example
 * const hooks = createWebhooks({ provider: github({ secret: process.env.GITHUB_WEBHOOK_SECRET! }) })
 *   .on("push", async (event) => { await deploy(event.repository) })
 *   .on("pull_request.opened", async (event) => { await review(event) });
 */
export function github(options: GitHubOptions): WebhookProvider<GitHubEvents> {
  return {
    name: "github",
    scheme: githubHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    // The runtime catalogue checks the envelope only; the types are GitHub's own when the app has
    // `@octokit/openapi-webhooks-types` installed.
    events: githubCatalogue as unknown as EventCatalogue<GitHubEvents>,
    eventType(payload, header) {
      const event = header("x-github-event");
      if (event === undefined || event === "") return undefined;
      const action = stringField(payload, "action");
      return action === undefined ? event : `${event}.${action}`;
    },
    // Not `X-GitHub-Delivery`: unsigned, a replay could carry a fresh one. The router falls back to the
    // SHA-256 of the signed body, which a redelivery resends unchanged.
    eventId: () => undefined,
    replayBound: "retention",
  };
}

/**
 * GitHub, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body SHA-256 (`X-GitHub-Delivery` is unsigned)"
 */
export const about: ProviderInfo = {
  name: "github",
  preset: "github",
  title: "GitHub",
  scheme: "`X-Hub-Signature-256: sha256=<hex>` over the body",
  eventId: "body SHA-256 (`X-GitHub-Delivery` is unsigned)",
  replay: "dedupe retention only",
  handshake: "— (`ping` is an ordinary event)",
  events: Object.keys(githubCatalogue).length,
  envelopeOnly: true,
  crossCheck: "`@octokit/webhooks-methods`, GitHub's docs vector",
};
