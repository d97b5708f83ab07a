/**
 * Userfront's event catalogue: the one list of its event types, `${model}.${action}`, each with its record.
 * Userfront's server is closed source; the record shapes follow its API docs and SDK types, so only the
 * fields every record has are required.
 *
 * Checked against the only types Userfront publishes for a user record, userfront/userfront-core
 * `ts/index.d.ts` (`User`, `SignupResponse`: every field optional, `mode: string`), and the envelope its
 * docs build, userfront/guide `all/.vuepress/components/webhook-payload.vue`. No published type covers a
 * tenant; its record follows the API docs (userfront/guide `all/docs/webhooks.md`).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

type Model = "user" | "tenant";
type Action = "create" | "update" | "delete";
/** `test` or `live`; `SignupResponse.mode` is a plain `string`, so another mode is not refused. */
type Mode = "test" | "live" | (string & Record<never, never>);

/** Every Userfront event. There is no type string: the event is the pair (`model`, `action`). */
export interface UserfrontEvent<M extends Model, A extends Action, Record> {
  action: A;
  model: M;
  mode: Mode;
  /** The record as Userfront's REST API returns it (for `delete`, as it was). */
  record: Record;
}

/**
 * A user record (camelCase, times ISO 8601 with ms and `Z`). Userfront's `SignupResponse` type makes every
 * field optional, `userId`, `tenantId` and `createdAt` included.
 */
export interface UserfrontUser {
  userId?: number;
  userUuid?: string;
  /** The tenant's 8-character slug, e.g. `demo1234`. */
  tenantId?: string;
  mode?: Mode;
  email?: string | null;
  /** E.164. */
  phoneNumber?: string | null;
  username?: string | null;
  name?: string | null;
  image?: string | null;
  data?: Record<string, unknown> | null;
  locked?: boolean;
  isConfirmed?: boolean;
  isEmailConfirmed?: boolean;
  isPhoneNumberConfirmed?: boolean;
  isMfaRequired?: boolean;
  /** @deprecated Use `isConfirmed`. */
  confirmedAt?: string | null;
  lastActiveAt?: string | null;
  lastMessagedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
  tenant?: { tenantId: string; name: string };
  /** Tenant id → the user's roles in it. */
  authorization?: Record<string, { roles: string[] }>;
  /** @deprecated Older records only; use `userUuid`. */
  uuid?: string;
  /** Older records only. */
  isDev?: boolean;
}

/** A tenant record. Sub-tenants may carry more (a parent reference); unknown fields pass through. */
export interface UserfrontTenant {
  tenantId: string;
  name: string;
  image?: string | null;
  data?: Record<string, unknown> | null;
  testTenantId?: string;
  loginRedirectPath?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

/** Userfront's event types, `${model}.${action}`, and the record each carries. */
export type UserfrontEventData = {
  "user.create": UserfrontUser;
  "user.update": UserfrontUser;
  "user.delete": UserfrontUser;
  "tenant.create": UserfrontTenant;
  "tenant.update": UserfrontTenant;
  "tenant.delete": UserfrontTenant;
};

/** The model and action of a routed type: `user.create` → `"user"`, `"create"`. */
type Split<Type extends string> = Type extends `${infer M extends Model}.${infer A extends Action}`
  ? [M, A]
  : never;

/** Userfront's events, keyed `${model}.${action}`: event type → payload. */
export type UserfrontEvents = {
  [Type in keyof UserfrontEventData & string]: UserfrontEvent<
    Split<Type>[0],
    Split<Type>[1],
    UserfrontEventData[Type]
  >;
};

const mode = openString<"test" | "live">();

// userfront-core ts/index.d.ts `SignupResponse` (the record the API returns) and `User`.
const user = shape<UserfrontUser>({
  userId: v.optional(v.number()),
  userUuid: v.optional(v.string()),
  tenantId: v.optional(v.string()),
  mode: v.optional(mode),
  email: v.nullish(v.string()),
  phoneNumber: v.nullish(v.string()),
  username: v.nullish(v.string()),
  name: v.nullish(v.string()),
  image: v.nullish(v.string()),
  data: v.nullish(jsonObject),
  locked: v.optional(v.boolean()),
  isConfirmed: v.optional(v.boolean()),
  isEmailConfirmed: v.optional(v.boolean()),
  isPhoneNumberConfirmed: v.optional(v.boolean()),
  isMfaRequired: v.optional(v.boolean()),
  confirmedAt: v.nullish(v.string()),
  lastActiveAt: v.nullish(v.string()),
  lastMessagedAt: v.nullish(v.string()),
  createdAt: v.optional(v.string()),
  updatedAt: v.optional(v.string()),
  tenant: v.optional(shape<{ tenantId: string; name: string }>({ tenantId: v.string(), name: v.string() })),
  authorization: v.optional(v.record(v.string(), shape<{ roles: string[] }>({ roles: v.array(v.string()) }))),
  uuid: v.optional(v.string()),
  isDev: v.optional(v.boolean()),
});

// No published type: the tenant fields of the API docs; `testTenantId` is hidden by webhook-payload.vue.
const tenant = shape<UserfrontTenant>({
  tenantId: v.string(),
  name: v.string(),
  image: v.nullish(v.string()),
  data: v.nullish(jsonObject),
  testTenantId: v.optional(v.string()),
  loginRedirectPath: v.nullish(v.string()),
  createdAt: v.optional(v.string()),
  updatedAt: v.optional(v.string()),
});

/** `{ action, model, mode, record }` for one routed type: its model and action are the type's two halves. */
function userfrontEvent<Type extends string, R>(
  type: Type,
  record: v.GenericSchema<unknown, R>,
): v.GenericSchema<unknown, { action: string; model: string; mode: Mode; record: R }> {
  const dot = type.indexOf(".");
  return v.looseObject({
    action: v.literal(type.slice(dot + 1)),
    model: v.literal(type.slice(0, dot)),
    mode,
    record,
  });
}

/**
 * The runtime schemas of Userfront's six events (Standard Schema v1).
 *
 * @example
 * const result = await userfrontCatalogue["user.create"]["~standard"].validate(body);
 */
export const userfrontCatalogue: EventCatalogue<UserfrontEvents> = catalogue<
  UserfrontEvents,
  UserfrontEventData
>(userfrontEvent, {
  "user.create": user,
  "user.update": user,
  "user.delete": user,
  "tenant.create": tenant,
  "tenant.update": tenant,
  "tenant.delete": tenant,
});
