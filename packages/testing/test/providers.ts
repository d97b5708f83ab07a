/**
 * Test support: every provider built with a test secret, keyed like `fixtures`.
 * @module
 */
import type { EventMap, WebhookProvider } from "@hookproof/core";
import {
  bitbucket,
  calendly,
  clerk,
  ferriskey,
  generic,
  github,
  gitlab,
  intercom,
  lemonSqueezy,
  openai,
  polar,
  razorpay,
  replicate,
  resend,
  sentry,
  shopify,
  stackAuth,
  stripe,
  tesseral,
  typeform,
  userfront,
  vercel,
} from "@hookproof/providers";

export const WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const FERRISKEY_SECRET = "c38438574a5bd28986b74cfff7ea59b1a2e933ae9c97579db03c881e534ca069";
export const GENERIC_SECRET = "generic-shared-secret";
export const USERFRONT_TOKEN = "example3c5cc4491eb422d48c8f78c2f";
export const GITHUB_SECRET = "gh-secret-7Qm2vX9pL4sT";
export const STRIPE_SECRET = "whsec_stripe_4kQ9mV2xR7pL1sZ8";
export const SHOPIFY_SECRET = "shpss_0123456789abcdef0123456789abcdef";
export const RESEND_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const POLAR_SECRET = "whsec_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK";
export const OPENAI_SECRET = "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=";
export const REPLICATE_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
export const RAZORPAY_SECRET = "rzp_whsec_test_0123456789";
export const LEMON_SQUEEZY_SECRET = "ls_secret_0123456789";
export const VERCEL_SECRET = "vercel_webhook_secret_0123456789";
export const SENTRY_SECRET = "sentry_client_secret_0123456789abcdef";
export const GITLAB_SECRET = "glwt-7f3a9c2e51b84d06a1c2";
export const TYPEFORM_SECRET = "tf_secret_0123456789abcdef";
export const INTERCOM_SECRET = "ic_client_secret_0123456789abcdef";
export const BITBUCKET_SECRET = "bb-webhook-secret-0123456789abcdef";
export const CALENDLY_SECRET = "calendly_signing_key_0123456789abcdef";

/** The secret each provider is tested with, by CLI name. */
export const SECRETS: Readonly<Record<string, string>> = {
  clerk: WHSEC,
  ferriskey: FERRISKEY_SECRET,
  generic: GENERIC_SECRET,
  shopify: SHOPIFY_SECRET,
  "stack-auth": WHSEC,
  tesseral: WHSEC,
  userfront: USERFRONT_TOKEN,
  resend: RESEND_SECRET,
  polar: POLAR_SECRET,
  openai: OPENAI_SECRET,
  replicate: REPLICATE_SECRET,
  razorpay: RAZORPAY_SECRET,
  "lemon-squeezy": LEMON_SQUEEZY_SECRET,
  vercel: VERCEL_SECRET,
  sentry: SENTRY_SECRET,
  gitlab: GITLAB_SECRET,
  typeform: TYPEFORM_SECRET,
  intercom: INTERCOM_SECRET,
  bitbucket: BITBUCKET_SECRET,
  calendly: CALENDLY_SECRET,
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
  resend: () => resend({ secret: RESEND_SECRET }),
  polar: () => polar({ secret: POLAR_SECRET }),
  openai: () => openai({ secret: OPENAI_SECRET }),
  replicate: () => replicate({ secret: REPLICATE_SECRET }),
  razorpay: () => razorpay({ secret: RAZORPAY_SECRET }),
  lemonSqueezy: () => lemonSqueezy({ secret: LEMON_SQUEEZY_SECRET }),
  vercel: () => vercel({ secret: VERCEL_SECRET }),
  sentry: () => sentry({ secret: SENTRY_SECRET }),
  gitlab: () => gitlab({ token: GITLAB_SECRET }),
  typeform: () => typeform({ secret: TYPEFORM_SECRET }),
  intercom: () => intercom({ secret: INTERCOM_SECRET }),
  bitbucket: () => bitbucket({ secret: BITBUCKET_SECRET }),
  calendly: () => calendly({ secret: CALENDLY_SECRET }),
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
  resend: "svix-signature",
  polar: "webhook-signature",
  openai: "webhook-signature",
  replicate: "webhook-signature",
  razorpay: "x-razorpay-signature",
  lemonSqueezy: "x-signature",
  vercel: "x-vercel-signature",
  sentry: "sentry-hook-signature",
  gitlab: "x-gitlab-token",
  typeform: "typeform-signature",
  intercom: "x-hub-signature",
  bitbucket: "x-hub-signature",
  calendly: "calendly-webhook-signature",
};

/** The senders that name the event in a header, which their routers route by. */
const TYPE_HEADERS: Readonly<Record<string, (type: string) => Record<string, string>>> = {
  // `X-GitHub-Event` is the type before its action.
  github: (type) => ({ "x-github-event": type.split(".")[0] ?? type }),
  shopify: (topic) => ({ "x-shopify-topic": topic }),
  sentry: (type) => ({ "sentry-hook-resource": type.split(".")[0] ?? type }),
  bitbucket: (type) => ({ "x-event-key": type }),
};

/** The headers besides the signed ones that a provider sends with an event of `type`. */
export function typeHeaders(key: string, type: string): Record<string, string> {
  return Object.hasOwn(TYPE_HEADERS, key) ? (TYPE_HEADERS[key]?.(type) ?? {}) : {};
}
