/**
 * What Logto's webhooks carry (logto-io/logto at 1fbc5544): the envelope of `packages/schemas/src/types/hook.ts`
 * (`DataHookEventPayload`, `InteractionHookEventPayload`), the user of `packages/schemas/src/types/user.ts`
 * (`userInfoSelectFields`) over `packages/schemas/tables/users.sql`, the organization of `tables/organizations.sql`,
 * the roles of `tables/roles.sql` and `tables/organization_roles.sql`, and the membership delta of
 * `packages/core/src/libraries/hook/context-manager.ts` (`DataHookContextMap`). Fields newer Logto releases added
 * are optional; the envelope's index signature means every other key passes through. Times in objects are epoch ms;
 * `createdAt` of the envelope is an ISO string.
 * @module
 */

/** The application of an interaction event. */
export interface LogtoApplication {
  id: string;
  /** `Native`, `SPA`, `Traditional`, `MachineToMachine`, `Protected`, `SAML`. */
  type?: string;
  name?: string;
  description?: string | null;
}

/**
 * What every Logto webhook carries besides its own fields: the hook, when it fired, and the context of the
 * Management API request or sign-in interaction that fired it.
 */
export interface LogtoEnvelope {
  /** The webhook's id. */
  hookId: string;
  /** ISO 8601 with milliseconds: when the hook fired. */
  createdAt: string;
  /** The end user's or API caller's IP. */
  ip?: string;
  userAgent?: string;
  /** Management API events: the request that changed the data. */
  path?: string;
  method?: string;
  status?: number;
  params?: Record<string, string>;
  matchedRoute?: string;
  /** Interaction events. */
  sessionId?: string;
  interactionEvent?: string;
  application?: LogtoApplication;
}

/** A user (`userInfoSelectFields`). Times are epoch ms. */
export interface LogtoUser {
  /** Up to 12 characters. */
  id: string;
  username: string | null;
  primaryEmail: string | null;
  primaryPhone: string | null;
  name: string | null;
  avatar: string | null;
  customData: Record<string, unknown>;
  /** Social identities, by connector target. */
  identities: Record<string, unknown>;
  /** Since 2023-10. */
  profile?: Record<string, unknown>;
  applicationId: string | null;
  isSuspended: boolean;
  lastSignInAt: number | null;
  createdAt: number;
  /** Since 2024-01. */
  updatedAt?: number;
}

/** An organization (`organizations.sql`). */
export interface LogtoOrganization {
  id: string;
  name: string;
  description: string | null;
  customData: Record<string, unknown>;
  isMfaRequired: boolean;
  /** Light and dark logos. */
  branding?: Record<string, unknown>;
  /** Since 2025. */
  isTrustedDeviceAllowed?: boolean;
  color?: Record<string, unknown>;
  customCss?: string | null;
  createdAt: number;
}

/** A role of the API resource RBAC (`roles.sql`). */
export interface LogtoRole {
  id: string;
  name: string;
  description?: string | null;
  /** `User` or `MachineToMachine`. */
  type?: string;
  isDefault?: boolean;
}

/** An organization role (`organization_roles.sql`). */
export interface LogtoOrganizationRole {
  id: string;
  name: string;
  description: string | null;
  /** `User` or `MachineToMachine`. */
  type?: string;
}

/** `User.*`: the user, as the interaction or the Management API's answer has it. */
export interface LogtoUserData extends LogtoEnvelope {
  data: LogtoUser;
}

/** `User.Deleted`: the deleted user. */
export interface LogtoUserDeleted extends LogtoEnvelope {
  data?: LogtoUser;
}

/** `Organization.Created` / `Organization.Data.Updated`: the Management API's answer. */
export interface LogtoOrganizationData extends LogtoEnvelope {
  data: LogtoOrganization;
}

/** `Organization.Deleted` and other deletes: no `data` (the API answers 204); the id is `params.id`. */
export type LogtoDeleted = LogtoEnvelope;

/** `Organization.Membership.Updated`: the delta; each list is omitted when empty, capped at 5000 entries. */
export interface LogtoMembershipUpdated extends LogtoEnvelope {
  organizationId: string;
  addedUserIds?: string[];
  removedUserIds?: string[];
  addedApplicationIds?: string[];
  removedApplicationIds?: string[];
}

/** `Role.Created` / `Role.Data.Updated`. */
export interface LogtoRoleData extends LogtoEnvelope {
  data: LogtoRole;
}

/** `OrganizationRole.Created` / `OrganizationRole.Data.Updated`. */
export interface LogtoOrganizationRoleData extends LogtoEnvelope {
  data: LogtoOrganizationRole;
}

/** `Role.Scopes.Updated` / `OrganizationRole.Scopes.Updated`: `params.id` is the role; `data` is what the API answered. */
export interface LogtoScopesUpdated extends LogtoEnvelope {
  data?: unknown;
}

/** `PostRegister`, `PostSignIn`, `PostResetPassword`: a finished sign-in interaction. */
export interface LogtoInteraction extends LogtoEnvelope {
  userId?: string;
  user?: LogtoUser;
  userIp?: string;
}
