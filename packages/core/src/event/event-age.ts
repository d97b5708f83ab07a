/**
 * The age bound of an event whose signed body says when it was created (`maxAge`): where no timestamp is
 * signed, it stops a replay that outlives the dedupe store's memory of the event's id.
 * @module
 */
import { WebhookVerificationError } from "../errors.js";

/**
 * Returns the check of an event's age, read by `eventTime` (ms since the epoch, from the signed body) against
 * `maxAge` and `tolerance` (seconds) on the clock `now` (ms): it throws `timestamp_expired` past `maxAge`, `timestamp_in_future`
 * beyond the tolerance, and `invalid_payload` when the event carries no readable creation time (the bound
 * would silently switch off). `named` says whether the type may appear in that message: only a type of the
 * catalogue may, any other is a value received.
 *
 * @example
 * const checkAge = eventAgeCheck((p) => Date.parse(p.created_at), 86_400, 300, Date.now);
 * checkAge("user.created", true, payload);
 */
export function eventAgeCheck(
  eventTime: (payload: unknown) => number | undefined,
  maxAge: number,
  tolerance: number,
  now: () => number,
): (type: string, named: boolean, payload: unknown) => void {
  return (type, named, payload) => {
    const createdAt = eventTime(payload);
    if (createdAt === undefined) {
      throw new WebhookVerificationError(
        "invalid_payload",
        `${named ? `The \`${type}\` event` : "The event"} carries no readable creation time, so \`maxAge\` cannot bound its replay.`,
      );
    }
    const age = now() - createdAt;
    // A creation time in the future would stretch `maxAge` past the dedupe retention: a replay outlives its record.
    if (-age > tolerance * 1000) {
      throw new WebhookVerificationError(
        "timestamp_in_future",
        `The event's signed creation time is ${Math.round(-age / 1000)} s in the future, beyond the ${tolerance} s tolerance. Check the sender's clock (NTP).`,
      );
    }
    if (age > maxAge * 1000) {
      throw new WebhookVerificationError(
        "timestamp_expired",
        `The event was created ${Math.round(age / 1000)} s ago, beyond the ${maxAge} s \`maxAge\`: a replay, or a delivery retried for too long.`,
      );
    }
  };
}
