/**
 * Stack Auth's payload types and their schemas, as its backend builds them (`userPrismaToCrud`,
 * `teamPrismaToCrud` in stack-auth/stack-auth). All times are epoch milliseconds.
 *
 * Checked field by field against the yup schemas Stack Auth declares for each webhook event
 * (stack-auth/stack-auth at 2f719903, `packages/stack-shared/src/interface/crud/*.ts`, field schemas in
 * `packages/stack-shared/src/schema-fields.ts`): a key without `.defined()` may be missing, `.nullable()` may
 * be `null`, and `oneOf` enums stay open. Fields the upstream schema marks `.defined()` but older deployments
 * do not send (everything on a user after `passkey_auth_enabled`) are optional here. Nothing here is stricter.
 * @module
 */
import * as v from "valibot";
import { openString, shape } from "../kit/shape.js";

/**
 * A team, as `team.created` / `team.updated` and a user's `selected_team` carry it. The metadata keys are
 * `.optional()` in `teamsCrudServerReadSchema`: a team may come without them.
 */
export interface StackAuthTeam {
  /** UUID. */
  id: string;
  display_name: string;
  profile_image_url: string | null;
  /** Epoch ms. */
  created_at_millis: number;
  /** Any JSON, or `null`. */
  client_metadata?: unknown;
  client_read_only_metadata?: unknown;
  server_metadata?: unknown;
}

/** An OAuth account linked to a user. `id` is the provider config id, e.g. `github`. */
export interface StackAuthOAuthProvider {
  id: string;
  account_id: string;
  /** `yupString().nullable()` without `.defined()`: missing or `null` when the provider shares no email. */
  email?: string | null;
}

/** Why a user is restricted. */
export interface StackAuthRestrictedReason {
  type: "anonymous" | "email_not_verified" | "restricted_by_administrator" | (string & Record<never, never>);
}

/** Sign-up risk scores, integers 0–100. */
export interface StackAuthRiskScores {
  sign_up: { bot: number; free_trial_abuse: number };
}

/**
 * The full server-side user, as `user.created` / `user.updated` carry it. Fields after
 * `passkey_auth_enabled` are missing from older deployments and self-hosted instances.
 */
export interface StackAuthUser {
  /** UUID. */
  id: string;
  display_name: string | null;
  primary_email: string | null;
  primary_email_verified: boolean;
  primary_email_auth_enabled: boolean;
  /** A URL, possibly a `data:` URL. */
  profile_image_url: string | null;
  /** Epoch ms. */
  signed_up_at_millis: number;
  /** Epoch ms. */
  last_active_at_millis: number;
  /** Any JSON, or `null`. */
  client_metadata: unknown;
  client_read_only_metadata: unknown;
  server_metadata: unknown;
  has_password: boolean;
  otp_auth_enabled: boolean;
  passkey_auth_enabled: boolean;
  /** @deprecated Hidden in Stack Auth's docs, still sent. */
  auth_with_email?: boolean;
  /** @deprecated Hidden in Stack Auth's docs, still sent. */
  requires_totp_mfa?: boolean;
  oauth_providers?: StackAuthOAuthProvider[];
  selected_team_id?: string | null;
  /** `null` on `user.created` even when a personal team follows in its own `team.created`. */
  selected_team?: StackAuthTeam | null;
  /** Since 2025-03. An anonymous user who later signs up sends `user.updated`, not `user.created`. */
  is_anonymous?: boolean;
  /** Since 2026-01. */
  is_restricted?: boolean;
  restricted_reason?: StackAuthRestrictedReason | null;
  /** Since 2026-02. */
  restricted_by_admin?: boolean;
  restricted_by_admin_reason?: string | null;
  restricted_by_admin_private_details?: string | null;
  /** ISO 3166 alpha-2, since 2026-03. */
  country_code?: string | null;
  /** Since 2026-03. */
  risk_scores?: StackAuthRiskScores;
}

/** `user.deleted`: the user's id and the teams it was in. */
export interface StackAuthDeletedUser {
  id: string;
  teams: { id: string }[];
}

/** `team.deleted`. */
export interface StackAuthDeletedTeam {
  id: string;
}

/** `team_membership.*`. */
export interface StackAuthTeamMembership {
  team_id: string;
  user_id: string;
}

/** `team_permission.*`: `id` is the permission id (`team_member`, `$read_members`…). */
export interface StackAuthTeamPermission {
  id: string;
  team_id: string;
  user_id: string;
}

/** `project_permission.*`: `id` is the permission id. */
export interface StackAuthProjectPermission {
  id: string;
  user_id: string;
}

/** `stack.test`, sent from the dashboard's "send test" button. Note the camelCase. */
export interface StackAuthTestMessage {
  message: string;
  endpointUrl: string;
}

// Any JSON, `null` included: `jsonSchema` in schema-fields.ts is `yupMixed().nullable()`.
const anyJson = v.unknown();

// crud/teams.ts `teamsCrudServerReadSchema` (`team.created` / `team.updated`, a user's `selected_team`).
export const teamSchema: v.GenericSchema<unknown, StackAuthTeam> = shape<StackAuthTeam>({
  id: v.string(),
  display_name: v.string(),
  profile_image_url: v.nullable(v.string()),
  created_at_millis: v.number(),
  client_metadata: v.optional(anyJson),
  client_read_only_metadata: v.optional(anyJson),
  server_metadata: v.optional(anyJson),
});

// crud/users.ts `usersCrudServerReadSchema.oauth_providers[]`: `email` is `yupString().nullable()`, not `.defined()`.
const oauthProvider = shape<StackAuthOAuthProvider>({
  id: v.string(),
  account_id: v.string(),
  email: v.nullish(v.string()),
});

// crud/users.ts `signUpRiskScoresSchema`.
const riskScores = shape<StackAuthRiskScores>({
  sign_up: shape<StackAuthRiskScores["sign_up"]>({ bot: v.number(), free_trial_abuse: v.number() }),
});

// crud/users.ts `usersCrudServerReadSchema` (`user.created` / `user.updated`); `restricted_reason` is
// `restrictedReasonSchema` in schema-fields.ts. Metadata keys are `jsonSchema.defined()`: present, maybe `null`.
export const userSchema: v.GenericSchema<unknown, StackAuthUser> = shape<StackAuthUser>({
  id: v.string(),
  display_name: v.nullable(v.string()),
  primary_email: v.nullable(v.string()),
  primary_email_verified: v.boolean(),
  primary_email_auth_enabled: v.boolean(),
  profile_image_url: v.nullable(v.string()),
  signed_up_at_millis: v.number(),
  last_active_at_millis: v.number(),
  client_metadata: anyJson,
  client_read_only_metadata: anyJson,
  server_metadata: anyJson,
  has_password: v.boolean(),
  otp_auth_enabled: v.boolean(),
  passkey_auth_enabled: v.boolean(),
  auth_with_email: v.optional(v.boolean()),
  requires_totp_mfa: v.optional(v.boolean()),
  oauth_providers: v.optional(v.array(oauthProvider)),
  selected_team_id: v.nullish(v.string()),
  selected_team: v.nullish(teamSchema),
  is_anonymous: v.optional(v.boolean()),
  is_restricted: v.optional(v.boolean()),
  restricted_reason: v.nullish(
    shape<StackAuthRestrictedReason>({
      type: openString<"anonymous" | "email_not_verified" | "restricted_by_administrator">(),
    }),
  ),
  restricted_by_admin: v.optional(v.boolean()),
  restricted_by_admin_reason: v.nullish(v.string()),
  restricted_by_admin_private_details: v.nullish(v.string()),
  country_code: v.nullish(v.string()),
  risk_scores: v.optional(riskScores),
});

// crud/users.ts `webhookUserDeletedSchema`.
export const deletedUserSchema: v.GenericSchema<unknown, StackAuthDeletedUser> = shape<StackAuthDeletedUser>({
  id: v.string(),
  teams: v.array(shape<{ id: string }>({ id: v.string() })),
});

// crud/teams.ts `webhookTeamDeletedSchema`.
export const deletedTeamSchema: v.GenericSchema<unknown, StackAuthDeletedTeam> = shape<StackAuthDeletedTeam>({
  id: v.string(),
});

// crud/team-memberships.ts `teamMembershipsCrudClientReadSchema` (the server read schema defaults to it, `crud.tsx`).
export const membershipSchema: v.GenericSchema<unknown, StackAuthTeamMembership> =
  shape<StackAuthTeamMembership>({ team_id: v.string(), user_id: v.string() });

// crud/team-permissions.ts `teamPermissionsCrudClientReadSchema`.
export const teamPermissionSchema: v.GenericSchema<unknown, StackAuthTeamPermission> =
  shape<StackAuthTeamPermission>({ id: v.string(), team_id: v.string(), user_id: v.string() });

// crud/project-permissions.ts `projectPermissionsCrudClientReadSchema`.
export const projectPermissionSchema: v.GenericSchema<unknown, StackAuthProjectPermission> =
  shape<StackAuthProjectPermission>({ id: v.string(), user_id: v.string() });

// No schema upstream: the object literal in apps/backend/src/app/api/latest/internal/send-test-webhook/route.tsx.
export const testMessageSchema: v.GenericSchema<unknown, StackAuthTestMessage> = shape<StackAuthTestMessage>({
  message: v.string(),
  endpointUrl: v.string(),
});
