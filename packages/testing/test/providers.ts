/**
 * Test support: every provider built with a test secret, keyed like `fixtures`.
 * @module
 */
import type { EventMap, WebhookProvider } from "@hookproof/core";
import {
  auth0,
  bitbucket,
  calendly,
  clerk,
  discord,
  ferriskey,
  generic,
  github,
  gitlab,
  intercom,
  lemonSqueezy,
  linear,
  logto,
  netlify,
  okta,
  openai,
  polar,
  propelAuth,
  razorpay,
  replicate,
  resend,
  sendgrid,
  sentry,
  shopify,
  slack,
  stackAuth,
  stripe,
  stytch,
  supabase,
  tesseral,
  typeform,
  userfront,
  vercel,
  workos,
  zitadel,
} from "@hookproof/providers";

export const WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const FERRISKEY_SECRET = "c38438574a5bd28986b74cfff7ea59b1a2e933ae9c97579db03c881e534ca069";
export const GENERIC_SECRET = "generic-shared-secret";
export const USERFRONT_TOKEN = "example3c5cc4491eb422d48c8f78c2f";
export const GITHUB_SECRET = "gh-secret-7Qm2vX9pL4sT";
export const STRIPE_SECRET = "whsec_stripe_4kQ9mV2xR7pL1sZ8";
export const LOGTO_SECRET = "k3v9q2x8m4n7p1r6t0y5w2z8a3b6c9d1";
export const ZITADEL_SECRET = "Xq7tR2vN9pL4sK8mW3zY6bH1cF5dJ0gA";
export const OKTA_TOKEN = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";
export const AUTH0_TOKEN = "Bearer a0-log-stream-7f3a9c2e51b84d06";
/** RFC 8032 §7.1 test 1: a published Ed25519 pair (the private seed, the public key), for Discord's fixtures. */
export const DISCORD_PRIVATE_KEY = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
export const DISCORD_PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
/** A P-256 pair made for SendGrid's fixtures (base64 SPKI, base64 PKCS #8): public, never for production. */
export const SENDGRID_PUBLIC_KEY =
  "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEA6/M8KyeEBjDIMRRsAum4DxCMhHOlet+rpdWr6Ba/VBUwV9GCPUoKnO5wyD4MYC9rrtccpIP/JSf+sUjd+bBrQ==";
export const SENDGRID_PRIVATE_KEY =
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQga2D4uct2HrtQz6lGNGsjBvbNBrJQT6uyMxdjzM2gzNWhRANCAAQDr8zwrJ4QGMMgxFGwC6bgPEIyEc6V636ul1avoFr9UFTBX0YI9Sgqc7nDIPgxgL2uu1xykg/8lJ/6xSN35sGt";
export const SUPABASE_SECRET = "v1,whsec_bJ4rCGvW0Yx7Zo3TkU9nQ2sH6aLdE1fP8gR5mV0cXyA=";
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
export const NETLIFY_SECRET = "jws-secret-example-0123456789abcdef";
export const SLACK_SECRET = "e3b9c1f0a7d24c5b8e6f1a2b3c4d5e6f";
export const LINEAR_SECRET = "lin_wh_0123456789abcdefghijklmnopqrstuvwxyzABCD";
export const WORKOS_SECRET = "Zt8Qv3mXk1pL7wR2nY5cH0aJ9eB4sD6f";

/** The secret each provider is tested with, by CLI name. */
export const SECRETS: Readonly<Record<string, string>> = {
  auth0: AUTH0_TOKEN,
  clerk: WHSEC,
  ferriskey: FERRISKEY_SECRET,
  generic: GENERIC_SECRET,
  logto: LOGTO_SECRET,
  okta: OKTA_TOKEN,
  "propel-auth": WHSEC,
  shopify: SHOPIFY_SECRET,
  slack: SLACK_SECRET,
  "stack-auth": WHSEC,
  stytch: WHSEC,
  supabase: SUPABASE_SECRET,
  tesseral: WHSEC,
  userfront: USERFRONT_TOKEN,
  zitadel: ZITADEL_SECRET,
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
  linear: LINEAR_SECRET,
  workos: WORKOS_SECRET,
};

/** Provider factories with the test secrets, by fixtures key. */
export const PROVIDERS: Readonly<Record<string, () => WebhookProvider<EventMap>>> = {
  auth0: () => auth0({ token: AUTH0_TOKEN }),
  clerk: () => clerk({ secret: WHSEC }),
  discord: () => discord({ publicKey: DISCORD_PUBLIC_KEY, privateKey: DISCORD_PRIVATE_KEY }),
  ferriskey: () => ferriskey({ secret: FERRISKEY_SECRET }),
  generic: () => generic({ secret: GENERIC_SECRET }),
  github: () => github({ secret: GITHUB_SECRET }),
  logto: () => logto({ secret: LOGTO_SECRET }),
  okta: () => okta({ token: OKTA_TOKEN }),
  propelAuth: () => propelAuth({ secret: WHSEC }),
  shopify: () => shopify({ secret: SHOPIFY_SECRET }),
  slack: () => slack({ secret: SLACK_SECRET }),
  netlify: () => netlify({ secret: NETLIFY_SECRET }),
  sendgrid: () => sendgrid({ publicKey: SENDGRID_PUBLIC_KEY, privateKey: SENDGRID_PRIVATE_KEY }),
  stackAuth: () => stackAuth({ secret: WHSEC }),
  stripe: () => stripe({ secret: STRIPE_SECRET }),
  stytch: () => stytch({ secret: WHSEC }),
  supabase: () => supabase({ secret: SUPABASE_SECRET }),
  tesseral: () => tesseral({ secret: WHSEC }),
  userfront: () => userfront({ token: USERFRONT_TOKEN }),
  zitadel: () => zitadel({ secret: ZITADEL_SECRET }),
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
  linear: () => linear({ secret: LINEAR_SECRET }),
  workos: () => workos({ secret: WORKOS_SECRET }),
};

/** The header each provider's signature (or token) travels in. */
export const SIGNATURE_HEADER: Readonly<Record<string, string>> = {
  auth0: "authorization",
  clerk: "svix-signature",
  discord: "x-signature-ed25519",
  ferriskey: "x-ferriskey-signature",
  generic: "x-webhook-signature",
  github: "x-hub-signature-256",
  logto: "logto-signature-sha-256",
  okta: "authorization",
  propelAuth: "svix-signature",
  shopify: "x-shopify-hmac-sha256",
  slack: "x-slack-signature",
  sendgrid: "x-twilio-email-event-webhook-signature",
  stackAuth: "svix-signature",
  stripe: "stripe-signature",
  stytch: "svix-signature",
  supabase: "webhook-signature",
  tesseral: "svix-signature",
  userfront: "authorization",
  zitadel: "zitadel-signature",
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
  linear: "linear-signature",
  workos: "workos-signature",
  netlify: "x-webhook-signature",
};

/** The senders that name the event in a header, which their routers route by. */
const TYPE_HEADERS: Readonly<Record<string, (type: string) => Record<string, string>>> = {
  // `X-GitHub-Event` is the type before its action.
  github: (type) => ({ "x-github-event": type.split(".")[0] ?? type }),
  shopify: (topic) => ({ "x-shopify-topic": topic }),
  sentry: (type) => ({ "sentry-hook-resource": type.split(".")[0] ?? type }),
  bitbucket: (type) => ({ "x-event-key": type }),
  netlify: (type) => ({ "x-netlify-event": type }),
};

/** The headers besides the signed ones that a provider sends with an event of `type`. */
export function typeHeaders(key: string, type: string): Record<string, string> {
  return Object.hasOwn(TYPE_HEADERS, key) ? (TYPE_HEADERS[key]?.(type) ?? {}) : {};
}
