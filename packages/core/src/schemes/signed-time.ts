/**
 * A signed timestamp as senders write it: unix seconds (Slack, Stripe), unix milliseconds (WorkOS,
 * HubSpot) or RFC 3339 (Twitch). The MAC covers the text as sent; the replay window reads it in seconds.
 * @module
 */
import { malformedHeader, parseUnixSeconds } from "./helpers.js";

/** How a signed timestamp is written. */
export type TimestampUnit = "seconds" | "milliseconds" | "rfc3339";

const DIGITS = /^\d{1,16}$/;
// RFC 3339 §5.6 `date-time`; up to nanoseconds (Twitch sends nine fractional digits).
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The unix seconds (rounded down) a timestamp's text stands for; `header` names where it came from in the
 * `malformed_header` refusal.
 *
 * @example
 * parseSignedTime("2026-11-30T06:00:00.634234626Z", "rfc3339", "twitch-eventsub-message-timestamp"); // 1796018400
 */
export function parseSignedTime(text: string, unit: TimestampUnit, header: string): number {
  if (unit === "seconds") return parseUnixSeconds(text, header);
  if (unit === "milliseconds") {
    const ms = Number(text);
    if (!DIGITS.test(text) || !Number.isSafeInteger(ms))
      throw malformedHeader(header, "must be whole unix milliseconds (digits only)");
    return Math.floor(ms / 1000);
  }
  const parts = RFC3339.exec(text);
  // Date.parse reads at most milliseconds reliably: the digits past them cannot move the second.
  const ms = parts
    ? Date.parse(`${parts[1]}T${parts[2]}${(parts[3] ?? "").slice(0, 4)}${parts[4]?.toUpperCase()}`)
    : Number.NaN;
  if (!Number.isFinite(ms)) throw malformedHeader(header, "must be an RFC 3339 date-time");
  return Math.floor(ms / 1000);
}

/**
 * Unix seconds written in `unit`, as `sign` sends them.
 *
 * @example
 * formatSignedTime(1796000000, "milliseconds"); // "1796000000000"
 */
export function formatSignedTime(seconds: number, unit: TimestampUnit): string {
  if (unit === "seconds") return String(seconds);
  if (unit === "milliseconds") return String(seconds * 1000);
  return new Date(seconds * 1000).toISOString();
}
