/**
 * The public URL behind a proxy: the URL a server sees is not always the one the sender addressed and signed
 * (TLS ends at the proxy, the host is internal). A router corrects it from `publicUrl`, or from the
 * `X-Forwarded-Proto` / `X-Forwarded-Host` headers only when told the proxy sets them (`trustProxy`).
 * @module
 */
import { configError } from "../errors.js";
import type { UrlResolver } from "../verify/authenticate.js";
import type { HeaderReader } from "../verify/read-headers.js";

/** A fixed public origin (`https://hooks.example.com`), or a function from the URL the server saw to the public one. */
export type PublicUrl = string | ((request: { url: string; header: HeaderReader }) => string);

/** Where the path starts in an absolute URL (`scheme://authority/path?query`), or its length when it has none. */
function pathStart(url: string): number {
  const authority = url.indexOf("://");
  if (authority < 0) return 0;
  for (let i = authority + 3; i < url.length; i++) {
    const c = url[i];
    if (c === "/" || c === "?") return i;
  }
  return url.length;
}

/** The first value of a list header (`X-Forwarded-Host: a, b` → `a`; the proxy nearest the sender wrote it first). */
function first(value: string | undefined): string | undefined {
  const item = value?.split(",")[0]?.trim();
  return item === "" ? undefined : item;
}

// A host (and port) only: anything that could move the path, user info or query is ignored.
const HOST = /^[A-Za-z0-9.\-[\]:]+$/;

/**
 * The resolver for a router's `publicUrl` / `trustProxy`, or `undefined` when it has neither (the URL an adapter
 * saw is used as it is). Throws a `[@hookproof/core]` TypeError for a `publicUrl` that is not an origin.
 *
 * @example
 * const resolve = urlResolver({ publicUrl: "https://hooks.example.com" });
 * resolve?.("http://10.0.0.7:3000/webhooks?a=1", header); // "https://hooks.example.com/webhooks?a=1"
 */
export function urlResolver(options: {
  publicUrl?: PublicUrl;
  trustProxy?: boolean;
}): UrlResolver | undefined {
  const { publicUrl, trustProxy = false } = options;
  if (typeof trustProxy !== "boolean") throw configError("`trustProxy` must be true or false.");
  if (publicUrl !== undefined && trustProxy) {
    throw configError(
      "Pass `publicUrl` or `trustProxy`, not both: `publicUrl` already says what the sender addressed.",
    );
  }
  if (typeof publicUrl === "function") {
    return (url, header) => (url === undefined ? undefined : publicUrl({ url, header }));
  }
  if (typeof publicUrl === "string") {
    const origin = publicOrigin(publicUrl);
    return (url) => (url === undefined ? undefined : origin + url.slice(pathStart(url)));
  }
  if (publicUrl !== undefined) throw configError("`publicUrl` must be a URL string or a function.");
  if (!trustProxy) return undefined;
  return (url, header) => {
    if (url === undefined) return undefined;
    const proto = first(header("x-forwarded-proto"))?.toLowerCase();
    const host = first(header("x-forwarded-host"));
    const start = pathStart(url);
    const scheme = proto === "http" || proto === "https" ? proto : url.slice(0, url.indexOf("://"));
    const authority = host !== undefined && HOST.test(host) ? host : url.slice(url.indexOf("://") + 3, start);
    return `${scheme}://${authority}${url.slice(start)}`;
  };
}

function publicOrigin(publicUrl: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(publicUrl);
  } catch {
    // Refused below.
  }
  if (
    parsed === undefined ||
    (parsed.protocol !== "https:" && parsed.protocol !== "http:") ||
    (parsed.pathname !== "/" && parsed.pathname !== "") ||
    parsed.search !== "" ||
    parsed.hash !== "" ||
    parsed.username !== "" ||
    parsed.password !== ""
  ) {
    throw configError(
      "`publicUrl` must be the public origin the sender addresses, e.g. `https://hooks.example.com` (the request's path and query are kept); for anything else pass a function `({ url, header }) => string`.",
    );
  }
  return parsed.origin;
}
