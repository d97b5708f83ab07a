/**
 * A router's verdict on a request, for verify-only middleware and observe mode: what it is, and what (if
 * anything) to answer instead of handing it to the app.
 * @module
 */
import type { WebhookVerificationError } from "../errors.js";
import type { HeaderReader } from "../verify/read-headers.js";
import type { EventMap, HandshakeAnswer, ProcessResult, VerifiedEvent } from "./types.js";

/**
 * What `hooks.check(request)` found. `answer` is what the middleware sends instead of calling the app: a
 * handshake's answer, or a refusal's (in `"enforce"` mode); `undefined` lets the request through, with the
 * verdict for the app's handler to read (`req.webhookVerdict`, `c.get("webhookVerdict")`).
 *
 * @example
 * const verdict = await hooks.check({ headers, body, method, url });
 * if (verdict.answer) return new Response(verdict.answer.body, verdict.answer);
 * if (verdict.outcome === "verified") for (const event of verdict.events) await save(event);
 */
export type WebhookVerdict<Events extends EventMap = EventMap> = Verdict<VerifiedEvent<Events>>;

/**
 * A verdict whose events are `Event`: a router's typed events, or a bare verifier's `VerifiedWebhook`.
 *
 * @example
 * let verdict: Verdict<VerifiedWebhook> = await verdictOf(verifier, input);
 */
export type Verdict<Event> =
  | {
      outcome: "verified";
      /** The event; for a batch (several events in one request), `undefined`: read `events`. */
      event: Event | undefined;
      /** Every event of the request: one, or a batch's. */
      events: readonly Event[];
      answer: undefined;
    }
  | {
      outcome: "handshake";
      handshake: HandshakeAnswer;
      answer: ProcessResult;
    }
  | {
      outcome: "rejected";
      error: WebhookVerificationError;
      /** The refusal's answer; `undefined` in `"observe"` mode, where the request goes through anyway. */
      answer: ProcessResult | undefined;
    };

/** A request `"observe"` mode let through although it was refused, as `onObserved` receives it. */
export interface ObservedRequest {
  /** Why `"enforce"` mode would have refused it. */
  error: WebhookVerificationError;
  /** The bytes received, when they were read (a body over the size limit is not). */
  raw: Uint8Array | undefined;
  header: HeaderReader;
  method: string | undefined;
  url: string | undefined;
}

/** One event of a batch and what came of it, as `onBatch` hears it. */
export interface BatchItemResult {
  /** Its position in the batch. */
  index: number;
  /** Its event type and dedupe id, when it got that far. */
  type: string | undefined;
  id: string | undefined;
  outcome: "handled" | "duplicate" | "unhandled" | "parked" | "failed";
  /** The status its own delivery would have been answered with. */
  status: number;
  /** Why it failed. */
  error: WebhookVerificationError | undefined;
}
