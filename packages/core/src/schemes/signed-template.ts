/**
 * The bytes an HMAC covers, written as a template over named parts: `v0:{timestamp}:{body}` (Slack, Zoom),
 * `{id}{timestamp}{body}` (Twitch), `{method}{url}{body}{timestamp}` (HubSpot v3), `{url}{body}` (Square).
 * @module
 */
import type { MessageParts } from "../crypto/types.js";
import { configError } from "../errors.js";

/** A named part of a template: the raw body, the signed timestamp's text, the id header, the method, the URL. */
export type TemplateField = "body" | "timestamp" | "id" | "method" | "url";

/** A compiled template: literal text, or a field to fill in. */
export type SignedTemplate = readonly (string | { readonly field: TemplateField })[];

/** The text of each field a request fills in (all but the body). */
export type TemplateValues = Partial<Record<Exclude<TemplateField, "body">, string>>;

const FIELDS: readonly TemplateField[] = ["body", "timestamp", "id", "method", "url"];

/**
 * Reads `template` once, when a scheme is created: `{body}` exactly once, other fields at most once each,
 * anything else literal text. A caller mistake throws a `[@hookproof/core]` TypeError.
 *
 * @example
 * const template = compileTemplate("v0:{timestamp}:{body}"); // ["v0:", { field: "timestamp" }, ":", { field: "body" }]
 */
export function compileTemplate(template: string): SignedTemplate {
  if (typeof template !== "string")
    throw configError("`template` must be a string, e.g. `{timestamp}.{body}`.");
  const out: (string | { field: TemplateField })[] = [];
  const seen = new Set<string>();
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] as TemplateField;
    if (!FIELDS.includes(name)) {
      throw configError(`\`template\` names an unknown part \`{${name}}\`: use {${FIELDS.join("}, {")}}.`);
    }
    if (seen.has(name)) throw configError(`\`template\` names \`{${name}}\` twice.`);
    seen.add(name);
    if (match.index > last) out.push(template.slice(last, match.index));
    out.push({ field: name });
    last = match.index + match[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  if (!seen.has("body"))
    throw configError(
      "`template` must contain `{body}`: an HMAC that skips the body proves nothing about it.",
    );
  return out;
}

/** Whether `template` uses `field`. */
export function usesField(template: SignedTemplate, field: TemplateField): boolean {
  return template.some((part) => typeof part !== "string" && part.field === field);
}

/**
 * The message parts to MAC: literal text and field values joined into as few strings as possible around
 * the body, which is never copied.
 *
 * @example
 * fillTemplate(template, body, { timestamp: "1531420618" }); // ["v0:1531420618:", body]
 */
export function fillTemplate(
  template: SignedTemplate,
  body: Uint8Array,
  values: TemplateValues,
): MessageParts {
  const parts: (string | Uint8Array)[] = [];
  let text = "";
  for (const part of template) {
    if (typeof part === "string") text += part;
    else if (part.field !== "body") text += values[part.field];
    else {
      if (text !== "") parts.push(text);
      parts.push(body);
      text = "";
    }
  }
  if (text !== "") parts.push(text);
  return parts;
}
