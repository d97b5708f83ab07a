/**
 * A URL-bound preset's `url` option: the endpoint's public URL as registered with the sender, for when a proxy
 * hides it from the server (and the router's `publicUrl` / `trustProxy` cannot rebuild it).
 * @module
 */
import type { SchemeRequest, WebhookScheme } from "@hookproof/core";
import { configError } from "@hookproof/core";

/** The query of `url` from its `?`, or `""`. */
function queryOf(url: string | undefined): string {
  const at = url === undefined ? -1 : url.indexOf("?");
  return at < 0 ? "" : (url as string).slice(at);
}

/**
 * `scheme` checked against `url` (origin and path) followed by the query the request arrived with, which is
 * still the one the sender signed. Without `url`, `scheme` itself: the request's public URL is used. Throws a
 * `[@hookproof/core]` TypeError, naming `preset`, for a `url` that is not an absolute http(s) URL without query
 * or fragment.
 *
 * @example
 * const scheme = atEndpoint("square", squareHmac({ secret }), "https://hooks.example.com/square");
 */
export function atEndpoint(preset: string, scheme: WebhookScheme, url: unknown): WebhookScheme {
  if (url === undefined) return scheme;
  let parsed: URL | undefined;
  try {
    parsed = typeof url === "string" ? new URL(url) : undefined;
  } catch {
    // Refused below.
  }
  if (
    parsed === undefined ||
    (parsed.protocol !== "https:" && parsed.protocol !== "http:") ||
    (url as string).includes("?") ||
    (url as string).includes("#")
  ) {
    throw configError(
      `\`${preset}({ url })\` must be the endpoint's public URL as registered with the sender, e.g. \`https://hooks.example.com/webhooks\`, without query or fragment (the request's own query is signed as it arrives).`,
    );
  }
  const endpoint = url as string;
  return {
    name: scheme.name,
    signsTimestamp: scheme.signsTimestamp,
    verify: (request: SchemeRequest) =>
      scheme.verify({
        header: request.header,
        body: request.body,
        method: request.method,
        url: endpoint + queryOf(request.url),
      }),
    ...(scheme.checkHeaders ? { checkHeaders: scheme.checkHeaders } : {}),
    // A signer sends to `url` unless told where else.
    sign: (input) => scheme.sign({ ...input, url: input.url ?? endpoint }),
  };
}
