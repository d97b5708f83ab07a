/**
 * Observe mode in the full pipeline: a request `"enforce"` mode would refuse is handed to `onObserved` with its
 * raw bytes, and answered 200 once that settles (500 if it throws, so the sender retries: nothing is lost).
 * @module
 */
import { WebhookVerificationError } from "../errors.js";
import { chain, type MaybePromise } from "../maybe.js";
import type { VerifyInput } from "../verify/authenticate.js";
import { toBytes } from "../verify/read-body.js";
import { failure, ok } from "./respond.js";
import type { ProcessResult } from "./types.js";
import type { ObservedRequest } from "./verdict.js";

/**
 * `input` with its body kept as it is read, so a refused request's bytes can still be handed on.
 *
 * @example
 * const captured = captureBody(input);
 * await authenticate(captured.input).catch(() => captured.raw());
 */
export function captureBody(input: VerifyInput): { input: VerifyInput; raw(): Uint8Array | undefined } {
  const { body } = input;
  if (typeof body !== "function") {
    return { input, raw: () => (body instanceof Uint8Array ? body : safeBytes(body)) };
  }
  let raw: Uint8Array | undefined;
  const read = () => chain(body(), (bytes) => (raw = toBytes(bytes)));
  return { input: { ...input, body: read }, raw: () => raw };
}

function safeBytes(body: unknown): Uint8Array | undefined {
  try {
    return toBytes(body);
  } catch {
    return undefined;
  }
}

/**
 * Hands a refused request to `onObserved`: 200 `{"ok":true,"observed":true}` once it settles, 500 if it throws.
 * Without the hook, the refusal's own answer.
 *
 * @example
 * return observe(options.onObserved, error, { ...requestOf(input), raw });
 */
export async function observe(
  onObserved: ((request: ObservedRequest) => MaybePromise<unknown>) | undefined,
  error: WebhookVerificationError,
  request: Omit<ObservedRequest, "error">,
): Promise<ProcessResult> {
  if (onObserved === undefined) return failure(error);
  try {
    await onObserved({ ...request, error });
  } catch (cause) {
    return failure(
      new WebhookVerificationError(
        "handler_failed",
        "`onObserved` failed on a request observe mode let through; the sender will retry it.",
        { cause },
      ),
    );
  }
  return ok("observed");
}
