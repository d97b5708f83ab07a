/**
 * A batch's answer: 200 only when every event was handled (or was a duplicate, unhandled or parked), marked a
 * duplicate when every event was one; else the
 * worst of its events' answers, a retryable one (5xx, 409) first, so the sender retries the batch and only the
 * events not done run again (the done ones are duplicates).
 * @module
 */
import { errorOf, ok, outcomeOf } from "./respond.js";
import type { ProcessResult } from "./types.js";
import type { BatchItemResult } from "./verdict.js";

/** One event of a batch and its own answer; `event` is `undefined` when it was refused before it had a type. */
export interface BatchAnswer {
  event: { type: string; id: string } | undefined;
  result: ProcessResult;
}

function retryable(result: ProcessResult): boolean {
  return result.status >= 500 || result.status === 409;
}

/**
 * The answer to a batch whose events were answered `answers`, and what came of each.
 *
 * @example
 * const { answer, results } = batchAnswer([{ event, result: ok("handled") }]); // answer: 200
 */
export function batchAnswer(answers: readonly BatchAnswer[]): {
  answer: ProcessResult;
  results: BatchItemResult[];
} {
  let worst: ProcessResult | undefined;
  const results = answers.map(({ event, result }, index): BatchItemResult => {
    if (result.status !== 200 && (worst === undefined || (retryable(result) && !retryable(worst)))) {
      worst = result;
    }
    return {
      index,
      type: event?.type,
      id: event?.id,
      // An event of a batch is never observed: observe mode is about the request's verdict.
      outcome: (outcomeOf(result) ?? "failed") as BatchItemResult["outcome"],
      status: result.status,
      error: errorOf(result),
    };
  });
  // A batch sent again whole, every event already done, is answered as any duplicate is.
  const allDuplicates = results.length > 0 && results.every((result) => result.outcome === "duplicate");
  return { answer: worst ?? ok(allDuplicates ? "duplicate" : "handled"), results };
}
