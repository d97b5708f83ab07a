/**
 * Runs an event's schema and turns its first issue into an `invalid_payload` error with a path.
 * @module
 */
import type { MaybePromise } from "../crypto/types.js";
import { WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "./standard-schema.js";

/** `data.teams[0].id` from a Standard Schema issue path. */
export function formatPath(path: StandardSchemaV1.Issue["path"]): string {
  let out = "";
  for (const segment of path ?? []) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function check<T>(type: string, result: StandardSchemaV1.Result<T>): T {
  if (result.issues === undefined) return result.value;
  const issue = result.issues[0];
  const path = formatPath(issue?.path);
  throw new WebhookVerificationError(
    "invalid_payload",
    `The \`${type}\` payload does not match its schema${path ? ` at \`${path}\`` : ""}: ${issue?.message ?? "invalid"}.`,
    { path },
  );
}

/** Validates `value`; synchronous when the schema is. */
export function validate<T>(
  schema: StandardSchemaV1<unknown, T>,
  type: string,
  value: unknown,
): MaybePromise<T> {
  const result = schema["~standard"].validate(value);
  return result instanceof Promise ? result.then((r) => check(type, r)) : check(type, result);
}
