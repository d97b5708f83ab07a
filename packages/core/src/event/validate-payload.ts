/**
 * The catalogue step: a payload is checked against the Standard Schema its event type has in the catalogue.
 * A failure is refused (`invalid_payload`), or kept with its issues for a router that parks such events.
 * @module
 */

import { invalidPayload, type PayloadIssue, payloadIssues } from "../schema/payload-issues.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";

/**
 * The schema `type` has in `events`, if any. Own keys only: `constructor` or `__proto__` is no event type.
 *
 * @example
 * const schema = schemaOf(provider.events, "user.created");
 */
export function schemaOf(
  events: Readonly<Record<string, StandardSchemaV1 | undefined>>,
  type: string,
): StandardSchemaV1 | undefined {
  return Object.hasOwn(events, type) ? events[type] : undefined;
}

/**
 * What a validation result says about the payload of a `type` event: `undefined` when it passed; when it
 * failed, its issues if `park`, else an `invalid_payload` error is thrown. Issues name paths and what was
 * expected there, never a value received.
 *
 * @example
 * const issues = schemaIssues(type, parsed, await schema["~standard"].validate(parsed), false);
 */
export function schemaIssues(
  type: string,
  parsed: unknown,
  result: StandardSchemaV1.Result<unknown>,
  park: boolean,
): readonly PayloadIssue[] | undefined {
  if (result.issues === undefined) return undefined;
  const issues = payloadIssues(result.issues, parsed);
  if (!park) throw invalidPayload(type, issues);
  return issues;
}
