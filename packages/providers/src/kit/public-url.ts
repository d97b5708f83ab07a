/**
 * A URL-bound scheme verified against the endpoint's public URL given once (a preset's `url` option), for
 * when a proxy hides the scheme, host or port the sender addressed. The request's own query string is still
 * the one signed, so it is appended to that URL.
 * @module
 */
import type { SchemeRequest, SignInput, WebhookScheme } from "@hookproof/core";
import { configError } from "@hookproof/core";

/** `url` checked: absolute `http(s)`, without a query or fragment (the request brings its own query). */
function publicBase(url: unknown): string {
  let parsed: URL | undefined;
  try {
    parsed = typeof url === "string" ? new URL(url) : undefined;
  } catch {}
  if (parsed === undefined || !/^https?:$/.test(parsed.protocol) || /[?#]/.test(url as string)) {
    throw configError(
      "`url` must be the endpoint's public URL as given to the sender, `https://host[:port]/path`, without a query or fragment (the request's query is appended).",
    );
  }
  return url as string;
}

/** The request's query string, `?…`, or nothing. */
function queryOf(url: string | undefined): string {
  const at = url?.indexOf("?") ?? -1;
  return at < 0 ? "" : (url as string).slice(at);
}

/**
 * `scheme`, verifying and signing at `url` + the request's query instead of the URL the request arrived at;
 * `scheme` itself when `url` is `undefined`.
 *
 * @example
 * const scheme = atPublicUrl(formHmac({ secret, header: "x-twilio-signature" }), "https://hooks.example.com/twilio");
 */
export function atPublicUrl(scheme: WebhookScheme, url: string | undefined): WebhookScheme {
  if (url === undefined) return scheme;
  const base = publicBase(url);
  return {
    ...scheme,
    verify: (request: SchemeRequest) => scheme.verify({ ...request, url: base + queryOf(request.url) }),
    sign: (input: SignInput) => scheme.sign({ ...input, url: base + queryOf(input.url) }),
    ...(scheme.signBody && {
      signBody: (input: SignInput) =>
        (scheme.signBody as NonNullable<WebhookScheme["signBody"]>)({
          ...input,
          url: base + queryOf(input.url),
        }),
    }),
  };
}
