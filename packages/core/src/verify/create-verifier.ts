/**
 * `createVerifier`: authentication (required headers, size limit, scheme, replay window), then the event stage
 * under its default rules: no catalogue, and the id is the signed one, the body's `id`, or the body's hash.
 * @module
 */
import { backend } from "../crypto/backend.js";
import { bodyId } from "../event/event-id.js";
import { parseJson } from "../event/parse-json.js";
import type { WebhookScheme } from "../schemes/types.js";
import {
  type Authenticator,
  createAuthenticator,
  type VerifierOptions,
  type VerifyInput,
} from "./authenticate.js";

export type { VerifierOptions } from "./authenticate.js";

/** A request that passed. */
export interface VerifiedWebhook<Payload = unknown> {
  /**
   * The event id: the scheme's (a signed `webhook-id`), else the body's own `id` string (signed with the
   * body: Stripe's `evt_…`, the generic sender's), else `sha256:` + the body's hash.
   */
  id: string;
  /** The signed timestamp, unix seconds, when the scheme signs one. */
  timestamp: number | undefined;
  /** The parsed JSON body, or the payload the scheme authenticated (a JWT body, an SNS message). */
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
  /** The stages before parsing: headers, size, scheme, replay window. Used by the benchmarks. */
  authenticate: Authenticator["authenticate"];
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
  const { scheme, maxBodyBytes, authenticate } = createAuthenticator(options);

  // The event stage under its default rules (`defaultEventId` in event/event-id.ts), written out: through
  // `createEventStage`, or even a call to `defaultEventId`, this path would pass its 4 KB edge budget.
  // event/create-event-stage.test.ts holds it and a router's stage to the same event.
  async function verify(input: VerifyInput): Promise<VerifiedWebhook> {
    // A scheme that decoded the body to check it (a JWT body, an in-body signature) hands its payload on.
    const { raw, id, timestamp, keyIndex, payload = parseJson(raw) } = await authenticate(input);
    const eventId = id ?? bodyId(payload) ?? `sha256:${await backend.sha256Hex(raw)}`;
    return { id: eventId, timestamp, payload, raw, keyIndex };
  }

  return { scheme, maxBodyBytes, verify, authenticate };
}
