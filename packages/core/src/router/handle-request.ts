/**
 * The Web `Request` entry: a `Request` in, its body read under the size limit only once the required
 * headers are there, the whole pipeline, a `Response` out.
 * @module
 */

import { bodyAlreadyParsed, readLimited } from "../verify/read-body.js";
import type { Webhooks } from "./options.js";
import type { EventMap } from "./types.js";

/**
 * Runs `hooks`' pipeline on a Web `Request` and answers with a `Response`; never throws. A body something
 * already read is refused (`body_already_parsed`), and reported like any other refusal.
 *
 * @example
 * export const POST = (request: Request) => handle(hooks, request);
 */
export async function handle(
  hooks: Pick<Webhooks<EventMap>, "process" | "reject" | "maxBodyBytes">,
  request: Request,
): Promise<Response> {
  const result = request.bodyUsed
    ? hooks.reject(
        bodyAlreadyParsed(
          "a body that was already read",
          "Call `hooks.handle(request)` before anything reads the request (`request.json()`, `request.text()`), or pass `request.clone()`.",
        ),
      )
    : await hooks.process({
        headers: request.headers,
        method: request.method,
        url: request.url,
        // Read only once the required headers are there, so a request without them leaves its body unread.
        body: () => readLimited(request.body, hooks.maxBodyBytes, request.headers.get("content-length")),
      });
  return new Response(result.body, { status: result.status, headers: result.headers });
}
