/**
 * Slack: Events API callbacks, interactivity payloads and slash commands, signed with
 * `X-Slack-Signature: v0=<hex>` over `v0:{timestamp}:{body}`.
 *
 * Sources: api.slack.com/authentication/verifying-requests-from-slack (the signature, the 5-minute window,
 * the published vector), api.slack.com/events/url_verification (the handshake), api.slack.com/interactivity/handling
 * (`payload=` form bodies), api.slack.com/apis/events-api "Failure conditions" (retries, `X-Slack-Retry-Num`),
 * docs.slack.dev/reference/objects/event-object (the envelope); @slack/bolt 5.1.0
 * `dist/receivers/verify-request.js` `verifySlackRequest` (cross-checked both ways) and
 * `dist/receivers/HTTPModuleFunctions.js` (`parseHTTPRequestBody`, `buildUrlVerificationResponse`).
 * @module
 */
import type {
  HandshakeAnswer,
  HeaderReader,
  HmacPresetOptions,
  Secrets,
  WebhookProvider,
} from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { slackDecode } from "./decode.js";
import { type SlackEvents, slackCatalogue } from "./events.js";
import { slackHmac } from "./scheme.js";

export type {
  SlackAppMention,
  SlackAppUninstalled,
  SlackAuthorization,
  SlackEventCallback,
  SlackEventData,
  SlackEvents,
  SlackMemberJoinedChannel,
  SlackReactionAdded,
  SlackTokensRevoked,
} from "./events.js";
export { slackCatalogue } from "./events.js";
export { slackHmac } from "./scheme.js";

/** Options of {@link slack}. */
export interface SlackOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The app's Signing Secret (api.slack.com/apps → the app → Basic Information → App Credentials; `SLACK_SIGNING_SECRET`). */
  secret: Secrets;
}

/**
 * The routing key: an Events API callback's `event.type`, a slash command's `command` (`/deploy`), else the
 * body's `type` (interactivity's `block_actions`, `view_submission`…; `app_rate_limited`).
 */
function slackEventType(payload: unknown): string | undefined {
  if (stringField(payload, "type") === "event_callback") {
    return stringField((payload as { event?: unknown }).event, "type");
  }
  return stringField(payload, "command") ?? stringField(payload, "type");
}

/**
 * Slack's URL verification: a signed `{ type: "url_verification", challenge }`, answered with the
 * challenge as bolt answers it.
 */
function slackHandshake(payload: unknown): HandshakeAnswer | undefined {
  const challenge = stringField(payload, "challenge");
  if (stringField(payload, "type") !== "url_verification" || challenge === undefined) return undefined;
  return {
    kind: "slack.url_verification",
    status: 200,
    contentType: "application/json",
    body: JSON.stringify({ challenge }),
  };
}

/**
 * Slack apps: `X-Slack-Signature` over `v0:{ts}:{body}` with `X-Slack-Request-Timestamp` within ±300 s.
 * Events API callbacks route by `event.type` and dedupe by the signed `event_id` (the same on every retry);
 * interactivity (`payload=<json>` form bodies) routes by the payload's `type` and slash commands by their
 * `command`, both deduped by the body's SHA-256. Answers `url_verification` with its challenge.
 *
 * @example
 * const hooks = createWebhooks({ provider: slack({ secret: process.env.SLACK_SIGNING_SECRET! }) })
 *   .on("app_mention", async (event) => { await reply(event.event.channel, event.event.ts) })
 *   .on("block_actions", async (payload) => { await act(payload) });
 */
export function slack(options: SlackOptions): WebhookProvider<SlackEvents> {
  return {
    name: "slack",
    scheme: slackHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: slackCatalogue,
    eventType: slackEventType,
    // The signed `event_id` for Events API callbacks; interactivity and slash commands carry no id (and
    // are not retried): the body's SHA-256. `X-Slack-Retry-Num` is unsigned and never the id.
    eventId: (payload) => stringField(payload, "event_id") || undefined,
    eventTime(payload) {
      const time = (payload as { event_time?: unknown } | null)?.event_time;
      return typeof time === "number" && Number.isFinite(time) ? time * 1000 : undefined;
    },
    decode: (raw: Uint8Array, request: { header: HeaderReader }) => slackDecode(raw, request),
    handshake: slackHandshake,
  };
}

/**
 * Slack, as the providers table lists it.
 *
 * @example
 * about.handshake; // "`url_verification` (the challenge echoed)"
 */
export const about: ProviderInfo = {
  name: "slack",
  preset: "slack",
  title: "Slack",
  scheme: "`X-Slack-Signature: v0=<hex>` over `v0:{ts}:{body}`",
  eventId: "body `event_id` (signed); else the body's SHA-256",
  replay: "signed timestamp ±300 s",
  handshake: "`url_verification` (the challenge echoed)",
  events: Object.keys(slackCatalogue).length,
  crossCheck: "`@slack/bolt` `verifySlackRequest` + Slack's published vector",
};
