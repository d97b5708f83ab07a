/**
 * A small URL-bound scheme for tests: HMAC-SHA256 (hex) over `{method} {url}\n{body}` in `x-url-signature`,
 * the way Twilio, Square and HubSpot bind a signature to the URL the sender addressed.
 * @module
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { configError, type WebhookScheme, WebhookVerificationError } from "../src/index.js";

function mac(secret: string, method: string, url: string, body: Uint8Array | string): string {
  return createHmac("sha256", secret).update(`${method} ${url}\n`).update(body).digest("hex");
}

/** A URL-bound test scheme; `sign` needs `url` (and `method`, default POST) in its input. */
export function urlScheme(secret = "url-bound-secret-4f7Q"): WebhookScheme & {
  signUrl(input: { body: string | Uint8Array; url: string; method?: string }): Record<string, string>;
} {
  return {
    name: "url-hmac",
    signsTimestamp: false,
    checkHeaders(header) {
      if (header("x-url-signature") === undefined) {
        throw new WebhookVerificationError("missing_header", "x-url-signature is missing.", {
          header: "x-url-signature",
        });
      }
    },
    verify({ header, body, method, url }) {
      this.checkHeaders?.(header);
      if (url === undefined) {
        throw configError(
          "url-hmac needs the request URL: pass `url` to verify(), or use an adapter; behind a proxy set the router's `publicUrl`.",
        );
      }
      const expected = Buffer.from(mac(secret, method ?? "", url, body));
      const received = Buffer.from(header("x-url-signature") ?? "");
      if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
        throw new WebhookVerificationError("invalid_signature", "x-url-signature does not match.");
      }
      return { keyIndex: 0 };
    },
    sign: ({ body }) => ({ "x-url-signature": mac(secret, "POST", "", body) }),
    signUrl: ({ body, url, method = "POST" }) => ({ "x-url-signature": mac(secret, method, url, body) }),
  };
}
