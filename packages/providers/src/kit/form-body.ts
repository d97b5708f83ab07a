/**
 * Bodies that arrive as JSON or as `application/x-www-form-urlencoded` fields (Slack's slash commands and
 * interactivity, Twilio's callbacks), decoded by the core's parsers only after the signature over the exact
 * bytes passed.
 * @see https://url.spec.whatwg.org/#application/x-www-form-urlencoded
 * @module
 */
import { type FormFields, type HeaderReader, parseForm, parseJson } from "@hookproof/core";

/**
 * The body as a payload: its form fields when the media type is `application/x-www-form-urlencoded` (a name
 * sent several times keeps every value, as a list), else its JSON. `form` says which it was.
 *
 * @example
 * formOrJson(utf8("From=%2B14155550100&Body=Hi+there"), { header }); // { form: true, payload: { From: "+14155550100", Body: "Hi there" } }
 */
export function formOrJson(
  raw: Uint8Array,
  request: { header: HeaderReader },
): { form: true; payload: FormFields } | { form: false; payload: unknown } {
  const media = request.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  return media === "application/x-www-form-urlencoded"
    ? { form: true, payload: parseForm(raw) }
    : { form: false, payload: parseJson(raw) };
}
