/**
 * Forwards a delivery to the app byte for byte: the same method, the same headers but the hop-by-hop ones, the
 * same body bytes; and records what the app answered and how long it took.
 * @module
 */
import type { AppAnswer, Arrival } from "./record.js";

/** RFC 9110 §7.6.1: fields that belong to one connection, never forwarded; Host and length are the new hop's. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
]);

const MAX_ANSWER = 64 * 1024;

/**
 * The headers to forward: all but the hop-by-hop ones and those the `Connection` header names.
 *
 * @example
 * forwardHeaders([["Connection", "x-trace"], ["x-trace", "1"], ["svix-id", "msg_1"]]); // [["svix-id", "msg_1"]]
 */
export function forwardHeaders(headers: readonly [string, string][]): [string, string][] {
  const named = new Set(
    headers
      .filter(([name]) => name.toLowerCase() === "connection")
      .flatMap(([, value]) => value.split(",").map((token) => token.trim().toLowerCase())),
  );
  return headers.filter(([name]) => {
    const key = name.toLowerCase();
    return !HOP_BY_HOP.has(key) && !named.has(key);
  });
}

/**
 * Sends `arrival` to `target` and returns the app's answer (never throws: an unreachable app is an answer too).
 *
 * @example
 * const answer = await forward(new URL("http://localhost:3000/webhooks"), arrival);
 */
export async function forward(target: URL, arrival: Arrival, timeoutMs = 30_000): Promise<AppAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  const hasBody = arrival.method !== "GET" && arrival.method !== "HEAD";
  try {
    const response = await fetch(target, {
      method: arrival.method,
      headers: forwardHeaders(arrival.headers),
      body: hasBody ? new Uint8Array(arrival.body) : null,
      // The app's own answer is the finding: a redirect is reported, not followed.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return {
      status: response.status,
      latencyMs: elapsed(),
      contentType: response.headers.get("content-type"),
      body: text.length > MAX_ANSWER ? text.slice(0, MAX_ANSWER) : text,
      truncated: text.length > MAX_ANSWER,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const what = cause?.code ?? cause?.message ?? (error as Error).message;
    return { error: `the app at ${target.href} could not be reached: ${what}`, latencyMs: elapsed() };
  }
}
