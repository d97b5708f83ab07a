/**
 * Deep merge for fixture overrides: plain objects merge key by key; arrays, primitives and `null` replace.
 * @module
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A key an override may never write: it would write through to a prototype. */
function isUnsafeKey(key: string): boolean {
  return key === "__proto__" || key === "constructor" || key === "prototype";
}

/** A deep copy of the JSON shapes (plain objects, arrays) in `value`; other values are kept as they are. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (!isUnsafeKey(key)) out[key] = copy(value[key]);
  return out;
}

/**
 * Merges a copy of `overrides` into `target` in place and returns it: the result shares no object or
 * array with `overrides`, so changing one never changes the other. A key whose override is `undefined`
 * is left as it was; to remove a field from a copy, `delete` it.
 *
 * @example
 * deepMerge({ data: { id: "a", n: 1 } }, { data: { n: 2 } }); // { data: { id: "a", n: 2 } }
 */
export function deepMerge<T>(target: T, overrides: unknown): T {
  if (overrides === undefined) return target;
  if (!isPlainObject(target) || !isPlainObject(overrides)) return copy(overrides) as T;
  const record: Record<string, unknown> = target;
  for (const key of Object.keys(overrides)) {
    // Never let an override write through to Object.prototype.
    if (isUnsafeKey(key) || overrides[key] === undefined) continue;
    record[key] = deepMerge(record[key], overrides[key]);
  }
  return target;
}
