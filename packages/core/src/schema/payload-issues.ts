/**
 * Turns a schema's issues into `invalid_payload` errors that name the path and what was expected, never
 * the value received: the answer goes back to the sender and into every log.
 * @module
 */
import { WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "./standard-schema.js";

/** One schema problem of a payload: where it is and what was expected there. */
export interface PayloadIssue {
  /** `data.teams[0].id`; empty for the payload itself. */
  readonly path: string;
  /** `missing`, `expected string`, or the rule that failed; never the value received. */
  readonly message: string;
}

type Key = PropertyKey;

function keyOf(segment: Key | StandardSchemaV1.PathSegment): Key {
  return typeof segment === "object" && segment !== null ? segment.key : segment;
}

/**
 * `data.teams[0].id` from a Standard Schema issue path.
 *
 * @example
 * formatPath(["data", "teams", 0, { key: "id" }]); // "data.teams[0].id"
 */
export function formatPath(path: StandardSchemaV1.Issue["path"]): string {
  let out = "";
  for (const segment of path ?? []) {
    const key = keyOf(segment);
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Whether the last key of `path` is absent from the object holding it. */
function isMissing(value: unknown, path: StandardSchemaV1.Issue["path"]): boolean {
  if (path === undefined || path.length === 0) return false;
  let parent = value;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof parent !== "object" || parent === null) return false;
    parent = (parent as Record<Key, unknown>)[keyOf(path[i] as Key)];
  }
  const key = keyOf(path[path.length - 1] as Key);
  return typeof parent === "object" && parent !== null && !Object.hasOwn(parent, key);
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 117)}...` : value;
  return typeof value === "number" || typeof value === "bigint" ? String(value) : undefined;
}

/**
 * What the schema expected, from the structured fields libraries put on their issues (valibot, arktype and
 * zod's `invalid_type` say `expected`; zod's bounds, formats and enums have their own fields), all of them
 * taken from the schema. A library's `message` is never used: custom and default messages can quote the input.
 */
function expectation(issue: StandardSchemaV1.Issue): string {
  const fields = issue as unknown as Record<string, unknown>;
  const expected = text(fields.expected);
  if (expected !== undefined) return `expected ${expected}`;
  const format = text(fields.format);
  if (format !== undefined) return `expected ${format}`;
  const origin = text(fields.origin) ?? "a value";
  const minimum = text(fields.minimum);
  if (minimum !== undefined)
    return `expected ${origin} ${fields.inclusive === false ? ">" : ">="} ${minimum}`;
  const maximum = text(fields.maximum);
  if (maximum !== undefined)
    return `expected ${origin} ${fields.inclusive === false ? "<" : "<="} ${maximum}`;
  if (Array.isArray(fields.values)) {
    const values = text(fields.values.map((value) => JSON.stringify(value) ?? String(value)).join(" | "));
    if (values !== undefined) return `expected one of ${values}`;
  }
  const check = text(fields.code) ?? text(fields.type);
  return check === undefined ? "does not match" : `fails its \`${check}\` rule`;
}

/**
 * The issues of a failed validation of `value`, each as its path and what was expected there.
 *
 * @example
 * const issue = { message: 'Invalid type: Expected string but received 5', expected: "string", path: ["id"] };
 * payloadIssues([issue], { id: 5 }); // [{ path: "id", message: "expected string" }]
 */
export function payloadIssues(
  issues: readonly StandardSchemaV1.Issue[],
  value: unknown,
): readonly PayloadIssue[] {
  return issues.map((issue) => ({
    path: formatPath(issue.path),
    message: isMissing(value, issue.path) ? "missing" : expectation(issue),
  }));
}

/**
 * The `invalid_payload` error for an event of `type` whose payload has `issues`, naming the first one.
 *
 * @example
 * throw invalidPayload("user.created", [{ path: "data.id", message: "expected string" }]);
 */
export function invalidPayload(type: string, issues: readonly PayloadIssue[]): WebhookVerificationError {
  const first = issues[0];
  const path = first?.path ?? "";
  return new WebhookVerificationError(
    "invalid_payload",
    `The \`${type}\` payload does not match its schema${path ? ` at \`${path}\`` : ""}: ${first?.message ?? "invalid"}.`,
    { path },
  );
}
