/**
 * The event id, the key that makes handling exactly-once: taken only from signed material, never from an
 * unsigned header a replay could change.
 * @module
 */

/**
 * Where an event's id is read from a parsed payload, given the scheme's signed id if it has one; `undefined`
 * leaves the scheme's id, else the SHA-256 of the raw body.
 *
 * @example
 * const stripeId: EventIdRule = (payload) => (payload as { id?: string }).id;
 */
export type EventIdRule = (payload: unknown, schemeId: string | undefined) => string | undefined;

/**
 * The body's own `id`, when it is a non-empty string.
 *
 * @example
 * bodyId({ id: "evt_1", type: "user.created" }); // "evt_1"
 */
export function bodyId(payload: unknown): string | undefined {
  const id = (payload as { id?: unknown } | null)?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * The default rule: the scheme's signed id (a `webhook-id`), else the body's own `id` string (signed with the
 * body: Stripe's `evt_…`, the generic sender's).
 *
 * @example
 * defaultEventId({ id: "evt_1" }, undefined); // "evt_1"
 */
export const defaultEventId: EventIdRule = (payload, schemeId) => schemeId ?? bodyId(payload);
