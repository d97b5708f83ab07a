/**
 * A batch body's events: a JSON array is its items; anything else is one event alone, its own batch of one
 * (SendGrid's test events, Auth0's "JSON Object" stream format).
 * @module
 */

/**
 * The `split` of a sender that posts an array of events, or sometimes a single one.
 *
 * @example
 * const provider = { …, split: arrayItems };
 * arrayItems([{ id: 1 }, { id: 2 }]); // [{ id: 1 }, { id: 2 }]
 * arrayItems({ id: 1 }); // [{ id: 1 }]
 */
export function arrayItems(payload: unknown): readonly unknown[] {
  return Array.isArray(payload) ? payload : [payload];
}
