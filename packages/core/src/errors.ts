/**
 * The one error class hookproof throws for a request it will not accept.
 * @module
 */

/** Stable, machine-readable reasons a webhook request was not handled. */
export type WebhookErrorCode =
  | "payload_too_large"
  | "missing_header"
  | "malformed_header"
  | "invalid_signature"
  | "invalid_token"
  | "timestamp_expired"
  | "timestamp_in_future"
  | "body_already_parsed"
  | "invalid_json"
  | "invalid_payload"
  | "duplicate_in_flight"
  | "store_unavailable"
  | "key_unavailable"
  | "handler_failed"
  | "handler_timeout"
  | "shutting_down";

/** HTTP status answered for each code: one table for every adapter. */
export const ERROR_STATUS: Readonly<Record<WebhookErrorCode, number>> = {
  payload_too_large: 413,
  missing_header: 400,
  malformed_header: 400,
  invalid_signature: 401,
  invalid_token: 401,
  timestamp_expired: 401,
  timestamp_in_future: 401,
  body_already_parsed: 500,
  invalid_json: 400,
  invalid_payload: 400,
  duplicate_in_flight: 409,
  store_unavailable: 503,
  key_unavailable: 503,
  handler_failed: 500,
  handler_timeout: 503,
  shutting_down: 503,
};

/** Details a {@link WebhookVerificationError} may carry besides its code. */
export interface WebhookErrorDetails {
  /** The header at fault, lower-case. */
  header?: string;
  /** Where in the payload the first schema problem is, as a dotted path (`data.primary_email`). */
  path?: string;
  /** Seconds the sender should wait before retrying (409, 503). */
  retryAfter?: number;
  /** The underlying error, if any. Never holds a secret. */
  cause?: unknown;
}

/**
 * A webhook request was rejected. `code` is stable and `status` is the HTTP status to answer;
 * the message says what to fix and never contains a secret, a token or an expected signature.
 *
 * @example
 * try {
 *   await verifier.verify({ headers, body });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) console.warn(error.code, error.status);
 * }
 */
export class WebhookVerificationError extends Error {
  // Assigned in the constructor; `declare` keeps the build from also emitting field definitions.
  declare readonly code: WebhookErrorCode;
  declare readonly status: number;
  declare readonly header: string | undefined;
  declare readonly path: string | undefined;
  declare readonly retryAfter: number | undefined;

  constructor(code: WebhookErrorCode, message: string, details: WebhookErrorDetails = {}) {
    // ES2022 Error options: only a `cause` the details hold is kept, as its own property (14 B of the edge budget).
    super(message, details);
    this.name = "WebhookVerificationError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.header = details.header;
    this.path = details.path;
    this.retryAfter = details.retryAfter;
  }

  /** The JSON body adapters answer with: `{"error":{"code","message"}}`. */
  toJSON(): { error: { code: WebhookErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Whether `value` is a {@link WebhookVerificationError}, across bundle copies too. */
export function isWebhookVerificationError(value: unknown): value is WebhookVerificationError {
  return (
    value instanceof WebhookVerificationError ||
    (value instanceof Error &&
      value.name === "WebhookVerificationError" &&
      typeof (value as { code?: unknown }).code === "string")
  );
}

/**
 * A caller mistake found when a scheme, verifier, router or provider is created: a `TypeError` prefixed
 * `[@hookproof/core]`, never thrown per request.
 *
 * @example
 * if (!options.secret) throw configError("`secret` is required: the endpoint's signing secret.");
 */
export function configError(message: string): TypeError {
  return new TypeError(`[@hookproof/core] ${message}`);
}
