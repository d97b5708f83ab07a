/**
 * Reading a provider's routing fields from a parsed body.
 * @module
 */

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
