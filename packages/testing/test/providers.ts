/**
 * Test support: every provider built with a test secret, keyed like `fixtures`.
 * @module
 */
import type { EventMap, WebhookProvider } from "@hookproof/core";
import {
  clerk,
  ferriskey,
  generic,
  github,
  shopify,
  stackAuth,
  stripe,
  tesseral,
  userfront,
} from "@hookproof/providers";

export const WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const FERRISKEY_SECRET = "c38438574a5bd28986b74cfff7ea59b1a2e933ae9c97579db03c881e534ca069";
export const GENERIC_SECRET = "generic-shared-secret";
export const USERFRONT_TOKEN = "example3c5cc4491eb422d48c8f78c2f";
export const GITHUB_SECRET = "gh-secret-7Qm2vX9pL4sT";
export const STRIPE_SECRET = "whsec_stripe_4kQ9mV2xR7pL1sZ8";
export const SHOPIFY_SECRET = "shpss_0123456789abcdef0123456789abcdef";

/** The secret each provider is tested with, by CLI name. */
export const SECRETS: Readonly<Record<string, string>> = {
  clerk: WHSEC,
  ferriskey: FERRISKEY_SECRET,
  generic: GENERIC_SECRET,
  shopify: SHOPIFY_SECRET,
  "stack-auth": WHSEC,
  tesseral: WHSEC,
  userfront: USERFRONT_TOKEN,
};

/** Provider factories with the test secrets, by fixtures key. */
export const PROVIDERS: Readonly<Record<string, () => WebhookProvider<EventMap>>> = {
  clerk: () => clerk({ secret: WHSEC }),
  ferriskey: () => ferriskey({ secret: FERRISKEY_SECRET }),
  generic: () => generic({ secret: GENERIC_SECRET }),
  github: () => github({ secret: GITHUB_SECRET }),
  shopify: () => shopify({ secret: SHOPIFY_SECRET }),
  stackAuth: () => stackAuth({ secret: WHSEC }),
  stripe: () => stripe({ secret: STRIPE_SECRET }),
  tesseral: () => tesseral({ secret: WHSEC }),
  userfront: () => userfront({ token: USERFRONT_TOKEN }),
};

/** The header each provider's signature (or token) travels in. */
export const SIGNATURE_HEADER: Readonly<Record<string, string>> = {
  clerk: "svix-signature",
  ferriskey: "x-ferriskey-signature",
  generic: "x-webhook-signature",
  github: "x-hub-signature-256",
  shopify: "x-shopify-hmac-sha256",
  stackAuth: "svix-signature",
  stripe: "stripe-signature",
  tesseral: "svix-signature",
  userfront: "authorization",
};

/** The senders that name the event in a header, which their routers route by. */
const TYPE_HEADERS: Readonly<Record<string, (type: string) => Record<string, string>>> = {
  // `X-GitHub-Event` is the type before its action.
  github: (type) => ({ "x-github-event": type.split(".")[0] ?? type }),
  shopify: (topic) => ({ "x-shopify-topic": topic }),
};

/** The headers besides the signed ones that a provider sends with an event of `type`. */
export function typeHeaders(key: string, type: string): Record<string, string> {
  return Object.hasOwn(TYPE_HEADERS, key) ? (TYPE_HEADERS[key]?.(type) ?? {}) : {};
}
