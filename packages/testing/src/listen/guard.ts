/**
 * The two checks that keep a web page from driving the inspector: the `Host` a request names must be this
 * process's own address (DNS rebinding), and every UI request must carry the session's token (CSRF).
 * @module
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The `Host` values that name this process on loopback: `127.0.0.1:<port>` and `localhost:<port>`.
 *
 * @example
 * localHosts(4400); // ["127.0.0.1:4400", "localhost:4400"]
 */
export function localHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Whether `host` (a request's `Host` header) is one of `allowed`, compared case-insensitively. A name given
 * without a port (a tunnel's `abc.ngrok.app`) matches it with any port.
 *
 * @example
 * hostAllowed("LOCALHOST:4400", localHosts(4400)); // true
 * hostAllowed("evil.example:4400", localHosts(4400)); // false
 */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (host === undefined) return false;
  const wanted = host.trim().toLowerCase();
  const bare = wanted.replace(/:\d+$/, "");
  return allowed.some((entry) => {
    const name = entry.toLowerCase();
    return name === wanted || (!/:\d+$/.test(name) && name === bare);
  });
}

/**
 * A fresh per-session token: 32 random bytes, base64url.
 *
 * @example
 * const token = sessionToken();
 */
export function sessionToken(): string {
  return randomBytes(32).toString("base64url");
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether `given` is the session token, in constant time.
 *
 * @example
 * tokenMatches(request.headers["x-hookproof-token"], token);
 */
export function tokenMatches(given: string | undefined, token: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}
