/**
 * Sends a request to a receiver, over the network or in process, and reads the answer.
 * @module
 */

/** A fetch-style handler: a Hono app's `.fetch`, a Next route handler, `hooks.handle`. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** What the receiver answered. */
export interface DeliveryResult {
  status: number;
  /** The body, parsed when it is JSON, else its text (`""` when empty). */
  body: unknown;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The response itself, body unread. */
  response: Response;
  /** Milliseconds from sending to the full body: for printing, not for asserting. */
  durationMs: number;
}

async function send(target: string | URL, request: Request): Promise<Response> {
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return fetch(new URL(target), {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : null,
    // A receiver answers webhooks directly; a redirect is a finding to report, not to follow.
    redirect: "manual",
  });
}

function parse(text: string): unknown {
  if (text === "") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Delivers `request` to a URL (sent with `fetch`, to that URL whatever the request's own) or to an
 * in-process handler, without a network, and returns the status, the parsed body and the headers.
 *
 * @example
 * const { status, body } = await deliver(hooks.handle, await signRequest(provider, payload));
 * const remote = await deliver("http://127.0.0.1:3000/webhooks", await signRequest(provider, payload));
 */
export async function deliver(
  target: string | URL | FetchHandler,
  request: Request | Promise<Request>,
): Promise<DeliveryResult> {
  const req = await request;
  const started = performance.now();
  const response = typeof target === "function" ? await target(req) : await send(target, req);
  const text = await response.clone().text();
  const durationMs = performance.now() - started;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, body: parse(text), headers, response, durationMs };
}
