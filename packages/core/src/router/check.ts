/**
 * `hooks.check()` and `hooks.verify()`: the router's stages without dedupe or handlers, for verify-only
 * middleware. `check` says what the request is and what to answer; `verify` wants exactly one event.
 * @module
 */
import { configError, isWebhookVerificationError, type WebhookVerificationError } from "../errors.js";
import { chain, type MaybePromise } from "../maybe.js";
import type { KnownRequest, VerifyInput } from "../verify/authenticate.js";
import { Batch, Handshake, type Inspected, refusedItem } from "./inspect.js";
import { failure } from "./respond.js";
import type { ChallengeRequest, EventMap, HandshakeAnswer, ProcessResult, VerifiedEvent } from "./types.js";
import type { WebhookVerdict } from "./verdict.js";

/** What `check` and `verify` are made of; `create-webhooks.ts` assembles them. */
export interface CheckParts<Events extends EventMap> {
  readonly challenge: ((request: ChallengeRequest) => HandshakeAnswer | undefined) | undefined;
  readonly requestOf: (input: VerifyInput) => ChallengeRequest;
  /** Authentication and the stages after it; a schema failure throws. */
  readonly inspect: (
    input: VerifyInput,
    known?: KnownRequest,
  ) => MaybePromise<Inspected<VerifiedEvent<Events>>>;
  readonly observe: boolean;
  /** Answers a handshake (reported to `onHandshake`). */
  readonly handshake: (answer: HandshakeAnswer) => ProcessResult;
  /** Reports a refusal (`onRejected`). */
  readonly rejected: (error: WebhookVerificationError) => void;
}

/** The single event of `inspected`, or why there is none (a refused batch event, a handshake, several events). */
function single<Events extends EventMap>(inspected: Inspected<VerifiedEvent<Events>>): VerifiedEvent<Events> {
  if (inspected instanceof Handshake) {
    throw configError(
      `This request is a handshake (\`${inspected.answer.kind}\`), not an event: answer it with \`hooks.check()\` or \`hooks.process()\` (the adapters do).`,
    );
  }
  if (!(inspected instanceof Batch)) return inspected;
  const refused = inspected.items.find(refusedItem);
  if (refused !== undefined) throw refused;
  if (inspected.items.length === 1) return inspected.items[0] as VerifiedEvent<Events>;
  throw configError(
    `This request is a batch of ${inspected.items.length} events: read them with \`hooks.check()\` (\`verdict.events\`), or handle them with \`hooks.process()\`.`,
  );
}

/**
 * `check` and `verify` over `parts`.
 *
 * @example
 * const { check, verify } = createCheck(parts);
 * const verdict = await check({ headers, body, method, url });
 */
export function createCheck<Events extends EventMap>(
  parts: CheckParts<Events>,
): {
  check(input: VerifyInput): Promise<WebhookVerdict<Events>>;
  verify(input: VerifyInput): Promise<VerifiedEvent<Events>>;
} {
  async function check(input: VerifyInput): Promise<WebhookVerdict<Events>> {
    try {
      const known = parts.challenge === undefined ? undefined : parts.requestOf(input);
      const challenged = known === undefined ? undefined : parts.challenge?.(known);
      if (challenged !== undefined) {
        return { outcome: "handshake", handshake: challenged, answer: parts.handshake(challenged) };
      }
      const inspected = await parts.inspect(input, known);
      if (inspected instanceof Handshake) {
        const { answer } = inspected;
        return { outcome: "handshake", handshake: answer, answer: parts.handshake(answer) };
      }
      if (inspected instanceof Batch) {
        const refused = inspected.items.find(refusedItem);
        if (refused !== undefined) throw refused;
        const events = inspected.items as VerifiedEvent<Events>[];
        return { outcome: "verified", event: undefined, events, answer: undefined };
      }
      return { outcome: "verified", event: inspected, events: [inspected], answer: undefined };
    } catch (error) {
      if (!isWebhookVerificationError(error)) throw error;
      parts.rejected(error);
      return { outcome: "rejected", error, answer: parts.observe ? undefined : failure(error) };
    }
  }

  return {
    check,
    verify: async (input) => chain(parts.inspect(input), single),
  };
}
