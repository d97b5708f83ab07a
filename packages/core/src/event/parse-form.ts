/**
 * Form bodies (`application/x-www-form-urlencoded`), decoded after they were verified: Twilio's parameters,
 * Slack's slash commands, and Slack interactivity's `payload=<json>`.
 * @module
 */
import { WebhookVerificationError } from "../errors.js";
import { parseJson, strictUtf8 } from "./parse-json.js";

/** A form body's parameters: a name sent once is a string, a name sent several times the list of its values. */
export type FormFields = { [name: string]: string | string[] };

function notForm(raw: Uint8Array): WebhookVerificationError {
  return new WebhookVerificationError(
    "invalid_payload",
    `The body (${raw.length} bytes) is not a UTF-8 form (application/x-www-form-urlencoded).`,
  );
}

/** `+` is a space and `%XX` a byte (WHATWG URL §5.1); the bytes must be UTF-8. */
function component(text: string, raw: Uint8Array): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    throw notForm(raw);
  }
}

/**
 * The parameters of a form body, in the order sent. A name sent several times keeps every value, as a list
 * (as Node's `querystring` and Express's `urlencoded` parser do, and as Twilio signs them); the object has
 * no prototype, so a `__proto__` parameter is only a parameter.
 *
 * @example
 * const provider = { …, decode: (raw) => parseForm(raw) };
 * parseForm(utf8("From=%2B14155550100&Body=Hi+there")); // { From: "+14155550100", Body: "Hi there" }
 */
export function parseForm(raw: Uint8Array): FormFields {
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    throw notForm(raw);
  }
  const fields: FormFields = Object.create(null);
  if (text === "") return fields;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const at = pair.indexOf("=");
    const name = component(at < 0 ? pair : pair.slice(0, at), raw);
    const value = at < 0 ? "" : component(pair.slice(at + 1), raw);
    const seen = fields[name];
    if (seen === undefined) fields[name] = value;
    else if (typeof seen === "string") fields[name] = [seen, value];
    else seen.push(value);
  }
  return fields;
}

/**
 * The JSON in one parameter of a form body: Slack interactivity posts `payload=<url-encoded JSON>`. A body
 * without that parameter (sent once) is `invalid_payload`; one whose value is not JSON is `invalid_json`.
 *
 * @example
 * const provider = { …, decode: (raw) => parseFormJson(raw, "payload") };
 */
export function parseFormJson(raw: Uint8Array, name: string): unknown {
  const value = parseForm(raw)[name];
  if (typeof value !== "string") {
    throw new WebhookVerificationError(
      "invalid_payload",
      `The form body has no single \`${name}\` parameter holding the event's JSON.`,
    );
  }
  return parseJson(new TextEncoder().encode(value));
}
