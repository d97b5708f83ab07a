/**
 * What a scheme is: how a request proves where it came from, and how to sign one like it.
 * @module
 */
import type { MaybePromise } from "../maybe.js";
import type { HeaderReader } from "../verify/read-headers.js";

/** The parts of a request a scheme looks at. */
export interface SchemeRequest {
  /** Reads a header by lower-case name. */
  header: HeaderReader;
  /** The raw body, exactly as received. */
  body: Uint8Array;
  /** The upper-case HTTP method, when the caller or adapter gave it. */
  method?: string;
  /**
   * The request's full public URL as the sender addressed it: `scheme://host[:port]/path?query` (no fragment).
   * A URL-bound scheme given none throws a `[@hookproof/core]` TypeError: a caller or adapter mistake.
   */
  url?: string;
}

/** What a scheme proved about a request. */
export interface SchemeResult {
  /**
   * The event id the sender signed (`webhook-id`), if the scheme has one. Never an unsigned header: a
   * replayed request could carry any value there and pass as a new event.
   */
  id?: string;
  /** The signed timestamp, unix seconds, if the scheme has one; the verifier checks the replay window. */
  timestamp?: number;
  /** Position in the configured secret or token list of the one that matched (never the secret itself). */
  keyIndex: number;
  /**
   * The authenticated payload, when the scheme had to decode the body to check it (a JWT body, an SNS message,
   * an in-body signature): the event stage uses it instead of decoding the raw bytes again.
   */
  payload?: unknown;
}

/** What to sign. */
export interface SignInput {
  body: Uint8Array | string;
  /** Event id, for schemes that sign one (Standard Webhooks) or send one (a delivery-id header). */
  id?: string;
  /** Unix seconds, for schemes that sign a timestamp. Defaults to now. */
  timestamp?: number;
  /** The upper-case HTTP method, for schemes that sign it. Default `"POST"`. */
  method?: string;
  /** The URL the request is sent to, for schemes that sign it. */
  url?: string;
}

/**
 * A way of authenticating webhook requests. Every scheme verifies and signs the exact raw bytes,
 * so signing and verifying can never drift apart.
 */
export interface WebhookScheme {
  /** A short name for logs: `standard-webhooks`, `hmac`, `bearer`, `header-token`. */
  readonly name: string;
  /** Whether the scheme carries a signed timestamp that the replay window applies to. */
  readonly signsTimestamp: boolean;
  /** Checks the request; throws `WebhookVerificationError` when it is not authentic. */
  verify(request: SchemeRequest): MaybePromise<SchemeResult>;
  /**
   * Throws the `missing_header` (or `malformed_header`) error `verify` would throw first, from the headers
   * alone and at once: the verifier calls it before reading a body, so a request that cannot pass is
   * refused before its bytes are buffered. `verify` runs the same check, so a scheme without it loses
   * nothing but that early refusal.
   */
  checkHeaders?(header: HeaderReader): void;
  /** The headers a sender would add for `input`. */
  sign(input: SignInput): MaybePromise<Record<string, string>>;
  /**
   * For schemes whose proof travels in the body (a JWT body, an SNS message, Mailgun's in-body signature): the
   * headers and the body a sender would send for `input`, whose `body` is then the content to wrap.
   * `@hookproof/testing` prefers it.
   */
  signBody?(input: SignInput): MaybePromise<{ headers: Record<string, string>; body: string | Uint8Array }>;
}

/** A secret as text (its UTF-8 bytes are the key, or a `whsec_` string) or as raw key bytes. */
export type SecretInput = string | Uint8Array;

/** One secret, or several while rotating: any of them is accepted. */
export type Secrets = SecretInput | readonly SecretInput[];
