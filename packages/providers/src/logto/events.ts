/**
 * Logto's event catalogue: the one list of its user, organization, membership, role and sign-in events, each with
 * what it carries. Each schema is checked against its interface in types.ts by `shape<T>()`.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { flatEvent } from "../kit/flat-event.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject, shape } from "../kit/shape.js";
import type {
  LogtoApplication,
  LogtoDeleted,
  LogtoInteraction,
  LogtoMembershipUpdated,
  LogtoOrganization,
  LogtoOrganizationData,
  LogtoOrganizationRole,
  LogtoOrganizationRoleData,
  LogtoRole,
  LogtoRoleData,
  LogtoScopesUpdated,
  LogtoUser,
  LogtoUserData,
  LogtoUserDeleted,
} from "./types.js";

/** Every Logto event: one flat object, its type in `event` beside the envelope and its own fields. */
export type LogtoEvent<Type extends string, Fields> = { event: Type } & Fields;

/**
 * Logto's user, organization, membership and role events (`hookEvents`, packages/schemas
 * `src/foundations/jsonb-types/hooks.ts`) and the interaction events, each with its fields. Scope, trusted-device
 * and exception events are not listed and pass unvalidated.
 */
export type LogtoEventData = {
  PostRegister: LogtoInteraction;
  PostSignIn: LogtoInteraction;
  PostResetPassword: LogtoInteraction;
  "User.Created": LogtoUserData;
  "User.Data.Updated": LogtoUserData;
  "User.SuspensionStatus.Updated": LogtoUserData;
  "User.Deleted": LogtoUserDeleted;
  "Organization.Created": LogtoOrganizationData;
  "Organization.Data.Updated": LogtoOrganizationData;
  "Organization.Deleted": LogtoDeleted;
  "Organization.Membership.Updated": LogtoMembershipUpdated;
  "Role.Created": LogtoRoleData;
  "Role.Data.Updated": LogtoRoleData;
  "Role.Scopes.Updated": LogtoScopesUpdated;
  "Role.Deleted": LogtoDeleted;
  "OrganizationRole.Created": LogtoOrganizationRoleData;
  "OrganizationRole.Data.Updated": LogtoOrganizationRoleData;
  "OrganizationRole.Scopes.Updated": LogtoScopesUpdated;
  "OrganizationRole.Deleted": LogtoDeleted;
};

/** Logto's events: event type → body. */
export type LogtoEvents = {
  [Type in keyof LogtoEventData & string]: LogtoEvent<Type, LogtoEventData[Type]>;
};

const string = v.string();
const maybeString = v.optional(string);
const nullableString = v.nullable(string);
const strings = v.optional(v.array(string));

const application = shape<LogtoApplication>({
  id: string,
  type: maybeString,
  name: maybeString,
  description: v.nullish(string),
});

/** The envelope's fields, spread into each event's shape. */
const envelope = {
  hookId: string,
  // `maxAge` reads it.
  createdAt: isoDate,
  ip: maybeString,
  userAgent: maybeString,
  path: maybeString,
  method: maybeString,
  status: v.optional(v.number()),
  params: v.optional(v.record(string, string)),
  matchedRoute: maybeString,
  sessionId: maybeString,
  interactionEvent: maybeString,
  application: v.optional(application),
};

const user = shape<LogtoUser>({
  id: string,
  username: nullableString,
  primaryEmail: nullableString,
  primaryPhone: nullableString,
  name: nullableString,
  avatar: nullableString,
  customData: jsonObject,
  identities: jsonObject,
  profile: v.optional(jsonObject),
  applicationId: nullableString,
  isSuspended: v.boolean(),
  lastSignInAt: v.nullable(v.number()),
  createdAt: v.number(),
  updatedAt: v.optional(v.number()),
});

const organization = shape<LogtoOrganization>({
  id: string,
  name: string,
  description: nullableString,
  customData: jsonObject,
  isMfaRequired: v.boolean(),
  branding: v.optional(jsonObject),
  isTrustedDeviceAllowed: v.optional(v.boolean()),
  color: v.optional(jsonObject),
  customCss: v.nullish(string),
  createdAt: v.number(),
});

const role = shape<LogtoRole>({
  id: string,
  name: string,
  description: v.nullish(string),
  type: maybeString,
  isDefault: v.optional(v.boolean()),
});

const organizationRole = shape<LogtoOrganizationRole>({
  id: string,
  name: string,
  description: nullableString,
  type: maybeString,
});

const interaction = shape<LogtoInteraction>({
  ...envelope,
  userId: maybeString,
  user: v.optional(user),
  userIp: maybeString,
});
const userData = shape<LogtoUserData>({ ...envelope, data: user });
const organizationData = shape<LogtoOrganizationData>({ ...envelope, data: organization });
const roleData = shape<LogtoRoleData>({ ...envelope, data: role });
const organizationRoleData = shape<LogtoOrganizationRoleData>({ ...envelope, data: organizationRole });
const scopesUpdated = shape<LogtoScopesUpdated>({ ...envelope, data: v.optional(v.unknown()) });
const deleted = shape<LogtoDeleted>(envelope);

/**
 * The runtime schemas of Logto's events (Standard Schema v1).
 *
 * @example
 * const result = await logtoCatalogue["User.Created"]["~standard"].validate(body);
 */
export const logtoCatalogue: EventCatalogue<LogtoEvents> = catalogue<LogtoEvents, LogtoEventData>(
  flatEvent("event"),
  {
    PostRegister: interaction,
    PostSignIn: interaction,
    PostResetPassword: interaction,
    "User.Created": userData,
    "User.Data.Updated": userData,
    "User.SuspensionStatus.Updated": userData,
    "User.Deleted": shape<LogtoUserDeleted>({ ...envelope, data: v.optional(user) }),
    "Organization.Created": organizationData,
    "Organization.Data.Updated": organizationData,
    "Organization.Deleted": deleted,
    "Organization.Membership.Updated": shape<LogtoMembershipUpdated>({
      ...envelope,
      organizationId: string,
      addedUserIds: strings,
      removedUserIds: strings,
      addedApplicationIds: strings,
      removedApplicationIds: strings,
    }),
    "Role.Created": roleData,
    "Role.Data.Updated": roleData,
    "Role.Scopes.Updated": scopesUpdated,
    "Role.Deleted": deleted,
    "OrganizationRole.Created": organizationRoleData,
    "OrganizationRole.Data.Updated": organizationRoleData,
    "OrganizationRole.Scopes.Updated": scopesUpdated,
    "OrganizationRole.Deleted": deleted,
  },
);
