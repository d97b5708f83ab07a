/**
 * Stack Auth: `{ type, data }` events sent through Svix (hosted, or a self-hosted svix-server).
 * @module
 */
import type { EventCatalogue, Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import { catalogue, stringField } from "./schema-kit.js";
import {
  deletedTeamSchema,
  deletedUserSchema,
  membershipSchema,
  projectPermissionSchema,
  type StackAuthDeletedTeam,
  type StackAuthDeletedUser,
  type StackAuthEvent,
  type StackAuthProjectPermission,
  type StackAuthTeam,
  type StackAuthTeamMembership,
  type StackAuthTeamPermission,
  type StackAuthTestMessage,
  type StackAuthUser,
  stackEvent,
  teamPermissionSchema,
  teamSchema,
  testMessageSchema,
  userSchema,
} from "./stack-auth-schemas.js";

/** Stack Auth's events: event type → payload. */
export type StackAuthEvents = {
  "user.created": StackAuthEvent<"user.created", StackAuthUser>;
  "user.updated": StackAuthEvent<"user.updated", StackAuthUser>;
  "user.deleted": StackAuthEvent<"user.deleted", StackAuthDeletedUser>;
  "team.created": StackAuthEvent<"team.created", StackAuthTeam>;
  "team.updated": StackAuthEvent<"team.updated", StackAuthTeam>;
  "team.deleted": StackAuthEvent<"team.deleted", StackAuthDeletedTeam>;
  "team_membership.created": StackAuthEvent<"team_membership.created", StackAuthTeamMembership>;
  "team_membership.deleted": StackAuthEvent<"team_membership.deleted", StackAuthTeamMembership>;
  "team_permission.created": StackAuthEvent<"team_permission.created", StackAuthTeamPermission>;
  "team_permission.deleted": StackAuthEvent<"team_permission.deleted", StackAuthTeamPermission>;
  "project_permission.created": StackAuthEvent<"project_permission.created", StackAuthProjectPermission>;
  "project_permission.deleted": StackAuthEvent<"project_permission.deleted", StackAuthProjectPermission>;
  "stack.test": StackAuthEvent<"stack.test", StackAuthTestMessage>;
};

/**
 * The runtime schemas of Stack Auth's events (Standard Schema v1), including `project_permission.*` and
 * `stack.test`, which Stack Auth's docs do not list.
 *
 * @example
 * const result = await stackAuthCatalogue["user.created"]["~standard"].validate(body);
 */
export const stackAuthCatalogue: EventCatalogue<StackAuthEvents> = catalogue<StackAuthEvents>({
  "user.created": stackEvent("user.created", userSchema),
  "user.updated": stackEvent("user.updated", userSchema),
  "user.deleted": stackEvent("user.deleted", deletedUserSchema),
  "team.created": stackEvent("team.created", teamSchema),
  "team.updated": stackEvent("team.updated", teamSchema),
  "team.deleted": stackEvent("team.deleted", deletedTeamSchema),
  "team_membership.created": stackEvent("team_membership.created", membershipSchema),
  "team_membership.deleted": stackEvent("team_membership.deleted", membershipSchema),
  "team_permission.created": stackEvent("team_permission.created", teamPermissionSchema),
  "team_permission.deleted": stackEvent("team_permission.deleted", teamPermissionSchema),
  "project_permission.created": stackEvent("project_permission.created", projectPermissionSchema),
  "project_permission.deleted": stackEvent("project_permission.deleted", projectPermissionSchema),
  "stack.test": stackEvent("stack.test", testMessageSchema),
});

/** Options of {@link stackAuth}. */
export interface StackAuthOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** The endpoint's `whsec_…` secret (Stack Auth dashboard → Webhooks; `STACK_WEBHOOK_SECRET`). A list while rotating. */
  secret: Secrets;
}

/**
 * Stack Auth webhooks: Standard Webhooks signatures in `svix-*` headers, deduped by `svix-id`.
 *
 * Ordering quirks to design handlers for: `user.created` carries `selected_team: null` even when a personal
 * team follows as its own `team.created`; creating a team sends no membership or permission events for its
 * creator; deletes do not cascade (deleting a team sends no membership deletions), except that deleting a
 * user also sends one `team_membership.deleted` per team.
 *
 * @example
 * const hooks = createWebhooks({ provider: stackAuth({ secret: process.env.STACK_WEBHOOK_SECRET! }) })
 *   .on("user.created", async (event) => { await db.users.insert(event.data) })
 *   .on("team.created", async (event) => { await db.teams.insert(event.data) });
 */
export function stackAuth(options: StackAuthOptions): WebhookProvider<StackAuthEvents> {
  return {
    name: "stack-auth",
    scheme: standardWebhooks({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      signHeaders: "svix",
    }),
    events: stackAuthCatalogue,
    eventType: (payload) => stringField(payload, "type"),
  };
}
