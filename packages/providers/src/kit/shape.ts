/**
 * Payload schemas checked against their interfaces. Payload types are written out as interfaces, with a
 * doc comment per field (`isolatedDeclarations` needs explicit types on exports, and valibot's inferred
 * types would carry no docs); `shape<T>()` makes TypeScript check every schema against its interface, key
 * by key, so the two cannot drift apart.
 * @module
 */
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

/**
 * A JSON object of any content: metadata fields. An array is refused (`v.record` alone would take one as an
 * object with keys "0", "1"…), so a handler reading `metadata.plan` never gets a list.
 */
export const jsonObject: v.GenericSchema<unknown, Record<string, unknown>> = v.custom<
  Record<string, unknown>
>(
  (input) => typeof input === "object" && input !== null && !Array.isArray(input),
  (issue) =>
    `Invalid type: Expected a JSON object but received ${Array.isArray(issue.input) ? "an array" : issue.received}`,
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
