/**
 * Comparing a received secret (a verify token in a query string) with the configured one where no scheme
 * does it: in time that depends on the received length only.
 * @module
 */

/**
 * Whether `received` equals `expected` (never an empty one), without an exit at the first differing character.
 *
 * @example
 * sameText(url.searchParams.get("hub.verify_token") ?? "", options.verifyToken); // boolean
 */
export function sameText(received: string, expected: string): boolean {
  const n = expected.length;
  if (n === 0) return false;
  let diff = received.length ^ n;
  for (let i = 0; i < received.length; i++) diff |= received.charCodeAt(i) ^ expected.charCodeAt(i % n);
  return diff === 0;
}
