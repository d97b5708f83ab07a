/**
 * The one place dedupe keys are built: unambiguous across provider, endpoint and event id, and bounded.
 * @module
 */
import { backend } from "../crypto/backend.js";
import { utf8 } from "../encoding.js";
import type { MaybePromise } from "../maybe.js";
import { chain } from "../maybe.js";

/** Ids longer than this are hashed before they become keys: a key is stored for the whole retention. */
export const MAX_KEY_ID_LENGTH = 256;

// `%` and `:` are escaped, so neither part holds a bare `:` and the first two `:` always split the key:
// endpoint `shop` with id `x:evt_1` and endpoint `shop:x` with id `evt_1` stay two keys. A key whose
// provider and endpoint hold neither character is unchanged by this.
function escapePart(part: string): string {
  return part.replace(/[%:]/g, (char) => (char === "%" ? "%25" : "%3A"));
}

/**
 * Returns the key builder of one provider and endpoint: `provider:endpoint:id`, where an id over 256
 * characters becomes `sha256:<hex>` of its UTF-8 bytes.
 *
 * @example
 * const keyOf = dedupeKeys("stack-auth", "default");
 * keyOf("msg_2Z"); // "stack-auth:default:msg_2Z"
 */
export function dedupeKeys(provider: string, endpoint: string): (id: string) => MaybePromise<string> {
  const prefix = `${escapePart(provider)}:${escapePart(endpoint)}:`;
  return (id) =>
    id.length <= MAX_KEY_ID_LENGTH
      ? prefix + id
      : chain(backend.sha256Hex(utf8(id)), (hex) => `${prefix}sha256:${hex}`);
}
