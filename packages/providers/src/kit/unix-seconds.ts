/**
 * Reading a signed creation time in unix seconds from a parsed body, for `eventTime`.
 * @module
 */

/**
 * The number at `key` of a parsed body, as ms since the epoch, when it is a finite number of seconds.
 *
 * @example
 * unixSecondsField({ created_at: 1787234402 }, "created_at"); // 1787234402000
 */
export function unixSecondsField(payload: unknown, key: string): number | undefined {
  const value =
    typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>)[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value * 1000 : undefined;
}
