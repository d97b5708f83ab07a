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
  slack,
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
export const SLACK_SECRET = "e3b9c1f0a7d24c5b8e6f1a2b3c4d5e6f";

/** The secret each provider is tested with, by CLI name. */
export const SECRETS: Readonly<Record<string, string>> = {
  clerk: WHSEC,
  ferriskey: FERRISKEY_SECRET,
  generic: GENERIC_SECRET,
  slack: SLACK_SECRET,
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
  slack: () => slack({ secret: SLACK_SECRET }),
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
  slack: "x-slack-signature",
  stackAuth: "svix-signature",
  stripe: "stripe-signature",
  tesseral: "svix-signature",
  userfront: "authorization",
};

/**
 * The headers besides the signed ones that a provider sends with an event of `type`: GitHub names the event
 * in `X-GitHub-Event` (the type before its action), which its router routes by.
 */
export function typeHeaders(key: string, type: string): Record<string, string> {
  return key === "github" ? { "x-github-event": type.split(".")[0] ?? type } : {};
}
