/**
 * ZITADEL's event catalogue: the user, organization and membership events an Actions v2 event execution sends,
 * each with its `event_payload`. An execution can subscribe to any eventstore event: the types not listed here
 * pass unvalidated.
 *
 * Sources: zitadel/zitadel `internal/execution/handlers.go`, `worker.go`, `request.go` (`ContextInfoEvent`: every
 * field `omitempty`), `internal/repository/user/human.go` (`HumanAddedEvent`, `HumanRegisteredEvent`),
 * `internal/repository/org/org.go`, `internal/repository/member/events.go`. The payloads of `user.machine.added`,
 * `user.deactivated`, `user.reactivated`, `user.locked`, `user.unlocked`, `user.removed` and `user.grant.*` were not
 * read in ZITADEL's source: they are typed as any JSON object.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { flatEvent } from "../kit/flat-event.js";
import { jsonObject, shape } from "../kit/shape.js";

/**
 * Every ZITADEL event execution body (`ContextInfoEvent`), its type in `event_type`. `event_payload` is the
 * eventstore event's own JSON: inline in current releases, a base64 string of it in older ones (decode with
 * `JSON.parse(atob(…))`), and missing for events without a payload.
 */
export type ZitadelEvent<Type extends string, Payload> = { event_type: Type } & ZitadelBody<Payload>;

/** The fields of every ZITADEL event execution body besides its `event_type`. */
export interface ZitadelBody<Payload> {
  /** The id of the user or organization the event is about. */
  aggregateID: string;
  /** `user`, `org`… */
  aggregateType: string;
  /** The organization that owns the aggregate. */
  resourceOwner?: string;
  instanceID?: string;
  /** The aggregate's version, e.g. `v2`. */
  version?: string;
  /** The event's position in its aggregate: with the instance, aggregate type and id, the event's identity. */
  sequence: number;
  /** RFC 3339 (nanoseconds in current releases): when the event was committed. */
  created_at: string;
  position?: number;
  /** The user who caused the event (an admin, or the user themself), not necessarily its subject. */
  userID?: string;
  event_payload?: Payload | string;
}

/** `user.human.added` / `user.human.selfregistered` (`HumanAddedEvent`). Holds the password hash: never log it whole. */
export interface ZitadelHumanAdded {
  userName: string;
  firstName?: string;
  lastName?: string;
  nickName?: string;
  displayName?: string;
  /** BCP 47. */
  preferredLanguage?: string;
  /** 0 unspecified, 1 female, 2 male, 3 diverse. */
  gender?: number;
  email?: string;
  phone?: string;
  country?: string;
  locality?: string;
  postalCode?: string;
  region?: string;
  streetAddress?: string;
  /** The password hash (PHC string). */
  encodedHash?: string;
  changeRequired?: boolean;
  /** `user.human.selfregistered` only. */
  userAgentID?: string;
}

/** `org.added` / `org.changed`. */
export interface ZitadelOrgName {
  name?: string;
}

/** `org.member.added` / `org.member.changed`. */
export interface ZitadelMember {
  userId: string;
  roles?: string[];
}

/** `org.member.removed`. */
export interface ZitadelMemberRemoved {
  userId: string;
}

/** A payload this catalogue does not type field by field. */
export type ZitadelPayload = Record<string, unknown>;

/** ZITADEL's user, organization and membership event types, and each one's `event_payload`. */
export type ZitadelEventData = {
  "user.human.added": ZitadelHumanAdded;
  "user.human.selfregistered": ZitadelHumanAdded;
  "user.machine.added": ZitadelPayload;
  "user.deactivated": ZitadelPayload;
  "user.reactivated": ZitadelPayload;
  "user.locked": ZitadelPayload;
  "user.unlocked": ZitadelPayload;
  "user.removed": ZitadelPayload;
  "user.grant.added": ZitadelPayload;
  "user.grant.changed": ZitadelPayload;
  "user.grant.removed": ZitadelPayload;
  "org.added": ZitadelOrgName;
  "org.changed": ZitadelOrgName;
  "org.deactivated": ZitadelPayload;
  "org.reactivated": ZitadelPayload;
  "org.removed": ZitadelPayload;
  "org.member.added": ZitadelMember;
  "org.member.changed": ZitadelMember;
  "org.member.removed": ZitadelMemberRemoved;
};

/** ZITADEL's events: event type → body. */
export type ZitadelEvents = {
  [Type in keyof ZitadelEventData & string]: ZitadelEvent<Type, ZitadelEventData[Type]>;
};

const maybeString = v.optional(v.string());

/** `ContextInfoEvent` around one event type's payload (the inline object, or its base64 text). */
function zitadelBody<Payload>(
  payload: v.GenericSchema<unknown, Payload>,
): v.GenericSchema<unknown, ZitadelBody<Payload>> {
  // `shape<T>()` cannot check a generic `Payload`: the fields are those of `ZitadelBody`, cast once.
  return v.looseObject({
    aggregateID: v.string(),
    aggregateType: v.string(),
    resourceOwner: maybeString,
    instanceID: maybeString,
    version: maybeString,
    sequence: v.number(),
    created_at: v.string(),
    position: v.optional(v.number()),
    userID: maybeString,
    // Picked by the value's kind, so a broken object is reported at its field, not as "matches neither".
    event_payload: v.optional(
      v.lazy((input) => (typeof input === "string" ? v.string() : payload)) as v.GenericSchema<
        unknown,
        Payload | string
      >,
    ),
  }) as v.GenericSchema<unknown, ZitadelBody<Payload>>;
}

const human = shape<ZitadelHumanAdded>({
  userName: v.string(),
  firstName: maybeString,
  lastName: maybeString,
  nickName: maybeString,
  displayName: maybeString,
  preferredLanguage: maybeString,
  gender: v.optional(v.number()),
  email: maybeString,
  phone: maybeString,
  country: maybeString,
  locality: maybeString,
  postalCode: maybeString,
  region: maybeString,
  streetAddress: maybeString,
  encodedHash: maybeString,
  changeRequired: v.optional(v.boolean()),
  userAgentID: maybeString,
});
const any = zitadelBody(jsonObject);
const orgName = zitadelBody(shape<ZitadelOrgName>({ name: maybeString }));
const member = zitadelBody(
  shape<ZitadelMember>({ userId: v.string(), roles: v.optional(v.array(v.string())) }),
);

/**
 * The runtime schemas of ZITADEL's user, organization and membership events (Standard Schema v1).
 *
 * @example
 * const result = await zitadelCatalogue["user.human.added"]["~standard"].validate(body);
 */
export const zitadelCatalogue: EventCatalogue<ZitadelEvents> = catalogue<
  ZitadelEvents,
  { [Type in keyof ZitadelEventData]: ZitadelBody<ZitadelEventData[Type]> }
>(flatEvent("event_type"), {
  "user.human.added": zitadelBody(human),
  "user.human.selfregistered": zitadelBody(human),
  "user.machine.added": any,
  "user.deactivated": any,
  "user.reactivated": any,
  "user.locked": any,
  "user.unlocked": any,
  "user.removed": any,
  "user.grant.added": any,
  "user.grant.changed": any,
  "user.grant.removed": any,
  "org.added": orgName,
  "org.changed": orgName,
  "org.deactivated": any,
  "org.reactivated": any,
  "org.removed": any,
  "org.member.added": member,
  "org.member.changed": member,
  "org.member.removed": zitadelBody(shape<ZitadelMemberRemoved>({ userId: v.string() })),
});
