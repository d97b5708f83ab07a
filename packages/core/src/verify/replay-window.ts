/**
 * Freshness: a signed timestamp must lie within ±tolerance of the clock.
 * @module
 */
import { WebhookVerificationError } from "../errors.js";

/** The default tolerance, seconds, in both directions — what the Standard Webhooks and Stripe libraries use. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Throws `timestamp_expired` or `timestamp_in_future` unless `timestamp` (unix seconds) is within `tolerance`
 * seconds of `nowMs`. A timestamp exactly `tolerance` seconds away passes.
 *
 * @example
 * checkReplayWindow(1_750_000_000, Date.now(), DEFAULT_TOLERANCE_SECONDS);
 */
export function checkReplayWindow(timestamp: number, nowMs: number, tolerance: number): void {
  // Signed timestamps are whole seconds (every scheme parses digits), so `skew` is too. Compare at that
  // resolution, as the Standard Webhooks and Stripe libraries do, so a request they accept within the last
  // second of the window passes here too.
  const skew = Math.floor(nowMs / 1000) - timestamp;
  if (skew > tolerance) {
    throw new WebhookVerificationError(
      "timestamp_expired",
      `The signed timestamp is ${skew} s old, beyond the ${tolerance} s tolerance. A replay, a late retry, or a wrong clock.`,
    );
  }
  if (-skew > tolerance) {
    throw new WebhookVerificationError(
      "timestamp_in_future",
      `The signed timestamp is ${-skew} s in the future, beyond the ${tolerance} s tolerance. Check the clock (NTP).`,
    );
  }
}
