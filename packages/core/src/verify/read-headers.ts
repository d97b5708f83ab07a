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

function hasGet(headers: HeadersInput): headers is { get(name: string): string | null } {
  return typeof (headers as { get?: unknown }).get === "function";
}

function flatten(value: string | readonly string[] | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (!Array.isArray(value)) return undefined;
  const values = value.filter((item): item is string => typeof item === "string");
  if (values.length === 0) return undefined;
  // A header sent twice with one value is that value; otherwise combine as RFC 9110 §5.3 does,
  // which is also what Web `Headers` would have handed us.
  return values.every((item) => item === values[0]) ? values[0] : values.join(", ");
}

/**
 * Makes a reader for `headers`. Names are matched case-insensitively; array values (a header
 * sent more than once) are combined with `", "` unless they are all equal.
 *
 * @example
 * const header = readHeaders(req.headers);
 * header("svix-id");
 */
export function readHeaders(headers: HeadersInput): HeaderReader {
  if (hasGet(headers)) {
    return (name) => headers.get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | number | undefined>>;
  let lowered: Map<string, string | readonly string[] | number | undefined> | undefined;
  return (name) => {
    const direct = record[name];
    if (direct !== undefined) return flatten(direct);
    if (lowered === undefined) {
      lowered = new Map();
      for (const key of Object.keys(record)) {
        const lower = key.toLowerCase();
        const value = record[key];
        const seen = lowered.get(lower);
        if (seen === undefined) lowered.set(lower, value);
        else lowered.set(lower, [...toList(seen), ...toList(value)]);
      }
    }
    return flatten(lowered.get(name));
  };
}

function toList(value: string | readonly string[] | number | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [String(value)];
}
