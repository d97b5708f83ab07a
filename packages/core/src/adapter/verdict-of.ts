/**
 * What every adapter's `verifyWebhook` does with a request: ask the router for its verdict (or run a bare
 * verifier), so the middleware only sends `verdict.answer` or calls the app.
 * @module
 */
import { isWebhookVerificationError } from "../errors.js";
import { failure } from "../router/respond.js";
import type { Verdict } from "../router/verdict.js";
import type { VerifyInput } from "../verify/authenticate.js";
import type { WebhookEventOf, WebhookSource } from "./webhook-source.js";

/**
 * The verdict on `input`: a router's `check()` (handshakes answered, refusals reported, observe mode let
 * through), or a bare verifier's event or refusal. Anything but a `WebhookVerificationError` rejects.
 *
 * @example
 * const verdict = await verdictOf(hooks, { headers, method, url, body });
 * if (verdict.answer) return send(verdict.answer);
 * req.webhookVerdict = verdict;
 */
export async function verdictOf<Source extends WebhookSource>(
  source: Source,
  input: VerifyInput,
): Promise<Verdict<WebhookEventOf<Source>>> {
  type Result = Verdict<WebhookEventOf<Source>>;
  if ("check" in source && source.check !== undefined) return (await source.check(input)) as Result;
  try {
    const event = (await source.verify(input)) as WebhookEventOf<Source>;
    return { outcome: "verified", event, events: [event], answer: undefined };
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error;
    // A router without `check` (a hand-made source) still hears its refusals.
    const answer = "reject" in source ? source.reject(error) : failure(error);
    return { outcome: "rejected", error, answer };
  }
}
