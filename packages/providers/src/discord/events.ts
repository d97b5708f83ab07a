/**
 * Discord interactions: the body is the Interaction object itself, its kind a number in `type` (1 PING, answered
 * by the preset's handshake; 2–5 the events below), its content in `data`.
 *
 * Sources: discord/discord-api-docs @ c98d64bc `developers/interactions/receiving-and-responding.mdx` ("Interaction
 * Object", "Interaction Type", the data structures of each type); discord/discord-interactions-js @ ed179479
 * `src/index.ts` (`InteractionType`, whose names the event types take).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, shape } from "../kit/shape.js";

/** A user (`User Object`): only what interactions always carry is required. */
export interface DiscordUser {
  /** Snowflake. */
  id: string;
  username: string;
  /** `"0"` for users with a unique username. */
  discriminator?: string;
  global_name?: string | null;
  avatar?: string | null;
  bot?: boolean;
}

/** The invoking member, in a guild (`Guild Member Object`). */
export interface DiscordMember {
  user?: DiscordUser;
  nick?: string | null;
  /** Role snowflakes. */
  roles?: string[];
  /** ISO 8601. */
  joined_at?: string | null;
  /** The member's permissions in the channel, a bit set as a decimal string. */
  permissions?: string;
}

/** An option of a command, nested for subcommands (`Application Command Interaction Data Option Structure`). */
export interface DiscordCommandOption {
  name: string;
  /** `ApplicationCommandOptionType`: 1 subcommand, 2 group, 3 string, 4 integer, 5 boolean, 6 user, … */
  type: number;
  value?: string | number | boolean;
  options?: DiscordCommandOption[];
  /** Set on the option being typed, in an autocomplete interaction. */
  focused?: boolean;
}

/** `data` of a command and of its autocomplete (`Application Command Data Structure`). */
export interface DiscordCommandData {
  /** The command's snowflake. */
  id: string;
  name: string;
  /** 1 slash command, 2 user command, 3 message command, 4 primary entry point. */
  type: number;
  /** Users, members, roles, channels, messages and attachments the options name, by snowflake. */
  resolved?: Record<string, unknown>;
  options?: DiscordCommandOption[];
  guild_id?: string;
  /** The user or message a context-menu command was used on. */
  target_id?: string;
}

/** `data` of a button or select menu (`Message Component Data Structure`). */
export interface DiscordComponentData {
  /** The id the app gave the component. */
  custom_id: string;
  /** 2 button, 3 string select, 5–8 user/role/mentionable/channel select. */
  component_type: number;
  /** The chosen values of a select menu. */
  values?: string[];
  resolved?: Record<string, unknown>;
}

/** `data` of a submitted modal (`Modal Submit Data Structure`). */
export interface DiscordModalData {
  /** The id the app gave the modal. */
  custom_id: string;
  /** The modal's rows or labels with the values typed in. */
  components: Record<string, unknown>[];
}

/** An interaction of `Type` carrying `Data` (`Interaction Structure`). */
export interface DiscordInteraction<Type extends number, Data> {
  /** Snowflake: the dedupe id, signed with the body. */
  id: string;
  application_id: string;
  type: Type;
  data: Data;
  guild_id?: string;
  channel_id?: string;
  /** Partial guild and channel objects. */
  guild?: Record<string, unknown>;
  channel?: Record<string, unknown>;
  /** In a guild; `user` otherwise. */
  member?: DiscordMember;
  user?: DiscordUser;
  /** Answers the interaction through the API for 15 minutes: a credential, never log it. */
  token: string;
  /** Always 1. */
  version: number;
  /** The message a component was on. */
  message?: Record<string, unknown>;
  /** The app's permissions in the channel, a bit set as a decimal string. */
  app_permissions?: string;
  locale?: string;
  guild_locale?: string;
  entitlements?: Record<string, unknown>[];
  authorizing_integration_owners?: Record<string, string>;
  /** 0 guild, 1 bot DM, 2 private channel. */
  context?: number;
  attachment_size_limit?: number;
}

const user = shape<DiscordUser>({
  id: v.string(),
  username: v.string(),
  discriminator: v.optional(v.string()),
  global_name: v.nullish(v.string()),
  avatar: v.nullish(v.string()),
  bot: v.optional(v.boolean()),
});

const member = shape<DiscordMember>({
  user: v.optional(user),
  nick: v.nullish(v.string()),
  roles: v.optional(v.array(v.string())),
  joined_at: v.nullish(v.string()),
  permissions: v.optional(v.string()),
});

const option: v.GenericSchema<unknown, DiscordCommandOption> = shape<DiscordCommandOption>({
  name: v.string(),
  type: v.number(),
  value: v.optional(v.union([v.string(), v.number(), v.boolean()])),
  options: v.optional(v.array(v.lazy(() => option))),
  focused: v.optional(v.boolean()),
});

const command = shape<DiscordCommandData>({
  id: v.string(),
  name: v.string(),
  type: v.number(),
  resolved: v.optional(jsonObject),
  options: v.optional(v.array(option)),
  guild_id: v.optional(v.string()),
  target_id: v.optional(v.string()),
});

const component = shape<DiscordComponentData>({
  custom_id: v.string(),
  component_type: v.number(),
  values: v.optional(v.array(v.string())),
  resolved: v.optional(jsonObject),
});

const modal = shape<DiscordModalData>({
  custom_id: v.string(),
  components: v.array(jsonObject),
});

/** The fields of every interaction but `type` and `data`. */
const common = {
  id: v.string(),
  application_id: v.string(),
  guild_id: v.optional(v.string()),
  channel_id: v.optional(v.string()),
  guild: v.optional(jsonObject),
  channel: v.optional(jsonObject),
  member: v.optional(member),
  user: v.optional(user),
  token: v.string(),
  version: v.number(),
  message: v.optional(jsonObject),
  app_permissions: v.optional(v.string()),
  locale: v.optional(v.string()),
  guild_locale: v.optional(v.string()),
  entitlements: v.optional(v.array(jsonObject)),
  authorizing_integration_owners: v.optional(v.record(v.string(), v.string())),
  context: v.optional(v.number()),
  attachment_size_limit: v.optional(v.number()),
};

/** The interaction types, by the name `discord-interactions` gives them (`InteractionType`). */
export type DiscordEventData = {
  /** A slash, user or message command (`type: 2`). */
  APPLICATION_COMMAND: DiscordInteraction<2, DiscordCommandData>;
  /** A button pressed or a select menu chosen (`type: 3`). */
  MESSAGE_COMPONENT: DiscordInteraction<3, DiscordComponentData>;
  /** An option being typed, asking for suggestions (`type: 4`). */
  APPLICATION_COMMAND_AUTOCOMPLETE: DiscordInteraction<4, DiscordCommandData>;
  /** A modal submitted (`type: 5`). */
  MODAL_SUBMIT: DiscordInteraction<5, DiscordModalData>;
};

/** Discord's interactions: the four typed above, and a type Discord adds later unvalidated (named by its number). */
export type DiscordEvents = { [Type in keyof DiscordEventData]: DiscordEventData[Type] } & {
  [type: string]: unknown;
};

/** The interaction type numbers of the events above. */
export const DISCORD_INTERACTION_TYPES: Readonly<Record<number, keyof DiscordEventData>> = {
  2: "APPLICATION_COMMAND",
  3: "MESSAGE_COMPONENT",
  4: "APPLICATION_COMMAND_AUTOCOMPLETE",
  5: "MODAL_SUBMIT",
};

/** The payload is the whole body. */
function discordEvent<Data>(
  _type: string,
  body: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, Data> {
  return body;
}

/**
 * The runtime schemas of Discord's interactions (Standard Schema v1).
 *
 * @example
 * const result = await discordCatalogue.APPLICATION_COMMAND["~standard"].validate(body);
 */
export const discordCatalogue: EventCatalogue<DiscordEvents> = catalogue<DiscordEvents, DiscordEventData>(
  discordEvent,
  {
    APPLICATION_COMMAND: shape<DiscordInteraction<2, DiscordCommandData>>({
      ...common,
      type: v.literal(2),
      data: command,
    }),
    MESSAGE_COMPONENT: shape<DiscordInteraction<3, DiscordComponentData>>({
      ...common,
      type: v.literal(3),
      data: component,
    }),
    APPLICATION_COMMAND_AUTOCOMPLETE: shape<DiscordInteraction<4, DiscordCommandData>>({
      ...common,
      type: v.literal(4),
      data: command,
    }),
    MODAL_SUBMIT: shape<DiscordInteraction<5, DiscordModalData>>({
      ...common,
      type: v.literal(5),
      data: modal,
    }),
  },
);
