/**
 * Reads a captured request: raw HTTP (`POST /path HTTP/1.1`, headers, blank line, body) or JSON
 * `{ headers, body }`, keeping the body's exact bytes.
 * @module
 */
import { UsageError } from "./output.js";

export interface Capture {
  headers: Record<string, string>;
  body: Uint8Array;
  /** The request line's method, or a JSON capture's `method`. */
  method?: string;
  /**
   * The URL the request was sent to, for senders that sign it (Twilio, Square, HubSpot): a JSON capture's
   * `url`, an absolute request target, or the `Host` header and the request target.
   */
  url?: string;
  /** Set when `url` was put together from `Host` (and the scheme guessed), not read whole. */
  urlFromHost?: boolean;
  /** Set when the body was not given as raw text or bytes, so its exact bytes are a reconstruction. */
  note?: string;
}

const encoder = new TextEncoder();

/**
 * What `verify --help` shows a capture to look like: a real Tesseral delivery, signed with the Standard
 * Webhooks docs' example secret at 1787234531, so it verifies as shown.
 */
export const CAPTURE_EXAMPLE: string = `A captured request is the request as it arrived: the request line, the headers, one blank line, then
the body byte for byte (a proxy log, \`nc -l 3000\`, your framework's raw request). For example, this
captured.http passes \`hookproof verify -p tesseral -s whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --now 1787234531 captured.http\`:

  POST /webhooks HTTP/1.1
  content-type: application/json
  svix-id: msg_2sVJb5hM0XrO6yJ8cKqUeTdWnA1
  svix-timestamp: 1787234531
  svix-signature: v1,dQMV6h5uXgBfCAFzCAec5u7NTPT0UJ9Qr1uHqmiJIk4=

  {"type":"sync.user","userId":"user_4x1c2k9d0m7qz3bvn8r5tw6ye"}

Or JSON, the body as one string: {"headers": {"svix-id": "msg_…", …}, "body": "{\\"type\\":…}"}
(\`bodyBase64\` instead of \`body\` for bytes that are not text; \`url\` for senders that sign it).`;

function indexOf(bytes: Uint8Array, pattern: number[], from = 0): number {
  outer: for (let i = from; i <= bytes.length - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function addHeader(headers: Record<string, string>, name: string, value: string): void {
  const key = name.trim().toLowerCase();
  // RFC 9110 §5.3: a repeated field is the same as one with the values joined by commas.
  headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
}

/** RFC 9112 §7.1: a chunked body is `<hex size>\r\n<data>\r\n` … `0\r\n\r\n`. */
function dechunk(body: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const eol = indexOf(body, [0x0d, 0x0a], at);
    if (eol === -1) break;
    const size = Number.parseInt(new TextDecoder().decode(body.subarray(at, eol)).split(";")[0] ?? "", 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function parseHttp(bytes: Uint8Array): Capture {
  let split = indexOf(bytes, [0x0d, 0x0a, 0x0d, 0x0a]);
  let gap = 4;
  const lf = indexOf(bytes, [0x0a, 0x0a]);
  if (split === -1 || (lf !== -1 && lf < split)) [split, gap] = [lf, 2];
  const head = new TextDecoder().decode(split === -1 ? bytes : bytes.subarray(0, split));
  let body = split === -1 ? new Uint8Array(0) : bytes.subarray(split + gap);
  const headers: Record<string, string> = {};
  const lines = head.split(/\r?\n/);
  const requestLine = /^([A-Z]+) (\S+)( HTTP\/[\d.]+)?$/.exec(lines[0] ?? "");
  if (requestLine) lines.shift();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new UsageError(`Not a header line in the captured request: "${line}".`);
    addHeader(headers, line.slice(0, colon), line.slice(colon + 1).trim());
  }
  if (headers["transfer-encoding"]?.toLowerCase().includes("chunked")) body = dechunk(body);
  const length = Number(headers["content-length"]);
  // An editor saving the capture often appends a newline; Content-Length says where the body ends.
  if (Number.isSafeInteger(length) && length < body.length) body = body.subarray(0, length);
  if (!requestLine) return { headers, body };
  const [, method, target = ""] = requestLine;
  return { headers, body, method, ...requestUrl(target, headers) };
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * The URL of a request line's target: whole when it is absolute (a proxy's log), else the `Host` header and
 * the path, over `X-Forwarded-Proto`'s scheme, or http for a loopback host and https for any other.
 *
 * @example
 * requestUrl("/twilio?x=1", { host: "hooks.example.com" }); // { url: "https://hooks.example.com/twilio?x=1", urlFromHost: true }
 */
export function requestUrl(
  target: string,
  headers: Record<string, string>,
): Pick<Capture, "url" | "urlFromHost"> {
  if (/^https?:\/\//i.test(target)) return { url: target };
  const host = headers.host?.trim();
  if (!host || !target.startsWith("/")) return {};
  const forwarded = headers["x-forwarded-proto"]?.split(",")[0]?.trim().toLowerCase();
  const scheme =
    forwarded === "http" || forwarded === "https" ? forwarded : LOOPBACK.test(host) ? "http" : "https";
  return { url: `${scheme}://${host}${target}`, urlFromHost: true };
}

function parseJsonCapture(value: {
  headers?: unknown;
  body?: unknown;
  bodyBase64?: unknown;
  method?: unknown;
  url?: unknown;
}): Capture {
  const capture = parseJsonParts(value);
  if (typeof value.method === "string") capture.method = value.method;
  if (typeof value.url === "string") capture.url = value.url;
  return capture;
}

function parseJsonParts(value: { headers?: unknown; body?: unknown; bodyBase64?: unknown }): Capture {
  const headers: Record<string, string> = {};
  const source = value.headers;
  if (Array.isArray(source)) {
    for (const pair of source) if (Array.isArray(pair)) addHeader(headers, String(pair[0]), String(pair[1]));
  } else if (source !== null && typeof source === "object") {
    for (const [name, item] of Object.entries(source)) {
      for (const one of Array.isArray(item) ? item : [item]) addHeader(headers, name, String(one));
    }
  } else {
    throw new UsageError("The JSON capture needs `headers`: an object of name → value.");
  }
  if (typeof value.bodyBase64 === "string") {
    return { headers, body: Uint8Array.from(atob(value.bodyBase64), (c) => c.charCodeAt(0)) };
  }
  if (typeof value.body === "string") return { headers, body: encoder.encode(value.body) };
  if (value.body === undefined) return { headers, body: new Uint8Array(0) };
  return {
    headers,
    body: encoder.encode(JSON.stringify(value.body)),
    note: "The capture's body is a JSON value, not text: checking its compact form; capture the raw text to be sure.",
  };
}

/**
 * Parses a capture. JSON when it is a JSON object with `headers`; raw HTTP otherwise.
 *
 * @example
 * parseCapture(readFileSync("request.http"));
 */
export function parseCapture(bytes: Uint8Array): Capture {
  const text = new TextDecoder().decode(bytes);
  if (text.trimStart().startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== null && typeof parsed === "object" && "headers" in parsed) return parseJsonCapture(parsed);
  }
  return parseHttp(bytes);
}
