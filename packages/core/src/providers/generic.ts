/**
 * The generic sender: `{ id, type, created_at, data }` signed with `X-Webhook-Signature: sha256=<hex>`.
 * There is no public source for it: the convention is the contract, and its `data` shapes are the loosest
 * ones that convention implies.
 * @module
 */
import type { EventCatalogue, HmacOptions, Secrets, WebhookProvider } from "@hookproof/core";
import { genericHmac } from "@hookproof/core";
import * as v from "valibot";
import { catalogue, shape, stringField } from "./schema-kit.js";

/** Every generic event. All of it is signed, `created_at` included. */
export interface GenericEvent<Type extends string, Data> {
  /** `evt_…`: stable across retries, the dedupe key. */
  id: string;
  type: Type;
  /** ISO 8601. Events older than `maxAge` (24 h) are refused as replays. */
  created_at: string;
  data: Data;
}

/** A user (`user.created`, `user.updated`). */
export interface GenericUser {
  id: string;
  email?: string | null;
  name?: string | null;
}

/** A project (`project.created`, `project.updated`). */
export interface GenericProject {
  id: string;
  name?: string;
  owner_id?: string;
}

/** What a `*.deleted` event names. */
export interface GenericDeleted {
  id: string;
}

/** A team membership (`team.member.*`); `role_changed` also says the `previous_role`. */
export interface GenericTeamMember {
  team_id: string;
  user_id: string;
  role?: string;
  previous_role?: string;
}

/** The generic sender's events: event type → payload. */
export type GenericEvents = {
  "user.created": GenericEvent<"user.created", GenericUser>;
  "user.updated": GenericEvent<"user.updated", GenericUser>;
  "user.deleted": GenericEvent<"user.deleted", GenericDeleted>;
  "project.created": GenericEvent<"project.created", GenericProject>;
  "project.updated": GenericEvent<"project.updated", GenericProject>;
  "project.deleted": GenericEvent<"project.deleted", GenericDeleted>;
  "team.member.added": GenericEvent<"team.member.added", GenericTeamMember>;
  "team.member.removed": GenericEvent<"team.member.removed", GenericTeamMember>;
  "team.member.role_changed": GenericEvent<"team.member.role_changed", GenericTeamMember>;
};

// No upstream source: the seed's documented convention (PROVIDERS.md §7) is the contract, and beyond the
// envelope only the ids it names are required.
const user = shape<GenericUser>({
  id: v.string(),
  email: v.nullish(v.string()),
  name: v.nullish(v.string()),
});
const project = shape<GenericProject>({
  id: v.string(),
  name: v.optional(v.string()),
  owner_id: v.optional(v.string()),
});
const deleted = shape<GenericDeleted>({ id: v.string() });
const member = shape<GenericTeamMember>({
  team_id: v.string(),
  user_id: v.string(),
  role: v.optional(v.string()),
  previous_role: v.optional(v.string()),
});

// `maxAge` relies on `created_at`: a value that does not parse would switch the age check off.
const createdAt = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed && Number.isNaN(Date.parse(dataset.value))) addIssue({ expected: "an ISO 8601 date" });
  }),
);

function event<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, GenericEvent<Type, Data>> {
  return v.looseObject({
    id: v.pipe(v.string(), v.minLength(1)),
    type: v.literal(type),
    created_at: createdAt,
    data,
  }) as v.GenericSchema<unknown, GenericEvent<Type, Data>>;
}

/**
 * The runtime schemas of the generic sender's events (Standard Schema v1).
 *
 * @example
 * const result = await genericCatalogue["user.created"]["~standard"].validate(body);
 */
export const genericCatalogue: EventCatalogue<GenericEvents> = catalogue<GenericEvents>({
  "user.created": event("user.created", user),
  "user.updated": event("user.updated", user),
  "user.deleted": event("user.deleted", deleted),
  "project.created": event("project.created", project),
  "project.updated": event("project.updated", project),
  "project.deleted": event("project.deleted", deleted),
  "team.member.added": event("team.member.added", member),
  "team.member.removed": event("team.member.removed", member),
  "team.member.role_changed": event("team.member.role_changed", member),
});

/** Options of {@link generic}. */
export interface GenericOptions extends Pick<HmacOptions, "allowShortSecret"> {
  /** The shared secret, used as its UTF-8 text; a list while rotating. */
  secret: Secrets;
}

/** 24 h: longer than the sender's ~7.6 h retry span, shorter than the default 72 h dedupe retention. */
const MAX_AGE_SECONDS = 86_400;

/**
 * The generic sender: `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, deduped by the body's
 * `id`. No timestamp is signed in a header, so a captured request stays valid: events whose signed
 * `created_at` is older than 24 h are refused (`timestamp_expired`), and younger replays are caught by the
 * dedupe store. `X-Webhook-Event` is unsigned and ignored; the body's `type` routes.
 *
 * @example
 * const hooks = createWebhooks({ provider: generic({ secret: process.env.WEBHOOK_SECRET! }) })
 *   .on("team.member.added", async (event) => { await grant(event.data.user_id, event.data.team_id) });
 */
export function generic(options: GenericOptions): WebhookProvider<GenericEvents> {
  return {
    name: "generic",
    scheme: genericHmac({ secret: options?.secret, allowShortSecret: options?.allowShortSecret }),
    events: genericCatalogue,
    eventType: (payload) => stringField(payload, "type"),
    eventId: (payload) => stringField(payload, "id") || undefined,
    eventTime(payload) {
      const createdAt = stringField(payload, "created_at");
      const time = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
      return Number.isNaN(time) ? undefined : time;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}
