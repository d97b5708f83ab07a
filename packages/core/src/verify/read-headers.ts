/**
 * Case-insensitive header reading over every shape a framework hands us.
 * @module
 */

/** Request headers as Web `Headers`, Node's `IncomingHttpHeaders` or a plain record. */
export type HeadersInput =
  | Headers
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** Reads headers by lower-case name. Built once per request. */
export type HeaderReader = (name: string) => string | undefined;

type HeaderValue = string | number | readonly (string | number)[] | undefined;

function flatten(value: HeaderValue): string | undefined {
  if (typeof value === "string") return value;
  // Absent (most lookups that miss): no arrays to build.
  if (value == null) return undefined;
  const values = [value].flat().map(String);
  // A header sent twice with one value is that value; otherwise combine as RFC 9110 §5.3 does,
  // which is also what Web `Headers` would have handed us. No value at all is `undefined`.
  return values.every((item) => item === values[0]) ? values[0] : values.join(", ");
}

/**
 * Makes a reader for `headers`. Names are matched case-insensitively; array values (a header
 * sent more than once) are combined with `", "` unless they are all equal. A plain record is read by
 * its own keys only, never inherited ones.
 *
 * @example
 * const header = readHeaders(req.headers);
 * header("svix-id");
 */
export function readHeaders(headers: HeadersInput): HeaderReader {
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (name) => (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, HeaderValue>>;
  let lowered: Map<string, HeaderValue> | undefined;
  return (name) => {
    const direct = record[name];
    // Own keys only: `constructor`, `toString` or a key planted on Object.prototype is no header.
    if (direct !== undefined && Object.hasOwn(record, name)) return flatten(direct);
    if (!lowered) {
      lowered = new Map();
      for (const key of Object.keys(record)) {
        const lower = key.toLowerCase();
        const seen = lowered.get(lower);
        // Most keys are seen once: keep their value as it is, no array.
        lowered.set(lower, seen === undefined ? record[key] : [seen, record[key] ?? []].flat());
      }
    }
    return flatten(lowered.get(name));
  };
}
