/**
 * The answer to a refused webhook, for adapters and for code that calls a verifier itself.
 * @module
 */
import type { WebhookVerificationError } from "../errors.js";
import { failure } from "../router/respond.js";
import type { ProcessResult } from "../router/types.js";
import type { WebhookSource } from "./webhook-source.js";

/**
 * Turns a refusal into its answer: `{"error":{"code","message"}}` with the error's status (and `Retry-After`
 * when it has one). Given the router that refused, it answers through `hooks.reject`, so `onRejected` hears it.
 *
 * @example
 * try {
 *   event = await verifier.verify({ headers, body });
 * } catch (error) {
 *   if (!isWebhookVerificationError(error)) throw error;
 *   const { status, headers, body } = rejectWebhook(error);
 *   return new Response(body, { status, headers });
 * }
 */
export function rejectWebhook(error: WebhookVerificationError, source?: WebhookSource): ProcessResult {
  return source !== undefined && "reject" in source ? source.reject(error) : failure(error);
}
