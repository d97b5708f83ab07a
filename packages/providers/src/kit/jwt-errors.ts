/**
 * jose's errors as the refusals a webhook endpoint answers: a stable code and status, a message that says
 * what to fix and never carries the token.
 * @module
 */
import { type WebhookErrorCode, WebhookVerificationError } from "@hookproof/core";
import { errors } from "jose";

/**
 * The refusal for what `jwtVerify` (or `decodeProtectedHeader`) threw; a `WebhookVerificationError` (a key
 * fetch that failed) passes through.
 *
 * @example
 * try { await jwtVerify(token, key, options) } catch (error) { throw tokenFailure(error, "x-webhook-signature") }
 */
export function tokenFailure(error: unknown, header: string | undefined): WebhookVerificationError {
  if (error instanceof WebhookVerificationError) return error;
  const where = header ? `The JWT in \`${header}\`` : "The JWT body";
  let code: WebhookErrorCode = "invalid_signature";
  let message = `${where} does not verify with the configured key(s): check the secret or public key this endpoint uses.`;
  if (error instanceof errors.JWTExpired) {
    code = "timestamp_expired";
    message = `${where} has expired (\`exp\`), or was issued too long ago; a replayed request is refused.`;
  } else if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    // jose raises an `iat` in the future and an `nbf` not yet reached here (a too-old `iat` is JWTExpired).
    if ((claim === "nbf" || claim === "iat") && error.reason === "check_failed") code = "timestamp_in_future";
    message = `${where} fails its \`${claim}\` claim check (${error.reason}).`;
  } else if (error instanceof errors.JWKSNoMatchingKey) {
    message = `${where} names a key (\`kid\`) the sender's key set does not hold, or no configured key fits its algorithm.`;
  } else if (error instanceof errors.JOSEAlgNotAllowed) {
    message = `${where} uses an algorithm this endpoint does not accept.`;
  } else if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    code = header ? "malformed_header" : "invalid_signature";
    message = `${where} is not a compact JWS (three base64url parts).`;
  }
  return new WebhookVerificationError(code, message, header ? { header, cause: error } : { cause: error });
}
