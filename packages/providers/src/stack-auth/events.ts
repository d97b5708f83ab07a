/**
 * Stack Auth's event catalogue: the one list of its event types, each with the `data` it carries.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import {
  deletedTeamSchema,
  deletedUserSchema,
  membershipSchema,
  projectPermissionSchema,
  type StackAuthDeletedTeam,
  type StackAuthDeletedUser,
  type StackAuthProjectPermission,
  type StackAuthTeam,
  type StackAuthTeamMembership,
  type StackAuthTeamPermission,
  type StackAuthTestMessage,
  type StackAuthUser,
  teamPermissionSchema,
  teamSchema,
  testMessageSchema,
  userSchema,
} from "./payloads.js";

/** Every Stack Auth event: `{ type, data }`, nothing else (no id, no timestamp: those are the `svix-*` headers). */
export interface StackAuthEvent<Type extends string, Data> {
  type: Type;
  data: Data;
}

/**
 * Stack Auth's event types and the `data` each carries, including `project_permission.*` and `stack.test`,
 * which Stack Auth's docs do not list (`packages/stack-shared/src/interface/webhooks.ts`).
 */
export type StackAuthEventData = {
  "user.created": StackAuthUser;
  "user.updated": StackAuthUser;
  "user.deleted": StackAuthDeletedUser;
  "team.created": StackAuthTeam;
  "team.updated": StackAuthTeam;
  "team.deleted": StackAuthDeletedTeam;
  "team_membership.created": StackAuthTeamMembership;
  "team_membership.deleted": StackAuthTeamMembership;
  "team_permission.created": StackAuthTeamPermission;
  "team_permission.deleted": StackAuthTeamPermission;
  "project_permission.created": StackAuthProjectPermission;
  "project_permission.deleted": StackAuthProjectPermission;
  "stack.test": StackAuthTestMessage;
};

/** Stack Auth's events: event type → payload. */
export type StackAuthEvents = {
  [Type in keyof StackAuthEventData & string]: StackAuthEvent<Type, StackAuthEventData[Type]>;
};

/** `{ type, data }` for one event type: the `payload` apps/backend/src/lib/webhooks.tsx hands to Svix. */
function stackEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, StackAuthEvent<Type, Data>> {
  return v.looseObject({ type: v.literal(type), data }) as v.GenericSchema<
    unknown,
    StackAuthEvent<Type, Data>
  >;
}

/**
 * The runtime schemas of Stack Auth's events (Standard Schema v1).
 *
 * @example
 * const result = await stackAuthCatalogue["user.created"]["~standard"].validate(body);
 */
export const stackAuthCatalogue: EventCatalogue<StackAuthEvents> = catalogue<
  StackAuthEvents,
  StackAuthEventData
>(stackEvent, {
  "user.created": userSchema,
  "user.updated": userSchema,
  "user.deleted": deletedUserSchema,
  "team.created": teamSchema,
  "team.updated": teamSchema,
  "team.deleted": deletedTeamSchema,
  "team_membership.created": membershipSchema,
  "team_membership.deleted": membershipSchema,
  "team_permission.created": teamPermissionSchema,
  "team_permission.deleted": teamPermissionSchema,
  "project_permission.created": projectPermissionSchema,
  "project_permission.deleted": projectPermissionSchema,
  "stack.test": testMessageSchema,
});
