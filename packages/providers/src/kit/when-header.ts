/**
 * A scheme that picks one of two schemes per request, by whether a header is present: how one endpoint
 * accepts a sender that is migrating from a shared token to signatures.
 * @module
 */
import type { WebhookScheme } from "@hookproof/core";

/**
 * Verifies with `present` when the request carries `header`, else with `absent`; signs as `present`.
 *
 * A request without the header is judged by `absent` alone, so the pair is only as strong as `absent`:
 * drop it once every sender uses `present`.
 *
 * @example
 * const scheme = whenHeader("x-ferriskey-signature", signed, token);
 */
export function whenHeader(header: string, present: WebhookScheme, absent: WebhookScheme): WebhookScheme {
  const name = header.toLowerCase();
  return {
    name: `${present.name} | ${absent.name}`,
    signsTimestamp: present.signsTimestamp && absent.signsTimestamp,
    verify: (request) => (request.header(name) === undefined ? absent : present).verify(request),
    checkHeaders: (header) => (header(name) === undefined ? absent : present).checkHeaders?.(header),
    sign: (input) => present.sign(input),
  };
}
