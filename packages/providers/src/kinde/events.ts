/**
 * Kinde's events: the claims of the JWT that is the body, `{ event_id, type, source, timestamp, data }`, the
 * subject in `data` under its kind (`data.user`, `data.organization`, `data.role`…).
 *
 * Sources: kinde-oss/webhook @ 70897bd1 `lib/types.ts` (npm `@kinde/webhooks` 1.0.0 `dist/types.d.ts` is the same
 * list); kinde-oss/documentation `src/content/docs/integrate/webhooks/about-webhooks.mdx` @ 21c4cc3e (the example
 * claims, with `event_timestamp`) and `webhooks-nextjs.mdx` @ 21c4cc3e (a real `user.created`: `email` and
 * `username` `null`). Looser than the package's types where Kinde's own output is: strings it types as `string`
 * but sends as `null` are nullable, and an organization's `roles` are names (1.0.0) or `{ id, key }` (1.3.2).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { openString, shape } from "../kit/shape.js";

const text = v.nullish(v.string());

/** A role or permission by id and key (`lib/types.ts` 1.3.2). */
export interface KindeKeyed {
  id: string;
  key: string;
}

/** One of a user's organizations, with the user's roles and permissions there. */
export interface KindeUserOrganization {
  /** `org_…`. */
  code: string;
  /** Role keys (`@kinde/webhooks` 1.0.0) or `{ id, key }` (1.3.2); `null` when none. */
  roles?: (string | KindeKeyed)[] | null;
  permissions?: KindeKeyed[] | null;
}

/** `user.created` / `user.updated`: the user (`UserEvent`). */
export interface KindeUser {
  /** `kp_…`. */
  id: string;
  email?: string | null;
  username?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  is_suspended?: boolean;
  is_password_reset_requested?: boolean;
  organizations?: KindeUserOrganization[];
}

/** An organization (`organization.created`, `.updated`; `.deleted` carries the `code` alone). */
export interface KindeOrganization {
  /** `org_…`. */
  code: string;
  name?: string;
  handle?: string | null;
  external_id?: string | null;
  /** On `organization.updated`. */
  is_allow_registrations?: boolean;
}

/** A role (`role.created`, `.updated`; `.deleted` carries the `id` alone). */
export interface KindeRole {
  id: string;
  key?: string;
  name?: string;
  description?: string | null;
  is_default_role?: boolean;
}

/** A permission (`permission.created`, `.updated`; `.deleted` carries the `id` alone). */
export interface KindePermission {
  id: string;
  key?: string;
  name?: string;
  description?: string | null;
}

/** `subscriber.created`: someone who subscribed (without signing up). */
export interface KindeSubscriber {
  id: string;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  user_id?: string | null;
}

/** `access_request.created`: someone asking to join. */
export interface KindeAccessRequest {
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  user_id?: string | null;
}

/** The `data` of each event type. */
export type KindeEventData = {
  "user.created": { user: KindeUser };
  "user.updated": { user: KindeUser };
  "user.deleted": { user: { id: string } };
  "user.authenticated": { user: { id: string } };
  "user.authentication_failed": { user: { id: string } };
  "organization.created": { organization: KindeOrganization };
  "organization.updated": { organization: KindeOrganization };
  "organization.deleted": { organization: { code: string } };
  "role.created": { role: KindeRole };
  "role.updated": { role: KindeRole };
  "role.deleted": { role: { id: string } };
  "permission.created": { permission: KindePermission };
  "permission.updated": { permission: KindePermission };
  "permission.deleted": { permission: { id: string } };
  "subscriber.created": { subscriber: KindeSubscriber };
  "access_request.created": { access_request: KindeAccessRequest };
};

/** One event: the token's claims (`WebhookBase` and the type's `data`). */
export interface KindeEvent<Type extends string = string, Data = unknown> {
  /** `event_…`: the dedupe id, signed (the `webhook-id` header is not). */
  event_id: string;
  type: Type;
  /** Who caused it: `admin`, `api` or `user`. */
  source?: "admin" | "api" | "user" | (string & Record<never, never>);
  /** ISO 8601 with milliseconds: bounds a replay (`maxAge`). */
  timestamp: string;
  /** In Kinde's docs' example, the same instant; not in the package's type. */
  event_timestamp?: string;
  data: Data;
}

/** Kinde's events: the typed ones, and any other (`customer.*` billing events) unvalidated. */
export type KindeEvents = {
  [Type in keyof KindeEventData & string]: KindeEvent<Type, KindeEventData[Type]>;
} & { [type: string]: unknown };

const keyed = shape<KindeKeyed>({ id: v.string(), key: v.string() });

const user = shape<KindeUser>({
  id: v.string(),
  email: text,
  username: text,
  first_name: text,
  last_name: text,
  phone: text,
  is_suspended: v.optional(v.boolean()),
  is_password_reset_requested: v.optional(v.boolean()),
  organizations: v.optional(
    v.array(
      shape<KindeUserOrganization>({
        code: v.string(),
        roles: v.nullish(v.array(v.union([v.string(), keyed]))),
        permissions: v.nullish(v.array(keyed)),
      }),
    ),
  ),
});

const userId = v.looseObject({ user: shape<{ id: string }>({ id: v.string() }) });

const organization = shape<KindeOrganization>({
  code: v.string(),
  name: v.optional(v.string()),
  handle: text,
  external_id: text,
  is_allow_registrations: v.optional(v.boolean()),
});

const role = shape<KindeRole>({
  id: v.string(),
  key: v.optional(v.string()),
  name: v.optional(v.string()),
  description: text,
  is_default_role: v.optional(v.boolean()),
});

const permission = shape<KindePermission>({
  id: v.string(),
  key: v.optional(v.string()),
  name: v.optional(v.string()),
  description: text,
});

const byId = shape<{ id: string }>({ id: v.string() });

/** The claims around one type's `data`, `type` pinned to it. */
function kindeEvent(
  type: string,
  data: v.GenericSchema<unknown, unknown>,
): v.GenericSchema<unknown, unknown> {
  return shape<KindeEvent<string, unknown>>({
    event_id: v.string(),
    type: v.literal(type),
    source: v.optional(openString<"admin" | "api" | "user">()),
    // `maxAge` reads it.
    timestamp: isoDate,
    event_timestamp: v.optional(v.string()),
    data,
  });
}

/**
 * The runtime schemas of Kinde's events (Standard Schema v1), checked on the verified claims.
 *
 * @example
 * const result = await kindeCatalogue["user.created"]["~standard"].validate(claims);
 */
export const kindeCatalogue: EventCatalogue<KindeEvents> = catalogue<KindeEvents, KindeEventData>(
  kindeEvent,
  {
    "user.created": v.looseObject({ user }),
    "user.updated": v.looseObject({ user }),
    "user.deleted": userId,
    "user.authenticated": userId,
    "user.authentication_failed": userId,
    "organization.created": v.looseObject({ organization }),
    "organization.updated": v.looseObject({ organization }),
    "organization.deleted": v.looseObject({ organization: shape<{ code: string }>({ code: v.string() }) }),
    "role.created": v.looseObject({ role }),
    "role.updated": v.looseObject({ role }),
    "role.deleted": v.looseObject({ role: byId }),
    "permission.created": v.looseObject({ permission }),
    "permission.updated": v.looseObject({ permission }),
    "permission.deleted": v.looseObject({ permission: byId }),
    "subscriber.created": v.looseObject({
      subscriber: shape<KindeSubscriber>({
        id: v.string(),
        email: text,
        first_name: text,
        last_name: text,
        user_id: text,
      }),
    }),
    "access_request.created": v.looseObject({
      access_request: shape<KindeAccessRequest>({
        email: text,
        first_name: text,
        last_name: text,
        user_id: text,
      }),
    }),
  },
);
