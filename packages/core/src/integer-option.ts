/**
 * The one check every duration and count option goes through when something is created.
 * @module
 */
import { configError } from "./errors.js";

/**
 * Returns `value` if it is an integer from 1 to `max`; otherwise throws a `[@hookproof/core]` TypeError that
 * names the option and the range. Pass the default in when the option is absent: it is checked too.
 *
 * @example
 * const retainMs = integerOption("retainMs", options.retainMs ?? 72 * HOUR, 30 * DAY);
 */
export function integerOption(name: string, value: unknown, max: number): number {
  // Infinity, NaN, fractions, strings and 0 all fail here: a store cannot keep a key for `PX Infinity`.
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    throw configError(`\`${name}\` must be an integer from 1 to ${max}.`);
  }
  return value as number;
}
