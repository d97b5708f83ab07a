/**
 * The three bodies Slack signs: Events API JSON, interactivity's form `payload=<json>`, and a slash
 * command's form fields. Decoded only after the signature over the exact bytes passed.
 * @see https://api.slack.com/interactivity/handling
 * @module
 */
import { type HeaderReader, parseFormJson } from "@hookproof/core";
import { formOrJson } from "../kit/form-body.js";

/**
 * Slack's body as a payload: JSON, unless the media type is `application/x-www-form-urlencoded`; then
 * the JSON in its `payload` field (interactivity), or else the fields themselves (a slash command), decoded
 * by the core's form parser. Bytes that are not UTF-8 are refused, never replaced.
 *
 * @example
 * slackDecode(utf8("payload=%7B%22type%22%3A%22block_actions%22%7D"), { header }); // { type: "block_actions" }
 */
export function slackDecode(raw: Uint8Array, request: { header: HeaderReader }): unknown {
  const body = formOrJson(raw, request);
  return body.form && body.payload.payload !== undefined ? parseFormJson(raw, "payload") : body.payload;
}
