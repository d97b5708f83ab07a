/**
 * Okta's event catalogue: the user lifecycle, account, session and membership events an event hook may carry,
 * each a System Log `LogEvent` (Okta's System Log API reference, "LogEvent object"). Every field but `uuid`,
 * `published`, `eventType`, `version` and `severity` may be `null` there; objects inside pass through.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { flatEvent } from "../kit/flat-event.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** An `actor` or `target`: who acted, or what was acted on. */
export interface OktaActor {
  id: string;
  /** `User`, `UserGroup`, `AppInstance`, `PublicClientApp`, `SystemPrincipal`… */
  type: string;
  alternateId?: string | null;
  displayName?: string | null;
  detailEntry?: Record<string, unknown> | null;
}

/** A `target`, with what changed on it when the event records a change. */
export interface OktaTarget extends OktaActor {
  changeDetails?: { from?: Record<string, unknown> | null; to?: Record<string, unknown> | null } | null;
}

/** `outcome`. */
export interface OktaOutcome {
  result:
    | "SUCCESS"
    | "FAILURE"
    | "SKIPPED"
    | "ALLOW"
    | "DENY"
    | "CHALLENGE"
    | "UNKNOWN"
    | (string & Record<never, never>);
  reason?: string | null;
}

/** One System Log event (`LogEvent`) as an event hook delivers it, its type in `eventType`. */
export interface OktaLogEvent {
  /** Unique per event: the dedupe id. */
  uuid: string;
  /** ISO 8601 with milliseconds: when it happened (order by this). */
  published: string;
  version: string;
  severity: "DEBUG" | "INFO" | "WARN" | "ERROR" | (string & Record<never, never>);
  legacyEventType?: string | null;
  displayMessage?: string | null;
  actor?: OktaActor | null;
  client?: Record<string, unknown> | null;
  device?: Record<string, unknown> | null;
  outcome?: OktaOutcome | null;
  /** The users, groups or apps the event is about. */
  target?: OktaTarget[] | null;
  transaction?: Record<string, unknown> | null;
  debugContext?: Record<string, unknown> | null;
  authenticationContext?: Record<string, unknown> | null;
  securityContext?: Record<string, unknown> | null;
  request?: Record<string, unknown> | null;
}

/** Every Okta event in a hook's `data.events`. */
export type OktaEvent<Type extends string> = { eventType: Type } & OktaLogEvent;

/** Okta's user lifecycle, account, session and membership event types (all event-hook eligible). */
export type OktaEventData = {
  "user.lifecycle.create": OktaLogEvent;
  "user.lifecycle.activate": OktaLogEvent;
  "user.lifecycle.deactivate": OktaLogEvent;
  "user.lifecycle.suspend": OktaLogEvent;
  "user.lifecycle.unsuspend": OktaLogEvent;
  "user.lifecycle.reactivate": OktaLogEvent;
  "user.lifecycle.delete.initiated": OktaLogEvent;
  "user.lifecycle.delete.completed": OktaLogEvent;
  "user.account.update_profile": OktaLogEvent;
  "user.account.lock": OktaLogEvent;
  "user.account.unlock": OktaLogEvent;
  "user.session.start": OktaLogEvent;
  "group.user_membership.add": OktaLogEvent;
  "group.user_membership.remove": OktaLogEvent;
  "application.user_membership.add": OktaLogEvent;
  "application.user_membership.remove": OktaLogEvent;
};

/** Okta's events: event type → one `LogEvent`. */
export type OktaEvents = { [Type in keyof OktaEventData & string]: OktaEvent<Type> };

const maybeText = v.nullish(v.string());
const maybeObject = v.nullish(jsonObject);
const actorFields = {
  id: v.string(),
  type: v.string(),
  alternateId: maybeText,
  displayName: maybeText,
  detailEntry: maybeObject,
};
const target = shape<OktaTarget>({
  ...actorFields,
  changeDetails: v.nullish(v.looseObject({ from: maybeObject, to: maybeObject })),
});

const logEvent = shape<OktaLogEvent>({
  uuid: v.string(),
  // `maxAge` reads it.
  published: isoDate,
  version: v.string(),
  severity: openString<"DEBUG" | "INFO" | "WARN" | "ERROR">(),
  legacyEventType: maybeText,
  displayMessage: maybeText,
  actor: v.nullish(shape<OktaActor>(actorFields)),
  client: maybeObject,
  device: maybeObject,
  outcome: v.nullish(
    shape<OktaOutcome>({
      result: openString<"SUCCESS" | "FAILURE" | "SKIPPED" | "ALLOW" | "DENY" | "CHALLENGE" | "UNKNOWN">(),
      reason: maybeText,
    }),
  ),
  target: v.nullish(v.array(target)),
  transaction: maybeObject,
  debugContext: maybeObject,
  authenticationContext: maybeObject,
  securityContext: maybeObject,
  request: maybeObject,
});

/**
 * The runtime schemas of Okta's user and membership events (Standard Schema v1), one `LogEvent` each.
 *
 * @example
 * const result = await oktaCatalogue["user.lifecycle.create"]["~standard"].validate(event);
 */
export const oktaCatalogue: EventCatalogue<OktaEvents> = catalogue<OktaEvents, OktaEventData>(
  flatEvent("eventType"),
  {
    "user.lifecycle.create": logEvent,
    "user.lifecycle.activate": logEvent,
    "user.lifecycle.deactivate": logEvent,
    "user.lifecycle.suspend": logEvent,
    "user.lifecycle.unsuspend": logEvent,
    "user.lifecycle.reactivate": logEvent,
    "user.lifecycle.delete.initiated": logEvent,
    "user.lifecycle.delete.completed": logEvent,
    "user.account.update_profile": logEvent,
    "user.account.lock": logEvent,
    "user.account.unlock": logEvent,
    "user.session.start": logEvent,
    "group.user_membership.add": logEvent,
    "group.user_membership.remove": logEvent,
    "application.user_membership.add": logEvent,
    "application.user_membership.remove": logEvent,
  },
);
