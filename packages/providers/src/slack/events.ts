/**
 * Slack's Events API catalogue: the `event_callback` envelope around the listed inner events, routed by
 * `event.type`. Any other type (another Events API event, an interactivity payload, a slash command) passes
 * unvalidated.
 *
 * Sources: @slack/bolt 5.1.0 `dist/types/events/index.d.ts` (`EnvelopedEvent`), @slack/types 3.2.0
 * `dist/events/*.d.ts` (the inner events), docs.slack.dev/reference/objects/event-object.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** An installation the event is visible to (`Authorization` in bolt's `EnvelopedEvent`). */
export interface SlackAuthorization {
  enterprise_id: string | null;
  team_id: string | null;
  user_id: string;
  is_bot: boolean;
  is_enterprise_install?: boolean;
}

/**
 * The Events API envelope (`EnvelopedEvent`). bolt types `token` as present; it is the deprecated
 * verification token, optional here.
 */
export interface SlackEventCallback<Event> {
  /** Deprecated verification token: authentication is the signature. */
  token?: string;
  team_id: string;
  enterprise_id?: string;
  context_team_id?: string;
  /** `null` outside Enterprise Grid, as Slack sends it (bolt types it `string`). */
  context_enterprise_id?: string | null;
  api_app_id: string;
  event: Event;
  type: "event_callback";
  /** `Ev…`: the same on every retry, the dedupe key. */
  event_id: string;
  /** When the event happened, unix **seconds**. */
  event_time: number;
  is_ext_shared_channel?: boolean;
  authorizations?: SlackAuthorization[];
  /** Older apps: the users the event is visible to. */
  authed_users?: string[];
}

/** `app_mention` (@slack/types `AppMentionEvent`): the fields a handler reads; the rest pass through. */
export interface SlackAppMention {
  type: "app_mention";
  subtype?: string;
  bot_id?: string;
  user?: string;
  text: string;
  /** The message's timestamp, its id within the channel: `"1787234640.000100"`. */
  ts: string;
  channel: string;
  event_ts: string;
  thread_ts?: string;
  client_msg_id?: string;
  team?: string;
  blocks?: Record<string, unknown>[];
}

/** `reaction_added` (@slack/types `ReactionAddedEvent`). */
export interface SlackReactionAdded {
  type: "reaction_added";
  user: string;
  reaction: string;
  item_user: string;
  /** @slack/types types only message items; Slack also reports files, so `type` stays open. */
  item: { type: "message" | (string & Record<never, never>); channel: string; ts: string };
  event_ts: string;
}

/** `member_joined_channel` (@slack/types `MemberJoinedChannelEvent`). */
export interface SlackMemberJoinedChannel {
  type: "member_joined_channel";
  user: string;
  channel: string;
  /** `C` public, `G` private. */
  channel_type: string;
  team: string;
  inviter?: string;
  enterprise?: string;
  event_ts: string;
}

/** `app_uninstalled` (@slack/types `AppUninstalledEvent`): the workspace removed the app. */
export interface SlackAppUninstalled {
  type: "app_uninstalled";
}

/** `tokens_revoked` (@slack/types `TokensRevokedEvent`): the user and bot tokens that no longer work. */
export interface SlackTokensRevoked {
  type: "tokens_revoked";
  tokens: { oauth?: string[]; bot?: string[] };
}

/** The listed Events API event types, each with its inner `event`. */
export type SlackEventData = {
  app_mention: SlackAppMention;
  reaction_added: SlackReactionAdded;
  member_joined_channel: SlackMemberJoinedChannel;
  app_uninstalled: SlackAppUninstalled;
  tokens_revoked: SlackTokensRevoked;
};

/**
 * Slack's events: the listed Events API types in their envelope; any other type (an interactivity
 * payload's `type`, a slash command's `command`) as Slack sent it.
 */
export type SlackEvents = {
  [Type in keyof SlackEventData]: SlackEventCallback<SlackEventData[Type]>;
} & { [type: string]: Record<string, unknown> };

const authorization = shape<SlackAuthorization>({
  enterprise_id: v.nullable(v.string()),
  team_id: v.nullable(v.string()),
  user_id: v.string(),
  is_bot: v.boolean(),
  is_enterprise_install: v.optional(v.boolean()),
});

/** The envelope around one inner event, whose schema holds the `type` literal that routes it. */
function slackEvent<Event>(
  _type: string,
  event: v.GenericSchema<unknown, Event>,
): v.GenericSchema<unknown, SlackEventCallback<Event>> {
  return shape<SlackEventCallback<Event>>({
    token: v.optional(v.string()),
    team_id: v.string(),
    enterprise_id: v.optional(v.string()),
    context_team_id: v.optional(v.string()),
    context_enterprise_id: v.nullish(v.string()),
    api_app_id: v.string(),
    // `shape` cannot see that a schema of the generic `Event` is not nullable; it produces `Event` exactly.
    event: event as never,
    type: v.literal("event_callback"),
    event_id: v.string(),
    event_time: v.number(),
    is_ext_shared_channel: v.optional(v.boolean()),
    authorizations: v.optional(v.array(authorization)),
    authed_users: v.optional(v.array(v.string())),
  });
}

const appMention = shape<SlackAppMention>({
  type: v.literal("app_mention"),
  subtype: v.optional(v.string()),
  bot_id: v.optional(v.string()),
  user: v.optional(v.string()),
  text: v.string(),
  ts: v.string(),
  channel: v.string(),
  event_ts: v.string(),
  thread_ts: v.optional(v.string()),
  client_msg_id: v.optional(v.string()),
  team: v.optional(v.string()),
  blocks: v.optional(v.array(jsonObject)),
});

const reactionAdded = shape<SlackReactionAdded>({
  type: v.literal("reaction_added"),
  user: v.string(),
  reaction: v.string(),
  item_user: v.string(),
  item: v.looseObject({ type: openString<"message">(), channel: v.string(), ts: v.string() }),
  event_ts: v.string(),
});

const memberJoinedChannel = shape<SlackMemberJoinedChannel>({
  type: v.literal("member_joined_channel"),
  user: v.string(),
  channel: v.string(),
  channel_type: v.string(),
  team: v.string(),
  inviter: v.optional(v.string()),
  enterprise: v.optional(v.string()),
  event_ts: v.string(),
});

const appUninstalled = shape<SlackAppUninstalled>({ type: v.literal("app_uninstalled") });

const tokensRevoked = shape<SlackTokensRevoked>({
  type: v.literal("tokens_revoked"),
  tokens: v.looseObject({ oauth: v.optional(v.array(v.string())), bot: v.optional(v.array(v.string())) }),
});

/**
 * The runtime schemas of the listed Slack events (Standard Schema v1).
 *
 * @example
 * const result = await slackCatalogue.app_mention["~standard"].validate(body);
 */
export const slackCatalogue: EventCatalogue<SlackEvents> = catalogue<SlackEvents, SlackEventData>(
  slackEvent,
  {
    app_mention: appMention,
    reaction_added: reactionAdded,
    member_joined_channel: memberJoinedChannel,
    app_uninstalled: appUninstalled,
    tokens_revoked: tokensRevoked,
  },
);
