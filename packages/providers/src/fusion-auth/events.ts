/**
 * FusionAuth's identity events: every body is `{ "event": { … } }`, the event's `id`, `type`, `createInstant`
 * (epoch ms) and `tenantId` beside the fields of its type. Typed field by field from the TypeScript client,
 * which marks every field optional: optional here too, but for `event.id`, `event.type` and
 * `event.createInstant`, which the docs describe on every event and the preset reads for its dedupe id and age.
 *
 * Sources: FusionAuth/fusionauth-typescript-client @ 23afcd21 (npm 1.69.0) `src/FusionAuthClient.ts`
 * (`BaseEvent`, `EventInfo`, `User`, `SecureIdentity`, `UserRegistration`, `Group`, `GroupMember`, and each
 * `…Event` interface); FusionAuth/fusionauth-site `astro/src/content/json/events/*.json` @ 5c798de5 (examples).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

const text = v.optional(v.string());
const instant = v.optional(v.number());
const flag = v.optional(v.boolean());

/** `EventInfo`: where the request that caused the event came from. */
export interface FusionAuthEventInfo {
  ipAddress?: string;
  userAgent?: string;
  deviceName?: string;
  deviceType?: string;
  deviceDescription?: string;
  os?: string;
  /** `Location`: `city`, `country`, `displayString`, `latitude`, `longitude`, `region`, `zipcode`. */
  location?: Record<string, unknown>;
  data?: Record<string, unknown>;
}

/** `GroupMember`: one user's membership of a group. */
export interface FusionAuthGroupMember {
  id?: string;
  groupId?: string;
  userId?: string;
  data?: Record<string, unknown>;
  /** Epoch milliseconds. */
  insertInstant?: number;
}

/** `UserRegistration`: a user's registration for one application, with its roles there. */
export interface FusionAuthRegistration {
  id?: string;
  applicationId?: string;
  roles?: string[];
  username?: string;
  /** `ACTIVE`, `PENDING`, `REJECTED`. */
  usernameStatus?: "ACTIVE" | "PENDING" | "REJECTED" | (string & Record<never, never>);
  verified?: boolean;
  timezone?: string;
  preferredLanguages?: string[];
  data?: Record<string, unknown>;
  /** Epoch milliseconds, as every `…Instant`. */
  insertInstant?: number;
  lastLoginInstant?: number;
  lastUpdateInstant?: number;
  verifiedInstant?: number;
}

/**
 * `User` (with `SecureIdentity`'s fields): the hash fields it may also carry (`password`, `salt`, `factor`,
 * `encryptionScheme`) are left untyped, so a handler does not pass them on by accident.
 */
export interface FusionAuthUser {
  id?: string;
  tenantId?: string;
  email?: string;
  username?: string;
  uniqueUsername?: string;
  usernameStatus?: "ACTIVE" | "PENDING" | "REJECTED" | (string & Record<never, never>);
  firstName?: string;
  middleName?: string;
  lastName?: string;
  fullName?: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  imageUrl?: string;
  mobilePhone?: string;
  phoneNumber?: string;
  parentEmail?: string;
  timezone?: string;
  preferredLanguages?: string[];
  active?: boolean;
  /** The email (or identity) is verified. */
  verified?: boolean;
  passwordChangeRequired?: boolean;
  /** The identity provider connector that holds the user's credentials. */
  connectorId?: string;
  data?: Record<string, unknown>;
  memberships?: FusionAuthGroupMember[];
  registrations?: FusionAuthRegistration[];
  /** Epoch milliseconds, as every `…Instant` and `expiry`. */
  insertInstant?: number;
  lastUpdateInstant?: number;
  lastLoginInstant?: number;
  passwordLastUpdateInstant?: number;
  verifiedInstant?: number;
  expiry?: number;
}

/** `Group`: `roles` maps an application id to its roles (`ApplicationRole` objects). */
export interface FusionAuthGroup {
  id?: string;
  tenantId?: string;
  name?: string;
  data?: Record<string, unknown>;
  roles?: Record<string, unknown[]>;
  insertInstant?: number;
  lastUpdateInstant?: number;
}

/** `BaseEvent`: the fields every event has. */
export interface FusionAuthBaseEvent<Type extends string = string> {
  /** A UUID: the dedupe id (signed with the body). */
  id: string;
  type: Type;
  /** When FusionAuth generated the event, epoch milliseconds: bounds a replay (`maxAge`). */
  createInstant: number;
  tenantId?: string;
  info?: FusionAuthEventInfo;
}

/** `BaseUserEvent`: the user the event is about (`user.create`, `user.delete`, `user.email.verified`…). */
export interface FusionAuthUserEvent {
  user?: FusionAuthUser;
}

/** `UserUpdateEvent` (and `…CompleteEvent`): the user after and, in `original`, before the update. */
export interface FusionAuthUserUpdateEvent extends FusionAuthUserEvent {
  original?: FusionAuthUser;
}

/** `UserEmailUpdateEvent`: the user with the new email, and the one it replaced. */
export interface FusionAuthEmailUpdateEvent extends FusionAuthUserEvent {
  previousEmail?: string;
}

/** `UserLoginSuccessEvent`. */
export interface FusionAuthLoginSuccessEvent extends FusionAuthUserEvent {
  applicationId?: string;
  /** `PASSWORD`, `PING`, `JWT_SSO`, `REFRESH_TOKEN`, an identity provider's type… */
  authenticationType?: string;
  connectorId?: string;
  identityProviderId?: string;
  identityProviderName?: string;
  ipAddress?: string;
}

/** `UserLoginFailedEvent`: `reason` (since 1.42.0) says why, as `{ code, lambdaId, lambdaResult }`. */
export interface FusionAuthLoginFailedEvent extends FusionAuthUserEvent {
  applicationId?: string;
  authenticationType?: string;
  ipAddress?: string;
  reason?: { code?: string; lambdaId?: string; lambdaResult?: Record<string, unknown> };
}

/** `UserRegistration…Event`: the registration created, deleted or verified, for `applicationId`. */
export interface FusionAuthRegistrationEvent extends FusionAuthUserEvent {
  applicationId?: string;
  registration?: FusionAuthRegistration;
}

/** `UserRegistrationUpdateEvent` (and `…CompleteEvent`): the registration after and before the update. */
export interface FusionAuthRegistrationUpdateEvent extends FusionAuthRegistrationEvent {
  original?: FusionAuthRegistration;
}

/** `GroupMember…Event`: the group and the memberships added, removed or updated. */
export interface FusionAuthGroupMemberEvent {
  group?: FusionAuthGroup;
  members?: FusionAuthGroupMember[];
}

/**
 * The identity events, by `event.type`, each its type's fields besides `BaseEvent`'s. `….complete` events
 * are sent after the change is committed; the others inside FusionAuth's transaction (see the README).
 */
export type FusionAuthEventData = {
  "user.create": FusionAuthUserEvent;
  "user.create.complete": FusionAuthUserEvent;
  "user.update": FusionAuthUserUpdateEvent;
  "user.update.complete": FusionAuthUserUpdateEvent;
  "user.delete": FusionAuthUserEvent;
  "user.delete.complete": FusionAuthUserEvent;
  "user.deactivate": FusionAuthUserEvent;
  "user.reactivate": FusionAuthUserEvent;
  "user.email.update": FusionAuthEmailUpdateEvent;
  "user.email.verified": FusionAuthUserEvent;
  "user.login.success": FusionAuthLoginSuccessEvent;
  "user.login.failed": FusionAuthLoginFailedEvent;
  "user.password.update": FusionAuthUserEvent;
  "user.registration.create": FusionAuthRegistrationEvent;
  "user.registration.create.complete": FusionAuthRegistrationEvent;
  "user.registration.update": FusionAuthRegistrationUpdateEvent;
  "user.registration.update.complete": FusionAuthRegistrationUpdateEvent;
  "user.registration.delete": FusionAuthRegistrationEvent;
  "user.registration.delete.complete": FusionAuthRegistrationEvent;
  "user.registration.verified": FusionAuthRegistrationEvent;
  "group.member.add": FusionAuthGroupMemberEvent;
  "group.member.add.complete": FusionAuthGroupMemberEvent;
  "group.member.remove": FusionAuthGroupMemberEvent;
  "group.member.remove.complete": FusionAuthGroupMemberEvent;
  "group.member.update": FusionAuthGroupMemberEvent;
  "group.member.update.complete": FusionAuthGroupMemberEvent;
};

/** A delivery of one event: `{ event }`. */
export interface FusionAuthEvent<Type extends string = string, Data = unknown> {
  event: FusionAuthBaseEvent<Type> & Data;
}

/** FusionAuth's events: the identity events typed, any other (`jwt.refresh`, `entity.create`…) unvalidated. */
export type FusionAuthEvents = {
  [Type in keyof FusionAuthEventData & string]: FusionAuthEvent<Type, FusionAuthEventData[Type]>;
} & { [type: string]: unknown };

const usernameStatus = v.optional(openString<"ACTIVE" | "PENDING" | "REJECTED">());

const member = shape<FusionAuthGroupMember>({
  id: text,
  groupId: text,
  userId: text,
  data: v.optional(jsonObject),
  insertInstant: instant,
});

const registration = shape<FusionAuthRegistration>({
  id: text,
  applicationId: text,
  roles: v.optional(v.array(v.string())),
  username: text,
  usernameStatus,
  verified: flag,
  timezone: text,
  preferredLanguages: v.optional(v.array(v.string())),
  data: v.optional(jsonObject),
  insertInstant: instant,
  lastLoginInstant: instant,
  lastUpdateInstant: instant,
  verifiedInstant: instant,
});

const user = shape<FusionAuthUser>({
  id: text,
  tenantId: text,
  email: text,
  username: text,
  uniqueUsername: text,
  usernameStatus,
  firstName: text,
  middleName: text,
  lastName: text,
  fullName: text,
  birthDate: text,
  imageUrl: text,
  mobilePhone: text,
  phoneNumber: text,
  parentEmail: text,
  timezone: text,
  preferredLanguages: v.optional(v.array(v.string())),
  active: flag,
  verified: flag,
  passwordChangeRequired: flag,
  connectorId: text,
  data: v.optional(jsonObject),
  memberships: v.optional(v.array(member)),
  registrations: v.optional(v.array(registration)),
  insertInstant: instant,
  lastUpdateInstant: instant,
  lastLoginInstant: instant,
  passwordLastUpdateInstant: instant,
  verifiedInstant: instant,
  expiry: instant,
});

const group = shape<FusionAuthGroup>({
  id: text,
  tenantId: text,
  name: text,
  data: v.optional(jsonObject),
  roles: v.optional(v.record(v.string(), v.array(v.unknown()))),
  insertInstant: instant,
  lastUpdateInstant: instant,
});

const info = shape<FusionAuthEventInfo>({
  ipAddress: text,
  userAgent: text,
  deviceName: text,
  deviceType: text,
  deviceDescription: text,
  os: text,
  location: v.optional(jsonObject),
  data: v.optional(jsonObject),
});

const userEvent = shape<FusionAuthUserEvent>({ user: v.optional(user) });

const userUpdate = shape<FusionAuthUserUpdateEvent>({ user: v.optional(user), original: v.optional(user) });

const emailUpdate = shape<FusionAuthEmailUpdateEvent>({ user: v.optional(user), previousEmail: text });

const loginSuccess = shape<FusionAuthLoginSuccessEvent>({
  user: v.optional(user),
  applicationId: text,
  authenticationType: text,
  connectorId: text,
  identityProviderId: text,
  identityProviderName: text,
  ipAddress: text,
});

const loginFailed = shape<FusionAuthLoginFailedEvent>({
  user: v.optional(user),
  applicationId: text,
  authenticationType: text,
  ipAddress: text,
  reason: v.optional(v.looseObject({ code: text, lambdaId: text, lambdaResult: v.optional(jsonObject) })),
});

const registrationEvent = shape<FusionAuthRegistrationEvent>({
  user: v.optional(user),
  applicationId: text,
  registration: v.optional(registration),
});

const registrationUpdate = shape<FusionAuthRegistrationUpdateEvent>({
  user: v.optional(user),
  applicationId: text,
  registration: v.optional(registration),
  original: v.optional(registration),
});

const groupMember = shape<FusionAuthGroupMemberEvent>({
  group: v.optional(group),
  members: v.optional(v.array(member)),
});

/** `{ event: BaseEvent & <the type's fields> }`, `event.type` pinned to the type. */
function fusionAuthEvent(
  type: string,
  fields: v.GenericSchema<unknown, unknown>,
): v.GenericSchema<unknown, unknown> {
  const base = shape<FusionAuthBaseEvent>({
    id: v.string(),
    type: v.literal(type),
    // `maxAge` reads it.
    createInstant: v.number(),
    tenantId: text,
    info: v.optional(info),
  });
  return v.looseObject({ event: v.intersect([base, fields]) });
}

/**
 * The runtime schemas of FusionAuth's identity events (Standard Schema v1).
 *
 * @example
 * const result = await fusionAuthCatalogue["user.create"]["~standard"].validate(body);
 */
export const fusionAuthCatalogue: EventCatalogue<FusionAuthEvents> = catalogue<
  FusionAuthEvents,
  FusionAuthEventData
>(fusionAuthEvent, {
  "user.create": userEvent,
  "user.create.complete": userEvent,
  "user.update": userUpdate,
  "user.update.complete": userUpdate,
  "user.delete": userEvent,
  "user.delete.complete": userEvent,
  "user.deactivate": userEvent,
  "user.reactivate": userEvent,
  "user.email.update": emailUpdate,
  "user.email.verified": userEvent,
  "user.login.success": loginSuccess,
  "user.login.failed": loginFailed,
  "user.password.update": userEvent,
  "user.registration.create": registrationEvent,
  "user.registration.create.complete": registrationEvent,
  "user.registration.update": registrationUpdate,
  "user.registration.update.complete": registrationUpdate,
  "user.registration.delete": registrationEvent,
  "user.registration.delete.complete": registrationEvent,
  "user.registration.verified": registrationEvent,
  "group.member.add": groupMember,
  "group.member.add.complete": groupMember,
  "group.member.remove": groupMember,
  "group.member.remove.complete": groupMember,
  "group.member.update": groupMember,
  "group.member.update.complete": groupMember,
});
