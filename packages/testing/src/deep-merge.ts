/**
 * Deep merge for fixture overrides: plain objects merge key by key; arrays, primitives and `null` replace.
 * @module
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Merges `overrides` into `target` in place and returns it. A key whose override is `undefined` is left
 * as it was; to remove a field from a copy, `delete` it.
 *
 * @example
 * deepMerge({ data: { id: "a", n: 1 } }, { data: { n: 2 } }); // { data: { id: "a", n: 2 } }
 */
export function deepMerge<T>(target: T, overrides: unknown): T {
  if (!isPlainObject(target) || !isPlainObject(overrides)) {
    return (overrides === undefined ? target : overrides) as T;
  }
  const record: Record<string, unknown> = target;
  for (const key of Object.keys(overrides)) {
    // Never let an override write through to Object.prototype.
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    const value = overrides[key];
    if (value === undefined) continue;
    const current = record[key];
    record[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return target;
}
