/**
 * A date written as text that a `maxAge` reads: the schema refuses one that does not parse, since an event
 * whose time cannot be read would otherwise be refused by the age check alone, with no field named.
 * @module
 */
import * as v from "valibot";

/**
 * A string that `Date.parse` reads (ISO 8601 and RFC 3339 forms).
 *
 * @example
 * const createdAt = dateText; // v.parse(dateText, "2026-08-20T13:58:51Z")
 */
export const dateText: v.GenericSchema<unknown, string> = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed && Number.isNaN(Date.parse(dataset.value))) addIssue({ expected: "an ISO 8601 date" });
  }),
);
