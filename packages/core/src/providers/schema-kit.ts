/**
 * The few valibot helpers the provider catalogues share. Payload types are written out as interfaces
 * (`isolatedDeclarations` needs explicit types on exports); `shape<T>()` makes TypeScript check every
 * schema against its interface, key by key, so the two cannot drift apart; `catalogue()` turns the schemas
 * into Standard Schemas whose issues never carry a received value.
 * @module
 */
import type { EventCatalogue, EventMap, StandardSchemaV1 } from "@hookproof/core";
import * as v from "valibot";

/** The keys of `T` that are optional. */
type OptionalKeys<T> = { [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? K : never }[keyof T];

/** What a field schema must be besides producing the type: optional for an optional key, nullable for `| null`. */
type Presence<T, K extends keyof T> = (K extends OptionalKeys<T>
  ? { readonly type: "optional" | "nullish" }
  : unknown) &
  (unknown extends T[K]
    ? unknown
    : null extends T[K]
      ? { readonly type: "nullable" | "nullish" | "null" }
      : unknown);

/**
 * A schema for each key of `T`, producing that key's type. An optional key needs an optional schema and a
 * `| null` key a nullable one, so the interface and the runtime check agree on what may be missing or null.
 */
export type Fields<T> = { [K in keyof Required<T>]: v.GenericSchema<unknown, T[K]> & Presence<T, K> };

/**
 * A loose object schema for `T`: every key of `T` needs a field schema and no other key may be listed;
 * unknown keys in the payload pass through untouched, because providers add fields.
 *
 * @example
 * const team = shape<StackAuthDeletedTeam>({ id: v.string() });
 */
export function shape<T>(fields: Fields<T>): v.GenericSchema<unknown, T> {
  return v.looseObject(fields as unknown as v.ObjectEntries) as unknown as v.GenericSchema<unknown, T>;
}

/**
 * A string with known values that is not refused for an unknown one: a provider adding an enum member
 * must not turn its events into `invalid_payload` (most senders do not retry a 400).
 *
 * @example
 * const status = openString<"pending" | "approved">();
 */
export function openString<Known extends string>(): v.GenericSchema<
  unknown,
  Known | (string & Record<never, never>)
> {
  return v.string();
}

/** A JSON object of any content: metadata fields. */
export const jsonObject: v.GenericSchema<unknown, Record<string, unknown>> = v.record(
  v.string(),
  v.unknown(),
);

/**
 * Picks one of two object schemas by whether the payload has `key`, so a broken payload is reported at
 * the field that is wrong rather than as "matches neither". FerrisKey's `user.updated` is a User (it has
 * `username`) or a Role.
 *
 * @example
 * const data = whenKey("username", user, role);
 */
export function whenKey<A, B>(
  key: string,
  present: v.GenericSchema<unknown, A>,
  absent: v.GenericSchema<unknown, B>,
): v.GenericSchema<unknown, A | B> {
  return v.lazy((input) =>
    typeof input === "object" && input !== null && key in input ? present : absent,
  ) as v.GenericSchema<unknown, A | B>;
}

/**
 * A string field of a parsed body, if it has one: where a provider keeps its event type or id.
 *
 * @example
 * stringField({ type: "sync.user" }, "type"); // "sync.user"
 */
export function stringField(payload: unknown, key: string): string | undefined {
  const value =
    typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

// One config for every run, so a run allocates nothing valibot's own `validate` would not. Messages are
// replaced below whatever valibot or an app's global valibot config would have said.
const CONFIG: v.Config<v.BaseIssue<unknown>> = {
  lang: undefined,
  message: undefined,
  abortEarly: false,
  abortPipeEarly: true,
};

/** A Standard Schema issue and what was expected, as valibot, arktype and zod's type errors say it. */
interface ExpectedIssue extends StandardSchemaV1.Issue {
  readonly expected?: string;
}

/** An issue holding only its path, what was expected, and a message built from those. */
function issueOf(issue: v.BaseIssue<unknown>): ExpectedIssue {
  const path = issue.path?.map((item) => item.key as PropertyKey);
  const last = issue.path?.at(-1);
  // A missing key is reported on the key (`origin: "key"`) of an object that lacks it.
  const missing =
    last?.origin === "key" &&
    typeof last.input === "object" &&
    last.input !== null &&
    !Object.hasOwn(last.input, last.key as PropertyKey);
  if (missing) return { message: "Missing", path };
  const expected = issue.expected ?? undefined;
  return expected === undefined
    ? { message: "Invalid", path }
    : { message: `Expected ${expected}`, path, expected };
}

/**
 * A valibot schema as a Standard Schema whose issues say the path and what was expected, never the value
 * received: valibot's own messages (`…but received "sk_live_…"`) and issues (`input`, `received`) carry it,
 * and an `invalid_payload` answer reaches the sender and every log.
 *
 * @example
 * const schema = controlled(v.object({ id: v.string() }));
 * schema["~standard"].validate({ id: 5 }); // { issues: [{ message: "Expected string", path: ["id"], expected: "string" }] }
 */
export function controlled<T>(schema: v.GenericSchema<unknown, T>): StandardSchemaV1<unknown, T> {
  return {
    "~standard": {
      version: 1,
      vendor: "hookproof",
      validate(value) {
        const dataset = schema["~run"]({ value }, CONFIG);
        if (dataset.issues === undefined) return dataset as StandardSchemaV1.SuccessResult<T>;
        return { issues: dataset.issues.map(issueOf) };
      },
    },
  };
}

/**
 * A provider's event catalogue from its valibot schemas, each {@link controlled}.
 *
 * @example
 * export const tesseralCatalogue: EventCatalogue<TesseralEvents> = catalogue<TesseralEvents>({ "sync.user": syncUser });
 */
export function catalogue<Events extends EventMap>(
  schemas: {
    readonly [Type in keyof Events]: v.GenericSchema<unknown, Events[Type]>;
  },
): EventCatalogue<Events> {
  const out: Record<string, StandardSchemaV1> = {};
  for (const type of Object.keys(schemas)) out[type] = controlled(schemas[type as keyof Events]);
  return out as EventCatalogue<Events>;
}
