/**
 * The generic sender's event catalogue: the one list of its event types, each with the `data` it carries.
 * There is no public source: the convention (PROVIDERS.md §7) is the contract, and its `data` shapes are
 * the loosest ones that convention implies.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { shape } from "../kit/shape.js";

/** Every generic event. All of it is signed, `created_at` included. */
export interface GenericEvent<Type extends string, Data> {
  /** `evt_…`: stable across retries, the dedupe key. */
  id: string;
  type: Type;
  /** ISO 8601. Events older than `maxAge` (24 h) are refused as replays. */
  created_at: string;
  data: Data;
}

/** A user (`user.created`, `user.updated`). */
export interface GenericUser {
  id: string;
  email?: string | null;
  name?: string | null;
}

/** A project (`project.created`, `project.updated`). */
export interface GenericProject {
  id: string;
  name?: string;
  owner_id?: string;
}

/** What a `*.deleted` event names. */
export interface GenericDeleted {
  id: string;
}

/** A team membership (`team.member.*`); `role_changed` also says the `previous_role`. */
export interface GenericTeamMember {
  team_id: string;
  user_id: string;
  role?: string;
  previous_role?: string;
}

/** The generic sender's event types (PROVIDERS.md §7) and the `data` each carries. */
export type GenericEventData = {
  "user.created": GenericUser;
  "user.updated": GenericUser;
  "user.deleted": GenericDeleted;
  "project.created": GenericProject;
  "project.updated": GenericProject;
  "project.deleted": GenericDeleted;
  "team.member.added": GenericTeamMember;
  "team.member.removed": GenericTeamMember;
  "team.member.role_changed": GenericTeamMember;
};

/** The generic sender's events: event type → payload. */
export type GenericEvents = {
  [Type in keyof GenericEventData & string]: GenericEvent<Type, GenericEventData[Type]>;
};

// No upstream source: the seed's documented convention (PROVIDERS.md §7) is the contract, and beyond the
// envelope only the ids it names are required.
const user = shape<GenericUser>({
  id: v.string(),
  email: v.nullish(v.string()),
  name: v.nullish(v.string()),
});
const project = shape<GenericProject>({
  id: v.string(),
  name: v.optional(v.string()),
  owner_id: v.optional(v.string()),
});
const deleted = shape<GenericDeleted>({ id: v.string() });
const member = shape<GenericTeamMember>({
  team_id: v.string(),
  user_id: v.string(),
  role: v.optional(v.string()),
  previous_role: v.optional(v.string()),
});

// `maxAge` relies on `created_at`: a value that does not parse would switch the age check off.
const createdAt = isoDate;

/** `{ id, type, created_at, data }` for one event type. */
function genericEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, GenericEvent<Type, Data>> {
  return v.looseObject({
    id: v.pipe(v.string(), v.minLength(1)),
    type: v.literal(type),
    created_at: createdAt,
    data,
  }) as v.GenericSchema<unknown, GenericEvent<Type, Data>>;
}

/**
 * The runtime schemas of the generic sender's events (Standard Schema v1).
 *
 * @example
 * const result = await genericCatalogue["user.created"]["~standard"].validate(body);
 */
export const genericCatalogue: EventCatalogue<GenericEvents> = catalogue<GenericEvents, GenericEventData>(
  genericEvent,
  {
    "user.created": user,
    "user.updated": user,
    "user.deleted": deleted,
    "project.created": project,
    "project.updated": project,
    "project.deleted": deleted,
    "team.member.added": member,
    "team.member.removed": member,
    "team.member.role_changed": member,
  },
);
