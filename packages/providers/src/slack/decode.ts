/**
 * The three bodies Slack signs: Events API JSON, interactivity's form `payload=<json>`, and a slash
 * command's form fields. Decoded only after the signature over the exact bytes passed.
 * @see https://api.slack.com/interactivity/handling
 * @module
 */
import type { HeaderReader } from "@hookproof/core";
import { WebhookVerificationError } from "@hookproof/core";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function notDecodable(raw: Uint8Array, what: string): WebhookVerificationError {
  return new WebhookVerificationError("invalid_json", `The body (${raw.length} bytes) is not valid ${what}.`);
}

function json(text: string, raw: Uint8Array): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw notDecodable(raw, "JSON");
  }
}

/** `+` is a space and `%XX` a byte (WHATWG URL §5.1). */
function component(text: string, raw: Uint8Array): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    throw notDecodable(raw, "form encoding");
  }
}

/** A form body's fields; no prototype, so a `__proto__` field is only a field. A repeated name keeps its last value. */
function formFields(text: string, raw: Uint8Array): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const at = pair.indexOf("=");
    fields[component(at < 0 ? pair : pair.slice(0, at), raw)] =
      at < 0 ? "" : component(pair.slice(at + 1), raw);
  }
  return fields;
}

/**
 * Slack's body as a payload: JSON, unless the media type is `application/x-www-form-urlencoded`; then
 * the JSON in its `payload` field (interactivity), or else the fields themselves (a slash command).
 * Bytes that are not UTF-8 are `invalid_json`, never replaced.
 *
 * @example
 * slackDecode(utf8("payload=%7B%22type%22%3A%22block_actions%22%7D"), { header }); // { type: "block_actions" }
 */
export function slackDecode(raw: Uint8Array, request: { header: HeaderReader }): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    throw notDecodable(raw, "UTF-8");
  }
  const media = request.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (media !== "application/x-www-form-urlencoded") return json(text, raw);
  const fields = formFields(text, raw);
  return fields.payload === undefined ? fields : json(fields.payload, raw);
}
