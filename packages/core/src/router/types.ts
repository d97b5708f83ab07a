/**
 * The types that make `.on("user.created", (event) => …)` narrow: event maps, catalogues, providers.
 * @module
 */
import type { WebhookVerificationError } from "../errors.js";
import type { MaybePromise } from "../maybe.js";
import type { PayloadIssue } from "../schema/payload-issues.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import type { WebhookScheme } from "../schemes/types.js";
import type { HeaderReader } from "../verify/read-headers.js";

/** Event type → payload type. */
export type EventMap = { [type: string]: unknown };

/** Event type → runtime schema (any Standard Schema v1 library) of its payload. */
export type EventCatalogue<Events extends EventMap> = {
  readonly [Type in keyof Events]: StandardSchemaV1<unknown, Events[Type]>;
};

/** The payload types of a catalogue. */
export type EventsOf<Catalogue> = {
  [Type in keyof Catalogue]: Catalogue[Type] extends StandardSchemaV1<unknown, infer Output> ? Output : never;
};

/** What the router answers instead of handling an event: a sender's handshake. */
export interface HandshakeAnswer {
  /** Names it for hooks and logs: "slack.url_verification", "okta.verification", "meta.subscribe". */
  kind: string;
  status: number; // 200 normally; 403 for a refused GET challenge (wrong verify token)
  contentType: string; // "application/json" or "text/plain"
  body: string;
}

/** What a provider knows about where its fields are. */
export interface WebhookProvider<Events extends EventMap = EventMap> {
  /** Kebab-case name, used in dedupe keys and logs: `stack-auth`. */
  readonly name: string;
  readonly scheme: WebhookScheme;
  readonly events: EventCatalogue<Events>;
  /**
   * The event type of a parsed body (`body.type`, or `${model}.${action}`); `undefined` when it has none.
   * `header` reads the request's headers, for senders that name the type in one (GitHub's `X-GitHub-Event`).
   * Such a header is signed by nothing: the body is still validated against the schema of the type it
   * claims, and the dedupe id must not depend on it, so a replay under another type is a duplicate.
   */
  eventType(payload: unknown, header: HeaderReader): string | undefined;
  /**
   * The dedupe id of an event. Given the scheme's id (a signed id header), if any. Returning `undefined`
   * falls back to the SHA-256 of the raw body.
   */
  eventId?(payload: unknown, schemeId: string | undefined): string | undefined;
  /** When the sender created the event, ms since the epoch, if the signed body says (for `maxAge`). */
  eventTime?(payload: unknown): number | undefined;
  /** Seconds after which an event is too old to accept, for senders without a signed timestamp. */
  readonly maxAge?: number;
  /**
   * Seconds a signed timestamp may lie from the clock, when the sender's signatures stay valid longer or
   * shorter than the default 300 s: Mailgun resends a failed event with its original signature for 8 hours.
   * An integer from 1 to 86,400; the router's `tolerance` option overrides it.
   */
  readonly tolerance?: number;
  /**
   * `"retention"` when the scheme signs no time and there is no `maxAge` (a bearer or header token, a body-only
   * HMAC): the provider accepts that replay protection ends when the dedupe retention does, so routers on it
   * need not say so themselves. See the router's `replayBound`.
   */
  readonly replayBound?: "retention";
  /**
   * Before authentication (and before the body is read): a challenge the sender authenticates its own way
   * (Okta's GET `x-okta-verification-challenge`, Meta's GET `hub.challenge` + verify token). An answer ends
   * the request there; `undefined` lets it through to authentication.
   */
  challenge?(request: ChallengeRequest): HandshakeAnswer | undefined;
  /**
   * How the authenticated bytes decode to the payload (default: strict UTF-8 JSON). Form bodies, Slack's
   * `payload=<json>`. Runs only after authentication, on the exact bytes; not called when the scheme already
   * decoded the payload (`SchemeResult.payload`).
   */
  decode?(raw: Uint8Array, request: { header: HeaderReader; method?: string; url?: string }): unknown;
  /**
   * After authentication and decoding, before splitting and dedupe: a signed handshake (Slack url_verification,
   * Discord PING, Zoom endpoint.url_validation, Twitch webhook_callback_verification, SNS
   * SubscriptionConfirmation). An answer is sent instead of handling an event; it never reaches dedupe or handlers.
   * `keyIndex` is the position of the secret that authenticated the request (the router always gives it), for
   * an answer keyed by that secret (Zoom's `encryptedToken`).
   */
  handshake?(
    payload: unknown,
    request: { header: HeaderReader; keyIndex?: number },
  ): MaybePromise<HandshakeAnswer | undefined>;
  /**
   * A batch body → its events (SendGrid's array, Okta's `data.events`, Meta's `entry[]`), each then typed,
   * validated, identified (from its own signed fields) and deduped on its own.
   */
  split?(payload: unknown): readonly unknown[];
}

/** What a provider's `challenge` sees of a request: it runs before authentication, with no body. */
export interface ChallengeRequest {
  /** The upper-case HTTP method: `"GET"` for Okta's and Meta's challenges. */
  method: string;
  /** The public URL (query included), when the adapter or caller gave one. */
  url: string | undefined;
  header: HeaderReader;
}

/** What the router answers instead of handling an event: a sender's handshake. */
export interface HandshakeAnswer {
  /** Names it for hooks and logs: `"slack.url_verification"`, `"okta.verification"`, `"meta.subscribe"`. */
  kind: string;
  /** 200 normally; 403 for a refused GET challenge (a wrong verify token). */
  status: number;
  /** `"application/json"` or `"text/plain"`. */
  contentType: string;
  body: string;
}

/** What a handler learns besides the payload. */
export interface WebhookContext<Type extends string = string> {
  /** The event type, as routed. */
  type: Type;
  /** The dedupe id (signed id header, body id, or `sha256:` of the body). */
  id: string;
  /** The provider's name. */
  provider: string;
  /** The signed timestamp, unix seconds, when the scheme has one. */
  timestamp: number | undefined;
  /** The exact bytes verified. */
  raw: Uint8Array;
  /** Which configured secret or token matched. */
  keyIndex: number;
  /** Aborted when the handler runs past `timeoutMs`; pass it on to fetches and queries. */
  signal: AbortSignal;
}

/** A handler for one event type. Its promise settling is what "handled" means. */
export type EventHandler<Payload, Type extends string = string> = (
  event: Payload,
  context: WebhookContext<Type>,
) => MaybePromise<unknown>;

/** A handler for every event: `event` is the union of the catalogue's payloads. */
export type AnyEventHandler<Events extends EventMap> = (
  event: Events[keyof Events],
  context: WebhookContext<Extract<keyof Events, string>>,
) => MaybePromise<unknown>;

/** A framework-neutral answer: adapters write it into their response object. */
export interface ProcessResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What `hooks.run(event)` answers: the answer a delivery would get, and on failure the error behind it. */
export interface RunResult extends ProcessResult {
  /** Why the event was not handled, when `status` is not 200: its `cause` is what a handler threw. */
  error?: WebhookVerificationError;
}

/** A verified, validated event and where it came from; narrowing on `type` narrows `payload`. */
export type VerifiedEvent<Events extends EventMap = EventMap> = {
  [Type in Extract<keyof Events, string>]: {
    type: Type;
    payload: Events[Type];
    /** The dedupe id. */
    id: string;
    provider: string;
    timestamp: number | undefined;
    raw: Uint8Array;
    keyIndex: number;
    /**
     * The payload as decoded before validation, when it is not the JSON of `raw`: a form body, a JWT's claims,
     * an SNS message, one event of a batch. A queue stores it so that its worker validates what was received.
     */
    decoded?: unknown;
  };
}[Extract<keyof Events, string>];

/**
 * An authenticated event whose payload breaks its event's schema, as `onInvalidPayload` receives it to park:
 * the raw bytes, the parsed but unvalidated payload, and the schema's issues.
 */
export interface InvalidPayloadEvent {
  type: string;
  /** The dedupe id, as a valid event of this type would have. */
  id: string;
  provider: string;
  timestamp: number | undefined;
  /** The parsed body, not validated: it does not match the schema. */
  payload: unknown;
  raw: Uint8Array;
  keyIndex: number;
  /** As on {@link VerifiedEvent}: the decoded payload when it is not the JSON of `raw`. */
  decoded?: unknown;
  /** Every schema problem: its path and what was expected there, never the value received. */
  issues: readonly PayloadIssue[];
}
