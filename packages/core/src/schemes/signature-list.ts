/**
 * Bounds on a header that lists several signatures (`v1,… v1a,…`, `t=…,v1=…,v1=…`), so that the work a
 * request costs before it is authenticated does not grow with the header.
 * @module
 */
import type { WebhookVerificationError } from "../errors.js";
import { malformedHeader } from "./helpers.js";

/**
 * Signatures read per version. A sender signs once per active secret (two while rotating), so a genuine
 * header never comes near; each one kept costs a compare, or an Ed25519 verify, per configured key.
 */
export const MAX_SIGNATURES = 8;

/**
 * Entries read in all, of any version. Unknown versions (`v2,…`) are skipped, as the spec asks, and cost
 * no crypto; this cap keeps the parsing of them bounded too, with room for four versions at the cap.
 */
export const MAX_ENTRIES: number = 4 * MAX_SIGNATURES;

function tooMany(header: string): WebhookVerificationError {
  return malformedHeader(
    header,
    `lists over ${MAX_SIGNATURES} signatures of a version, or ${MAX_ENTRIES} entries`,
  );
}

/**
 * The entries of a signature header, split by `separator`. Splitting stops past the cap, so a header with
 * thousands of entries is refused without reading them all.
 *
 * @example
 * for (const entry of signatureEntries(value, /\s+/, "webhook-signature")) read(entry);
 */
export function signatureEntries(value: string, separator: string | RegExp, header: string): string[] {
  const entries = value.split(separator, MAX_ENTRIES + 1);
  if (entries.length > MAX_ENTRIES) throw tooMany(header);
  return entries;
}

/**
 * Adds a received signature to `list` unless it is already there; past {@link MAX_SIGNATURES} the header
 * is refused, before any of them is checked.
 *
 * @example
 * addSignature(candidates.v1, signature, "webhook-signature");
 */
export function addSignature(list: string[], signature: string, header: string): void {
  if (!list.includes(signature) && list.push(signature) > MAX_SIGNATURES) throw tooMany(header);
}
