/**
 * The schema of a signed body time that a preset's `maxAge` reads.
 * @module
 */
import * as v from "valibot";

/**
 * A string `Date.parse` reads: a body time `maxAge` relies on, where a value that does not parse would switch the
 * age check off.
 *
 * @example
 * const published = isoDate; // Okta's `published`
 */
export const isoDate: v.GenericSchema<unknown, string> = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed && Number.isNaN(Date.parse(dataset.value))) addIssue({ expected: "an ISO 8601 date" });
  }),
);
