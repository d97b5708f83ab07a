/**
 * Valibot schemas as Standard Schemas whose issues never carry a received value.
 * @module
 */
import type { StandardSchemaV1 } from "@hookproof/core";
import type * as v from "valibot";

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
