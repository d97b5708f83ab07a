/**
 * The body as JSON, decoded as strict UTF-8 after it was verified.
 * @module
 */
import { WebhookVerificationError } from "../errors.js";

// `fatal`: bytes that are not UTF-8 are an error, never silently replaced. A leading BOM is dropped
// (RFC 8259 §8.1 lets parsers ignore one).
const decoder = new TextDecoder("utf-8", { fatal: true });

export function parseJson(raw: Uint8Array): unknown {
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch (cause) {
    throw new WebhookVerificationError("invalid_json", "The body is not valid UTF-8, so it cannot be JSON.", {
      cause,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WebhookVerificationError("invalid_json", `The body (${raw.length} bytes) is not valid JSON.`, {
      cause: bare(error),
    });
  }
}

/**
 * The parser's error without the body: V8's messages quote the input (`Unexpected token 's', "sk_live_…" is
 * not valid JSON`), and a cause is logged with its error. Only the position, when the parser gave one, stays.
 */
function bare(error: unknown): SyntaxError {
  const position = /\bat position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  return new SyntaxError(position === undefined ? "Invalid JSON" : `Invalid JSON at position ${position}`);
}
