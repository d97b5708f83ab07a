/**
 * Twitch EventSub's catalogue: the `{ subscription, event }` notification around the listed subscription types,
 * routed by the signed `subscription.type`. Any other type passes unvalidated.
 *
 * Sources: dev.twitch.tv/docs/eventsub/eventsub-subscription-types (each type's request body example),
 * dev.twitch.tv/docs/eventsub/eventsub-reference (the subscription object and each event's fields, which are
 * optional and which may be `null`).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { type Fields, openString, shape } from "../kit/shape.js";

/** The subscription a message belongs to (EventSub reference "Subscription"). */
export interface TwitchSubscription<Type extends string = string> {
  /** The subscription's id: the same for all its messages, not an event id. */
  id: string;
  /** `enabled` on notifications. */
  status: string;
  type: Type;
  /** The subscription type's version: `"2"` for `channel.follow` and `channel.update`, else `"1"`. */
  version: string;
  cost: number;
  /** What the subscription is scoped to: `{ broadcaster_user_id }`, and more for some types. */
  condition: Record<string, unknown>;
  transport: { method: "webhook" | (string & Record<never, never>); callback?: string };
  /** RFC 3339 with nanoseconds. */
  created_at: string;
}

/** One notification: the subscription, and the event. */
export interface TwitchNotification<Type extends string, Event> {
  subscription: TwitchSubscription<Type>;
  event: Event;
}

/** The broadcaster whose channel the event is about: id, login (lower case) and display name. */
export interface TwitchBroadcaster {
  broadcaster_user_id: string;
  broadcaster_user_login: string;
  broadcaster_user_name: string;
}

/** `channel.follow` v2. */
export interface TwitchChannelFollow extends TwitchBroadcaster {
  user_id: string;
  user_login: string;
  user_name: string;
  /** RFC 3339. */
  followed_at: string;
}

/** `channel.subscribe` v1: a new subscription (not a resubscription). */
export interface TwitchChannelSubscribe extends TwitchBroadcaster {
  user_id: string;
  user_login: string;
  user_name: string;
  /** `1000`, `2000` or `3000`. */
  tier: "1000" | "2000" | "3000" | (string & Record<never, never>);
  is_gift: boolean;
}

/** `channel.update` v2: title, category, language or content labels changed. */
export interface TwitchChannelUpdate extends TwitchBroadcaster {
  title: string;
  /** ISO 639-1, or `other`. */
  language: string;
  category_id: string;
  category_name: string;
  content_classification_labels: string[];
}

/** `channel.raid` v1. */
export interface TwitchChannelRaid {
  from_broadcaster_user_id: string;
  from_broadcaster_user_login: string;
  from_broadcaster_user_name: string;
  to_broadcaster_user_id: string;
  to_broadcaster_user_login: string;
  to_broadcaster_user_name: string;
  viewers: number;
}

/** `channel.cheer` v1: the user fields are `null` for an anonymous cheer. */
export interface TwitchChannelCheer extends TwitchBroadcaster {
  is_anonymous: boolean;
  user_id: string | null;
  user_login: string | null;
  user_name: string | null;
  message: string;
  bits: number;
}

/** `stream.online` v1. */
export interface TwitchStreamOnline extends TwitchBroadcaster {
  /** The stream's id. */
  id: string;
  type: "live" | "playlist" | "watch_party" | "premiere" | "rerun" | (string & Record<never, never>);
  /** RFC 3339. */
  started_at: string;
}

/** `stream.offline` v1. */
export interface TwitchStreamOffline extends TwitchBroadcaster {}

/** `user.update` v1. */
export interface TwitchUserUpdate {
  user_id: string;
  user_login: string;
  user_name: string;
  /** Only with the `user:read:email` scope. */
  email?: string;
  email_verified: boolean;
  description: string;
}

/** The listed subscription types and their `event`. */
export type TwitchEventData = {
  "channel.follow": TwitchChannelFollow;
  "channel.subscribe": TwitchChannelSubscribe;
  "channel.update": TwitchChannelUpdate;
  "channel.raid": TwitchChannelRaid;
  "channel.cheer": TwitchChannelCheer;
  "stream.online": TwitchStreamOnline;
  "stream.offline": TwitchStreamOffline;
  "user.update": TwitchUserUpdate;
};

/** Twitch's events: subscription type → the notification. */
export type TwitchEvents = {
  [Type in keyof TwitchEventData & string]: TwitchNotification<Type, TwitchEventData[Type]>;
};

const subscriptionFields = {
  id: v.string(),
  status: v.string(),
  type: v.string(),
  version: v.string(),
  cost: v.number(),
  condition: v.record(v.string(), v.unknown()),
  transport: v.looseObject({ method: openString<"webhook">(), callback: v.optional(v.string()) }),
  created_at: v.string(),
} satisfies Fields<TwitchSubscription>;

/** `{ subscription, event }` for one subscription type: the subscription's fields, its `type` the literal. */
function twitchNotification<Type extends string, Event>(
  type: Type,
  event: v.GenericSchema<unknown, Event>,
): v.GenericSchema<unknown, TwitchNotification<Type, Event>> {
  const typed = v.looseObject({ ...subscriptionFields, type: v.literal(type) });
  return v.looseObject({ subscription: typed, event }) as unknown as v.GenericSchema<
    unknown,
    TwitchNotification<Type, Event>
  >;
}

const broadcaster = {
  broadcaster_user_id: v.string(),
  broadcaster_user_login: v.string(),
  broadcaster_user_name: v.string(),
} as const;

const user = { user_id: v.string(), user_login: v.string(), user_name: v.string() } as const;

/**
 * The runtime schemas of the listed Twitch subscription types (Standard Schema v1).
 *
 * @example
 * const result = await twitchCatalogue["channel.follow"]["~standard"].validate(body);
 */
export const twitchCatalogue: EventCatalogue<TwitchEvents> = catalogue<TwitchEvents, TwitchEventData>(
  twitchNotification,
  {
    "channel.follow": shape<TwitchChannelFollow>({ ...broadcaster, ...user, followed_at: v.string() }),
    "channel.subscribe": shape<TwitchChannelSubscribe>({
      ...broadcaster,
      ...user,
      tier: openString<"1000" | "2000" | "3000">(),
      is_gift: v.boolean(),
    }),
    "channel.update": shape<TwitchChannelUpdate>({
      ...broadcaster,
      title: v.string(),
      language: v.string(),
      category_id: v.string(),
      category_name: v.string(),
      content_classification_labels: v.array(v.string()),
    }),
    "channel.raid": shape<TwitchChannelRaid>({
      from_broadcaster_user_id: v.string(),
      from_broadcaster_user_login: v.string(),
      from_broadcaster_user_name: v.string(),
      to_broadcaster_user_id: v.string(),
      to_broadcaster_user_login: v.string(),
      to_broadcaster_user_name: v.string(),
      viewers: v.number(),
    }),
    "channel.cheer": shape<TwitchChannelCheer>({
      ...broadcaster,
      is_anonymous: v.boolean(),
      user_id: v.nullable(v.string()),
      user_login: v.nullable(v.string()),
      user_name: v.nullable(v.string()),
      message: v.string(),
      bits: v.number(),
    }),
    "stream.online": shape<TwitchStreamOnline>({
      ...broadcaster,
      id: v.string(),
      type: openString<"live" | "playlist" | "watch_party" | "premiere" | "rerun">(),
      started_at: v.string(),
    }),
    "stream.offline": shape<TwitchStreamOffline>(broadcaster),
    "user.update": shape<TwitchUserUpdate>({
      ...user,
      email: v.optional(v.string()),
      email_verified: v.boolean(),
      description: v.string(),
    }),
  },
);
