/**
 * The verification pipeline: required headers → size limit → scheme → replay window → JSON parse.
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { MaybePromise } from "../crypto/types.js";
import { configError } from "../errors.js";
import { integerOption } from "../integer-option.js";
import { whenReady } from "../schemes/helpers.js";
import type { SchemeResult, WebhookScheme } from "../schemes/types.js";
import { parseJson } from "./parse-json.js";
import {
  type BodyInput,
  DEFAULT_MAX_BODY_BYTES,
  type LazyBody,
  payloadTooLarge,
  toBytes,
} from "./read-body.js";
import { type HeaderReader, type HeadersInput, readHeaders } from "./read-headers.js";
import { checkReplayWindow, DEFAULT_TOLERANCE_SECONDS } from "./replay-window.js";

/** Options of {@link createVerifier}. */
export interface VerifierOptions {
  /** How requests prove where they came from: `standardWebhooks(…)`, `hmac(…)`, `bearer(…)`… */
  scheme: WebhookScheme;
  /** Seconds a signed timestamp may lie from the clock, both directions: 1 to 86,400. Default 300. */
  tolerance?: number;
  /** Largest body accepted, in bytes: 1 to 64 MiB. Default 1 MiB. */
  maxBodyBytes?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** A request to verify: its headers in any common shape and its raw body. */
export interface VerifyInput {
  headers: HeadersInput;
  /**
   * The raw body, or a function that reads it: called only once the headers the scheme requires are
   * present, so a request without them is refused (`missing_header`) before a byte of its body is read.
   */
  body: BodyInput | LazyBody;
}

/** A request that passed. */
export interface VerifiedWebhook<Payload = unknown> {
  /**
   * The event id: the scheme's (a signed `webhook-id`, a delivery id), else the body's own `id` string (signed
   * with the body: Stripe's `evt_…`, the generic sender's), else `sha256:` + the body's hash.
   */
  id: string;
  /** The signed timestamp, unix seconds, when the scheme signs one. */
  timestamp: number | undefined;
  /** The parsed JSON body. */
  payload: Payload;
  /** The exact bytes that were verified. */
  raw: Uint8Array;
  /** Which configured secret or token matched (its position in the list). */
  keyIndex: number;
}

/** Verifies requests; see {@link createVerifier}. */
export interface Verifier {
  readonly scheme: WebhookScheme;
  /** The size limit, so adapters can stop reading a body past it. */
  readonly maxBodyBytes: number;
  verify(input: VerifyInput): Promise<VerifiedWebhook>;
  /** The stages before parsing: headers, size, scheme, replay window. Used by the router and the benchmarks. */
  authenticate(input: VerifyInput): MaybePromise<AuthenticatedRequest>;
}

/** A request whose bytes are authentic and fresh, not yet parsed. */
export interface AuthenticatedRequest extends SchemeResult {
  raw: Uint8Array;
  /** The request's headers, as the scheme read them: where a provider may find its (unsigned) event type. */
  header: HeaderReader;
}

/** The body's own `id`, when it is a non-empty string. */
export function bodyId(payload: unknown): string | undefined {
  const id = (payload as { id?: unknown } | null)?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * Creates a verifier for one scheme. Caller mistakes throw a `TypeError` here; a bad request makes
 * `verify` throw a `WebhookVerificationError`.
 *
 * @example
 * const verifier = createVerifier({ scheme: standardWebhooks({ secret }) });
 * const { id, payload } = await verifier.verify({ headers: request.headers, body: await request.arrayBuffer() });
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const scheme = options?.scheme;
  if (!scheme || typeof scheme.verify !== "function") {
    throw configError("`scheme` is required, e.g. `standardWebhooks({ secret })`.");
  }
  // Limits: a tolerance past a day bounds nothing useful; a webhook body is a notification, not an upload (64 MiB).
  const tolerance = integerOption("tolerance", options.tolerance ?? DEFAULT_TOLERANCE_SECONDS, 86_400);
  const maxBodyBytes = integerOption("maxBodyBytes", options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 2 ** 26);
  const now = options.now ?? Date.now;

  function finish(raw: Uint8Array, header: HeaderReader, result: SchemeResult): AuthenticatedRequest {
    if (result.timestamp !== undefined) checkReplayWindow(result.timestamp, now(), tolerance);
    // Same own properties as `{ ...result, raw, header }`, which Node 20's V8 builds on a slow path (~0.45 µs,
    // a sixth of a 256-byte verify): adding a property after a spread leaves the fast object clone.
    return Object.assign({}, result, { raw, header });
  }

  function authenticate({ headers, body }: VerifyInput): MaybePromise<AuthenticatedRequest> {
    if (typeof body === "function") {
      // A request missing a header it needs is refused before a byte of its body is read.
      scheme.checkHeaders?.(readHeaders(headers));
      return whenReady(body(), (bytes) => authenticate({ headers, body: bytes }));
    }
    const raw = toBytes(body);
    if (raw.length > maxBodyBytes) throw payloadTooLarge(maxBodyBytes);
    const header = readHeaders(headers);
    const result = scheme.verify({ header, body: raw });
    return result instanceof Promise
      ? result.then((r) => finish(raw, header, r))
      : finish(raw, header, result);
  }

  async function verify(input: VerifyInput): Promise<VerifiedWebhook> {
    const { raw, id, timestamp, keyIndex } = await authenticate(input);
    const payload = parseJson(raw);
    const eventId = id ?? bodyId(payload) ?? `sha256:${await backend.sha256Hex(raw)}`;
    return { id: eventId, timestamp, payload, raw, keyIndex };
  }

  return { scheme, maxBodyBytes, verify, authenticate };
}
