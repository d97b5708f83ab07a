/**
 * The body as JSON, decoded as strict UTF-8 after it was verified.
 * @module
 */
import { WebhookVerificationError } from "../errors.js";

// `fatal`: bytes that are not UTF-8 are an error, never silently replaced. A leading BOM is dropped
// (RFC 8259 §8.1 lets parsers ignore one).
/**
 * Strict UTF-8: shared by every decoding of authenticated bytes.
 *
 * @example
 * const text = strictUtf8.decode(raw); // throws on bytes that are not UTF-8
 */
export const strictUtf8: TextDecoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses authenticated bytes as strict UTF-8 JSON; anything else is `invalid_json`. The default decoding, for a
 * provider's `decode` that picks it by content type.
 *
 * @example
 * decode: (raw, { header }) => header("content-type")?.startsWith("application/json") ? parseJson(raw) : parseForm(raw)
 */
export function parseJson(raw: Uint8Array): unknown {
  let text: string | undefined;
  try {
    text = strictUtf8.decode(raw);
    return JSON.parse(text);
  } catch {
    // The cause is a bare SyntaxError, not the parser's: V8's quotes the body (`Unexpected token 's',
    // "sk_live_…" is not valid JSON`), and a cause is logged with its error. (Its byte cost on the edge
    // verify path is why it carries no position.)
    throw new WebhookVerificationError(
      "invalid_json",
      `The body (${raw.length} bytes) is not valid ${text == null ? "UTF-8" : "JSON"}.`,
      { cause: SyntaxError() },
    );
  }
}
