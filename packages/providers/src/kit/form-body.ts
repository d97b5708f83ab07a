/**
 * Bodies that arrive as JSON or as `application/x-www-form-urlencoded` fields (Slack's slash commands and
 * interactivity, Twilio's callbacks), decoded only after the signature over the exact bytes passed. Bytes
 * that are not UTF-8 are `invalid_json`, never replaced.
 * @see https://url.spec.whatwg.org/#application/x-www-form-urlencoded
 * @module
 */
import type { HeaderReader } from "@hookproof/core";
import { WebhookVerificationError } from "@hookproof/core";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function notDecodable(raw: Uint8Array, what: string): WebhookVerificationError {
  return new WebhookVerificationError("invalid_json", `The body (${raw.length} bytes) is not valid ${what}.`);
}

/**
 * `text` parsed as JSON; `invalid_json` naming the body's size, never its content, otherwise.
 *
 * @example
 * jsonText('{"type":"block_actions"}', raw); // { type: "block_actions" }
 */
export function jsonText(text: string, raw: Uint8Array): unknown {
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
 * The body as a payload: its form fields (values decoded, a repeated name's last value) when the media type
 * is `application/x-www-form-urlencoded`, else its JSON. `form` says which it was.
 *
 * @example
 * formOrJson(utf8("From=%2B14155550100&Body=Hi+there"), { header }); // { form: true, payload: { From: "+14155550100", Body: "Hi there" } }
 */
export function formOrJson(
  raw: Uint8Array,
  request: { header: HeaderReader },
): { form: true; payload: Record<string, string> } | { form: false; payload: unknown } {
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    throw notDecodable(raw, "UTF-8");
  }
  const media = request.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  return media === "application/x-www-form-urlencoded"
    ? { form: true, payload: formFields(text, raw) }
    : { form: false, payload: jsonText(text, raw) };
}
