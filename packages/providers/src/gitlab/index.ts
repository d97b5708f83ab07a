/**
 * GitLab: project, group and system webhooks, authenticated by the secret token in `X-Gitlab-Token`, or — where
 * the instance has webhook signing — by Standard Webhooks signatures.
 *
 * Sources: gitlabhq/gitlabhq at 00c78fb8 `doc/user/project/integrations/webhooks.md` (the secret token sent in
 * clear as `X-Gitlab-Token`; `X-Gitlab-Event`, `X-Gitlab-Event-UUID`, `Idempotency-Key`; failing webhooks are
 * disabled temporarily, then permanently after repeated failures), `webhook_events.md` (the bodies), MR !230944
 * (the signing token: `webhook-id` = `Idempotency-Key`, `webhook-timestamp`, `webhook-signature: v1,<base64>`).
 * No GitLab SDK verifies: the token check is the core's `headerToken`, the signature `standardWebhooks`,
 * cross-checked with `svix`.
 * @module
 */
import type { Secrets, Tokens, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { configError, headerToken, standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { whenHeader } from "../kit/when-header.js";
import { type GitLabEvents, gitlabCatalogue } from "./events.js";

export type {
  GitLabEventData,
  GitLabEvents,
  GitLabPipeline,
  GitLabProject,
  GitLabPush,
  GitLabWorkItem,
  GitLabWorkItemAttributes,
} from "./events.js";
export { gitlabCatalogue } from "./events.js";

/** Options of {@link gitlab}: a `token`, a signing `secret`, or both while moving from one to the other. */
export interface GitLabOptions {
  /** The webhook's secret token (the webhook's settings → Secret token), compared whole; a list while rotating. */
  token?: Tokens;
  /** The webhook's signing token, `whsec_…`, where the instance signs webhooks. */
  secret?: Secrets;
  /** Accept a `token` or `secret` under 16 bytes: GitLab lets you choose a short token. */
  allowShortSecret?: boolean;
}

/** The token, the signature, or the signature when a request carries one and the token otherwise. */
function schemeOf(options: GitLabOptions): WebhookScheme {
  const allowShortSecret = options?.allowShortSecret;
  const token =
    options?.token === undefined
      ? undefined
      : headerToken({ header: "x-gitlab-token", token: options.token, allowShortSecret });
  const signed =
    options?.secret === undefined
      ? undefined
      : standardWebhooks({ secret: options.secret, allowShortSecret });
  if (signed && token) return whenHeader("webhook-signature", signed, token);
  const scheme = signed ?? token;
  if (!scheme)
    throw configError("gitlab() needs `token` (the webhook's secret token) or `secret` (its signing token).");
  return scheme;
}

/**
 * GitLab webhooks, routed by the body's `object_kind` (`push`, `merge_request`).
 *
 * With a `token`, nothing is signed: the token proves only that the sender knows it, events are deduped by the
 * body's SHA-256 (`X-Gitlab-Event-UUID` and `Idempotency-Key` are unsigned), and the preset declares
 * `replayBound: "retention"`. With a signing `secret`, the signed `webhook-id` (GitLab's `Idempotency-Key`, kept
 * when a delivery is resent) is the event id and the signed timestamp bounds replays (±300 s).
 *
 * @example
 * const hooks = createWebhooks({ provider: gitlab({ token: process.env.GITLAB_WEBHOOK_TOKEN! }) })
 *   .on("merge_request", async (event) => { await review(event.object_attributes.iid) });
 */
export function gitlab(options: GitLabOptions): WebhookProvider<GitLabEvents> {
  const scheme = schemeOf(options);
  return {
    name: "gitlab",
    scheme,
    ...(scheme.signsTimestamp ? {} : { replayBound: "retention" as const }),
    events: gitlabCatalogue,
    eventType: (payload) => stringField(payload, "object_kind"),
    // No id in the body: with a signing secret the router takes the signed `webhook-id`; with a token alone,
    // the body's SHA-256, as every header a token request carries is unsigned.
  };
}

/**
 * GitLab, as the providers table lists it.
 *
 * @example
 * about.replay; // "dedupe retention (token); signed timestamp ±300 s (signing token)"
 */
export const about: ProviderInfo = {
  name: "gitlab",
  preset: "gitlab",
  title: "GitLab",
  scheme: "`X-Gitlab-Token` (no signature), or Standard Webhooks with a signing token",
  eventId: "body SHA-256 (token); `webhook-id` (signed)",
  replay: "dedupe retention (token); signed timestamp ±300 s (signing token)",
  handshake: "—",
  events: Object.keys(gitlabCatalogue).length,
  crossCheck: "`headerToken` tests; `svix` (signing token)",
};
