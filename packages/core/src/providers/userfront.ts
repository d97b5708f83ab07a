/**
 * Userfront: `{ action, model, mode, record }` with a static bearer token. Userfront's server is closed
 * source; the record shapes follow its API docs and SDK types, so only the fields every record has are required.
 *
 * Checked against the only types Userfront publishes for a user record, userfront/userfront-core
 * `ts/index.d.ts` (`User`, `SignupResponse`: every field optional, `mode: string`), and the envelope its
 * docs build, userfront/guide `all/.vuepress/components/webhook-payload.vue`. No published type covers a
 * tenant; its record follows the API docs (userfront/guide `all/docs/webhooks.md`).
 * @module
 */
import type { BearerOptions, EventCatalogue, Tokens, WebhookProvider } from "@hookproof/core";
import { bearer } from "@hookproof/core";
import * as v from "valibot";
import { catalogue, jsonObject, openString, shape, stringField } from "./schema-kit.js";

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

/** Userfront's events, keyed `${model}.${action}`: event type → payload. */
export type UserfrontEvents = {
  "user.create": UserfrontEvent<"user", "create", UserfrontUser>;
  "user.update": UserfrontEvent<"user", "update", UserfrontUser>;
  "user.delete": UserfrontEvent<"user", "delete", UserfrontUser>;
  "tenant.create": UserfrontEvent<"tenant", "create", UserfrontTenant>;
  "tenant.update": UserfrontEvent<"tenant", "update", UserfrontTenant>;
  "tenant.delete": UserfrontEvent<"tenant", "delete", UserfrontTenant>;
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

function event<M extends Model, A extends Action, R>(
  model: M,
  action: A,
  record: v.GenericSchema<unknown, R>,
): v.GenericSchema<unknown, UserfrontEvent<M, A, R>> {
  return v.looseObject({
    action: v.literal(action),
    model: v.literal(model),
    mode,
    record,
  }) as v.GenericSchema<unknown, UserfrontEvent<M, A, R>>;
}

/**
 * The runtime schemas of Userfront's six events (Standard Schema v1).
 *
 * @example
 * const result = await userfrontCatalogue["user.create"]["~standard"].validate(body);
 */
export const userfrontCatalogue: EventCatalogue<UserfrontEvents> = catalogue<UserfrontEvents>({
  "user.create": event("user", "create", user),
  "user.update": event("user", "update", user),
  "user.delete": event("user", "delete", user),
  "tenant.create": event("tenant", "create", tenant),
  "tenant.update": event("tenant", "update", tenant),
  "tenant.delete": event("tenant", "delete", tenant),
});

/** Options of {@link userfront}. */
export interface UserfrontOptions extends Pick<BearerOptions, "allowShortSecret"> {
  /** The webhook API key from the Userfront dashboard (sent as `Authorization: Bearer <key>`); a list while rotating. */
  token: Tokens;
}

/**
 * Userfront webhooks: `Authorization: Bearer <webhook API key>`, routed as `${model}.${action}`
 * (`user.create`, `tenant.delete`…).
 *
 * The token only proves the sender knows the key: it covers neither the body nor its freshness, so a
 * captured request can be replayed or altered by whoever saw it. Userfront sends no event id, so events
 * are deduped by the SHA-256 of the body — an identical replay inside the dedupe retention is caught,
 * a later one is not (the provider declares `replayBound: "retention"`). Use HTTPS (Userfront requires it in
 * live mode) and keep the key out of logs.
 *
 * @example
 * const hooks = createWebhooks({ provider: userfront({ token: process.env.USERFRONT_WEBHOOK_KEY! }) })
 *   .on("user.create", async (event) => { await db.users.insert(event.record) })
 *   .on("user.delete", async (event) => { if (event.record.userId) await db.users.delete(event.record.userId) });
 */
export function userfront(options: UserfrontOptions): WebhookProvider<UserfrontEvents> {
  return {
    name: "userfront",
    scheme: bearer({ token: options?.token, allowShortSecret: options?.allowShortSecret }),
    events: userfrontCatalogue,
    eventType(payload) {
      const model = stringField(payload, "model");
      const action = stringField(payload, "action");
      return model === undefined || action === undefined ? undefined : `${model}.${action}`;
    },
    // No id anywhere: the router falls back to the SHA-256 of the raw body.
    eventId: () => undefined,
    // Nothing signs a time: only the dedupe retention stops a replay, as the docs above say.
    replayBound: "retention",
  };
}
