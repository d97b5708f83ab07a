/**
 * A signed ISO 8601 time field of a payload as epoch milliseconds: what `eventTime` returns for `maxAge`.
 * @module
 */
import { stringField } from "./string-field.js";

/**
 * `payload[field]` parsed as an ISO 8601 date, in ms; `undefined` when absent or unparsable (the catalogue
 * refuses such a value first, so the age check is never silently off).
 *
 * @example
 * eventTime: (payload) => isoTime(payload, "created_at"),
 */
export function isoTime(payload: unknown, field: string): number | undefined {
  const text = stringField(payload, field);
  const time = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}
