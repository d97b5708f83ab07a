/**
 * Auth0's log stream catalogue: the log event types about users and organization membership (sign-ups, logins,
 * logouts, deletions, credential and profile changes, blocks, Management API writes), each an entry
 * `{ log_id, data: Log }`. `data` is typed as the `auth0` SDK's `Log` (npm `auth0` 7.1.0,
 * `dist/cjs/management/api/types/types.d.ts`): every field optional, any other passes through. Auth0's per-type
 * JSON Schemas (auth0/auth0-log-schemas at 8b58c73f `schemas/log-types/*.schema.json`) require more, so the SDK's
 * looser type is followed; `details` is typed where those schemas say what it holds. The meaning of each code is
 * auth0.com/docs "Log Event Type Codes".
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject, shape } from "../kit/shape.js";

/** A log record (`Management.Log`), its code in `type`. */
export interface Auth0Log<Type extends string = string, Details = Record<string, unknown>> {
  type: Type;
  /** ISO 8601: when it happened. */
  date?: string;
  description?: string | null;
  /** Repeats the entry's `log_id`. */
  log_id?: string;
  connection?: string;
  connection_id?: string;
  client_id?: string | null;
  client_name?: string;
  ip?: string;
  hostname?: string;
  user_id?: string;
  user_name?: string;
  audience?: string;
  scope?: string;
  strategy?: string;
  strategy_type?: string;
  isMobile?: boolean;
  user_agent?: string;
  organization_id?: string;
  organization_name?: string;
  details?: Details;
  location_info?: Record<string, unknown>;
}

/** One entry of a log stream delivery. */
export interface Auth0LogEntry<Type extends string = string, Details = Record<string, unknown>> {
  /** The log's id: the dedupe id. */
  log_id: string;
  data: Auth0Log<Type, Details>;
}

/** `details` of `sapi` / `fapi`: the Management API request and its response. */
export interface Auth0ApiDetails {
  request?: Record<string, unknown>;
  response?: Record<string, unknown>;
  accessedSecrets?: string[];
}

/** `details` of `organization_member_added`. */
export interface Auth0MemberAddedDetails {
  /** `invitation` or `auto_membership`. */
  reason?: string;
}

/** Auth0's user and membership log codes, and each one's `details`. Other codes pass unvalidated. */
export type Auth0EventData = {
  /** Successful signup. */
  ss: Record<string, unknown>;
  /** Failed signup. */
  fs: Record<string, unknown>;
  /** Successful login. */
  s: Record<string, unknown>;
  /** Failed login. */
  f: Record<string, unknown>;
  /** Successful logout. */
  slo: Record<string, unknown>;
  /** User deleted. */
  sdu: Record<string, unknown>;
  /** User deletion failed. */
  fdu: Record<string, unknown>;
  /** Password changed. */
  scp: Record<string, unknown>;
  /** Email changed. */
  sce: Record<string, unknown>;
  /** Phone number changed. */
  scpn: Record<string, unknown>;
  /** Username changed. */
  scu: Record<string, unknown>;
  /** Email verified. */
  sv: Record<string, unknown>;
  /** Account blocked after too many failed logins. */
  limit_wc: Record<string, unknown>;
  /** IP blocked after too many logins to different accounts. */
  limit_mu: Record<string, unknown>;
  /** Management API write succeeded: user and organization create, update, delete and membership changes. */
  sapi: Auth0ApiDetails;
  /** Management API write failed. */
  fapi: Auth0ApiDetails;
  /** A user joined an organization (invitation or auto-membership). */
  organization_member_added: Auth0MemberAddedDetails;
};

/** Auth0's log stream events: log code → entry. */
export type Auth0Events = {
  [Type in keyof Auth0EventData & string]: Auth0LogEntry<Type, Auth0EventData[Type]>;
};

const maybeString = v.optional(v.string());

/** The entry around one code's log, `details` checked by `details`. */
function auth0Entry(
  type: string,
  details: v.GenericSchema<unknown, unknown>,
): v.GenericSchema<unknown, unknown> {
  return v.looseObject({
    log_id: v.string(),
    data: shape<Auth0Log<string, unknown>>({
      type: v.literal(type),
      // `maxAge` reads it.
      date: v.optional(isoDate),
      description: v.nullish(v.string()),
      log_id: maybeString,
      connection: maybeString,
      connection_id: maybeString,
      client_id: v.nullish(v.string()),
      client_name: maybeString,
      ip: maybeString,
      hostname: maybeString,
      user_id: maybeString,
      user_name: maybeString,
      audience: maybeString,
      scope: maybeString,
      strategy: maybeString,
      strategy_type: maybeString,
      isMobile: v.optional(v.boolean()),
      user_agent: maybeString,
      organization_id: maybeString,
      organization_name: maybeString,
      details: v.optional(details),
      location_info: v.optional(jsonObject),
    }),
  });
}

const api = shape<Auth0ApiDetails>({
  request: v.optional(jsonObject),
  response: v.optional(jsonObject),
  accessedSecrets: v.optional(v.array(v.string())),
});

/**
 * The runtime schemas of Auth0's user and membership log events (Standard Schema v1), one entry each.
 *
 * @example
 * const result = await auth0Catalogue.ss["~standard"].validate(entry);
 */
export const auth0Catalogue: EventCatalogue<Auth0Events> = catalogue<
  Auth0Events,
  { [Type in keyof Auth0EventData]: Auth0EventData[Type] }
>(auth0Entry, {
  ss: jsonObject,
  fs: jsonObject,
  s: jsonObject,
  f: jsonObject,
  slo: jsonObject,
  sdu: jsonObject,
  fdu: jsonObject,
  scp: jsonObject,
  sce: jsonObject,
  scpn: jsonObject,
  scu: jsonObject,
  sv: jsonObject,
  limit_wc: jsonObject,
  limit_mu: jsonObject,
  sapi: api,
  fapi: api,
  organization_member_added: shape<Auth0MemberAddedDetails>({ reason: maybeString }),
});
