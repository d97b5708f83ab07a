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

type HeaderValue = string | readonly string[] | number | undefined;

function flatten(value: HeaderValue): string | undefined {
  if (typeof value === "string") return value;
  const values = [value ?? []].flat().filter((item) => typeof item === "string" || typeof item === "number");
  if (values.length === 0) return undefined;
  // A header sent twice with one value is that value; otherwise combine as RFC 9110 §5.3 does,
  // which is also what Web `Headers` would have handed us.
  const first = String(values[0]);
  return values.every((item) => String(item) === first) ? first : values.join(", ");
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
  if (hasGet(headers)) {
    return (name) => headers.get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, HeaderValue>>;
  let lowered: Map<string, HeaderValue> | undefined;
  return (name) => {
    // Own keys only: `constructor`, `toString` or a key planted on Object.prototype is no header.
    const direct = Object.hasOwn(record, name) ? record[name] : undefined;
    if (direct !== undefined) return flatten(direct);
    if (lowered === undefined) {
      lowered = new Map();
      for (const key of Object.keys(record)) {
        const lower = key.toLowerCase();
        const value = record[key];
        const seen = lowered.get(lower);
        lowered.set(lower, seen === undefined ? value : ([seen, value ?? []].flat() as string[]));
      }
    }
    return flatten(lowered.get(name));
  };
}
