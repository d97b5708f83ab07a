/**
 * Stytch's event catalogue: the one list of its user, organization and member event types, each with the
 * object it carries. The type is Svix's event type, which the body spells in three fields: `direct.member.create`
 * is `source: "DIRECT"`, `object_type: "member"`, `action: "CREATE"`.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { shape } from "../kit/shape.js";
import { memberSchema, organizationSchema, userSchema } from "./schemas.js";
import type { StytchMember, StytchOrganization, StytchUser } from "./types.js";

/** `direct.member.create` → `{ source: "DIRECT", object_type: "member", action: "CREATE" }`. */
type Parts<Type extends string> = Type extends `${infer Source}.${infer Object}.${infer Action}`
  ? { source: Uppercase<Source>; object_type: Object; action: Uppercase<Action> }
  : { source: string; object_type: string; action: string };

/**
 * Every Stytch event (docs "Webhooks", "Payload structure"): the envelope, and on `create` and `update` the
 * full object under the key its `object_type` names; a `delete` carries the envelope alone.
 */
export type StytchEvent<Type extends string, Object> = Parts<Type> & {
  /** `project-live-…` or `project-test-…`. */
  project_id: string;
  /** The event's own id (`event-live-…`), unique per event. */
  event_id: string;
  /** The id of the object the event is about (`member-live-…`, `organization-live-…`, `user-live-…`). */
  id: string;
  /** RFC 3339, up to nanoseconds: when Stytch sent the event. Events may arrive out of order. */
  timestamp: string;
  /** `B2B` or `CONSUMER`; missing from older deliveries. */
  vertical?: string;
} & Object;

/** A `delete` event: no object beside the envelope. */
export type StytchNoObject = Record<never, never>;

/**
 * Stytch's user, organization and member event types, and the object each carries. Connection events
 * (`*.saml_connection.*`, `*.oidc_connection.*`, `*.scim_connection.*`) are not listed and pass unvalidated.
 */
export type StytchEventData = {
  "direct.organization.create": { organization: StytchOrganization };
  "direct.organization.update": { organization: StytchOrganization };
  "direct.organization.delete": StytchNoObject;
  "dashboard.organization.create": { organization: StytchOrganization };
  "dashboard.organization.update": { organization: StytchOrganization };
  "dashboard.organization.delete": StytchNoObject;
  "direct.member.create": { member: StytchMember };
  "direct.member.update": { member: StytchMember };
  "direct.member.delete": StytchNoObject;
  "dashboard.member.create": { member: StytchMember };
  "dashboard.member.update": { member: StytchMember };
  "dashboard.member.delete": StytchNoObject;
  "scim.member.create": { member: StytchMember };
  "scim.member.update": { member: StytchMember };
  "scim.member.delete": StytchNoObject;
  "direct.user.create": { user: StytchUser };
  "direct.user.update": { user: StytchUser };
  "direct.user.delete": StytchNoObject;
  "dashboard.user.create": { user: StytchUser };
  "dashboard.user.update": { user: StytchUser };
  "dashboard.user.delete": StytchNoObject;
};

/** Stytch's events: event type → body. */
export type StytchEvents = {
  [Type in keyof StytchEventData & string]: StytchEvent<Type, StytchEventData[Type]>;
};

/** The envelope around one event type's object, its three parts checked against the type. */
function stytchEvent(
  type: string,
  inner: v.GenericSchema<unknown, unknown>,
): v.GenericSchema<unknown, unknown> {
  const [source = "", objectType = "", action = ""] = type.split(".");
  return v.looseObject({
    ...(inner as unknown as v.LooseObjectSchema<v.ObjectEntries, undefined>).entries,
    project_id: v.string(),
    event_id: v.string(),
    action: v.literal(action.toUpperCase()),
    object_type: v.literal(objectType),
    source: v.literal(source.toUpperCase()),
    id: v.string(),
    timestamp: v.string(),
    vertical: v.optional(v.string()),
  });
}

const organization = shape<{ organization: StytchOrganization }>({ organization: organizationSchema });
const member = shape<{ member: StytchMember }>({ member: memberSchema });
const user = shape<{ user: StytchUser }>({ user: userSchema });
const none = shape<StytchNoObject>({});

/**
 * The runtime schemas of Stytch's user, organization and member events (Standard Schema v1).
 *
 * @example
 * const result = await stytchCatalogue["direct.member.create"]["~standard"].validate(body);
 */
export const stytchCatalogue: EventCatalogue<StytchEvents> = catalogue<StytchEvents, StytchEventData>(
  stytchEvent,
  {
    "direct.organization.create": organization,
    "direct.organization.update": organization,
    "direct.organization.delete": none,
    "dashboard.organization.create": organization,
    "dashboard.organization.update": organization,
    "dashboard.organization.delete": none,
    "direct.member.create": member,
    "direct.member.update": member,
    "direct.member.delete": none,
    "dashboard.member.create": member,
    "dashboard.member.update": member,
    "dashboard.member.delete": none,
    "scim.member.create": member,
    "scim.member.update": member,
    "scim.member.delete": none,
    "direct.user.create": user,
    "direct.user.update": user,
    "direct.user.delete": none,
    "dashboard.user.create": user,
    "dashboard.user.update": user,
    "dashboard.user.delete": none,
  },
);
