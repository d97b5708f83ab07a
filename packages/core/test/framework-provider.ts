/**
 * Small test providers for the router's framework hooks: a URL-bound scheme, GET challenges before
 * authentication (Okta-like header, Meta-like query + verify token), a signed handshake (Slack-like
 * `url_verification`), and a batch (`{ events: [...] }`, each with its own `id`).
 * @module
 */
import { timingSafeEqual } from "node:crypto";
import type { HandshakeAnswer, WebhookProvider } from "../src/index.js";
import { anything } from "./deliveries.js";
import { urlScheme } from "./url-scheme.js";

export const VERIFY_TOKEN = "meta-verify-token-9x";

export type TestEvents = { ping: { type: string } };

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A provider on {@link urlScheme} with every framework hook; `batch` makes it split `{ events: [...] }`. */
export function testProvider(
  options: { batch?: boolean; scheme?: ReturnType<typeof urlScheme> } = {},
): WebhookProvider<TestEvents> & { scheme: ReturnType<typeof urlScheme> } {
  const scheme = options.scheme ?? urlScheme();
  const provider: WebhookProvider<TestEvents> & { scheme: ReturnType<typeof urlScheme> } = {
    name: "test-framework",
    scheme,
    events: { ping: anything },
    replayBound: "retention",
    eventType: (payload) => (payload as { type?: string }).type,
    eventId: (payload, schemeId) => schemeId ?? (payload as { id?: string }).id,
    challenge({ method, url, header }): HandshakeAnswer | undefined {
      if (method !== "GET") return undefined;
      const okta = header("x-test-challenge");
      if (okta !== undefined) {
        const body = JSON.stringify({ verification: okta });
        return { kind: "test.verification", status: 200, contentType: "application/json", body };
      }
      const query = url === undefined ? undefined : new URL(url).searchParams;
      if (query?.get("hub.mode") !== "subscribe") return undefined;
      const ok = sameText(query.get("hub.verify_token") ?? "", VERIFY_TOKEN);
      return ok
        ? {
            kind: "test.subscribe",
            status: 200,
            contentType: "text/plain",
            body: query.get("hub.challenge") ?? "",
          }
        : { kind: "test.subscribe", status: 403, contentType: "text/plain", body: "wrong verify token" };
    },
    handshake(payload): HandshakeAnswer | undefined {
      const { type, challenge } = payload as { type?: string; challenge?: string };
      if (type !== "url_verification") return undefined;
      return {
        kind: "test.url_verification",
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ challenge }),
      };
    },
  };
  if (options.batch) provider.split = (payload) => (payload as { events: unknown[] }).events;
  return provider;
}

/** A signed POST of `body` to `url`, as a Web `Request`. */
export function signedPost(
  provider: { scheme: ReturnType<typeof urlScheme> },
  url: string,
  body: string,
): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...provider.scheme.signUrl({ body, url }) },
    body,
  });
}
