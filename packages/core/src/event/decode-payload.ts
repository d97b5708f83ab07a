/**
 * The payload of authenticated bytes: the one the scheme decoded to check it, else the provider's `decode`,
 * else strict UTF-8 JSON.
 * @module
 */
import type { EventMap, WebhookProvider } from "../router/types.js";
import type { AuthenticatedRequest } from "../verify/authenticate.js";
import { parseJson } from "./parse-json.js";

/**
 * Decodes `auth`'s bytes as `provider` says, after authentication and from the exact bytes verified.
 *
 * @example
 * const payload = decodePayload(provider, await authenticate(input));
 */
export function decodePayload(provider: WebhookProvider<EventMap>, auth: AuthenticatedRequest): unknown {
  // A JWT body or an SNS message: the scheme decoded it to check it, so it is not decoded twice.
  if (auth.payload !== undefined) return auth.payload;
  return provider.decode === undefined ? parseJson(auth.raw) : provider.decode(auth.raw, auth);
}
