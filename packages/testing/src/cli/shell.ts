/**
 * A ready `curl` command for a signed delivery, quoted so `sh` passes every byte through unchanged.
 * @module
 */
import type { SignedDelivery } from "../sign-request.js";

/**
 * One POSIX shell word: single quotes keep every character literal except `'` itself, written `'\''`.
 *
 * @example
 * shellQuote(`it's`); // 'it'\''s'
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * `printf '%s' '<body>' | curl … --data-binary @-`: the body goes through stdin, byte for byte (no
 * trailing newline, as a heredoc would add; no `@file` reading, as a body starting with `@` would cause).
 * One argument is limited to 128 KiB on Linux, far above any provider's event.
 */
export function curlCommand(delivery: SignedDelivery, url: string): string {
  const body = typeof delivery.body === "string" ? delivery.body : new TextDecoder().decode(delivery.body);
  const lines = [
    `printf '%s' ${shellQuote(body)} \\`,
    `  | curl -sS -X ${delivery.method} ${shellQuote(url)} \\`,
    ...Object.entries(delivery.headers).map(
      ([name, value]) => `    -H ${shellQuote(`${name}: ${value}`)} \\`,
    ),
    "    --data-binary @-",
  ];
  return lines.join("\n");
}
