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
  fusionAuth,
  generic,
  github,
  gitlab,
  hubspot,
  intercom,
  kinde,
  lemonSqueezy,
  linear,
  logto,
  mailgun,
  meta,
  netlify,
  okta,
  openai,
  paddle,
  polar,
  postmark,
  propelAuth,
  razorpay,
  replicate,
  resend,
  sendgrid,
  sentry,
  shopify,
  slack,
  sns,
  square,
  stackAuth,
  stripe,
  stytch,
  supabase,
  tesseral,
  twilio,
  twitch,
  typeform,
  userfront,
  vercel,
  workos,
  zitadel,
  zoom,
} from "@hookproof/providers";
import { SNS_TEST_CERTIFICATE, SNS_TEST_KEY } from "../../providers/test/sns-keys.js";

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
/** Where SNS's test deliveries say their certificate is (the self-signed one in providers/test/sns-keys.ts). */
export const SNS_CERT_URL =
  "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem";
export const SUPABASE_SECRET = "v1,whsec_bJ4rCGvW0Yx7Zo3TkU9nQ2sH6aLdE1fP8gR5mV0cXyA=";
export const SHOPIFY_SECRET = "shpss_0123456789abcdef0123456789abcdef";
export const RESEND_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const PADDLE_SECRET = "pdl_ntfset_01k3ct9x8w7v6t5s4r3q2p1n0m_Qm9vZ0hvb2tQcm9vZkZpeHR1cmVTZWNyZXQx";
export const POLAR_SECRET = "whsec_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK";
export const OPENAI_SECRET = "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=";
export const REPLICATE_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
export const RAZORPAY_SECRET = "rzp_whsec_test_0123456789";
export const LEMON_SQUEEZY_SECRET = "ls_secret_0123456789";
export const VERCEL_SECRET = "vercel_webhook_secret_0123456789";
export const SENTRY_SECRET = "sentry_client_secret_0123456789abcdef";
export const GITLAB_SECRET = "glwt-7f3a9c2e51b84d06a1c2";
export const POSTMARK_PASSWORD = "pm-webhook-Qx7tR2vN9pL4sK8m";
export const TWILIO_SECRET = "9f3c2b1a0e8d7c6b5a4f3e2d1c0b9a8f";
export const TYPEFORM_SECRET = "tf_secret_0123456789abcdef";
export const HUBSPOT_SECRET = "c0ffee00-1234-4abc-9def-0123456789ab";
export const INTERCOM_SECRET = "ic_client_secret_0123456789abcdef";
export const BITBUCKET_SECRET = "bb-webhook-secret-0123456789abcdef";
export const CALENDLY_SECRET = "calendly_signing_key_0123456789abcdef";
export const FUSION_AUTH_SECRET = "fusionauth-hmac-key-0123456789abcdef";
/**
 * An RSA key pair made for Kinde's fixtures (`generateKeyPairSync("rsa", { modulusLength: 2048 })`, as JWKs):
 * public, never for production. The preset verifies with the public half pinned instead of a JWKS.
 */
export const KINDE_PUBLIC_JWK = {
  kty: "RSA",
  n: "54KyXvZIX0PTBO7mzjgKQWeeoCI9YlP_5bLweNuKPhJSiWWCA7jKicisE0IaAKRL_6bi7Dus-sDsXgmpnB6Ytb4T-kJCBW-Q9gDfrBmsFUMecPSUMEyeahzSQy9rowlCdwsOx4iNVuDr5OSHe_HRG9BZJ9M_3sjwNWSI5bJ6c7UvKnKrWt-E7mJzfQExTpGeixUcJFId5FeK82DQ2RcTM9TLrjxjEwKAwK_ZXIbYQ9jcxuSpF0705jGE1bZan_anDsn_lKOLxGq5_Fp4xiitFEZMrFdmor2tEqewbsJs3o0oUHtlcMJjPwYKIb0ezogqJa1XXFGW4YZqnQW0GVa1hw",
  e: "AQAB",
  kid: "hookproof-test:kinde:01",
  alg: "RS256",
  use: "sig",
} as const;
export const KINDE_PRIVATE_JWK = {
  kty: "RSA",
  n: "54KyXvZIX0PTBO7mzjgKQWeeoCI9YlP_5bLweNuKPhJSiWWCA7jKicisE0IaAKRL_6bi7Dus-sDsXgmpnB6Ytb4T-kJCBW-Q9gDfrBmsFUMecPSUMEyeahzSQy9rowlCdwsOx4iNVuDr5OSHe_HRG9BZJ9M_3sjwNWSI5bJ6c7UvKnKrWt-E7mJzfQExTpGeixUcJFId5FeK82DQ2RcTM9TLrjxjEwKAwK_ZXIbYQ9jcxuSpF0705jGE1bZan_anDsn_lKOLxGq5_Fp4xiitFEZMrFdmor2tEqewbsJs3o0oUHtlcMJjPwYKIb0ezogqJa1XXFGW4YZqnQW0GVa1hw",
  e: "AQAB",
  d: "Rrl5rmMEpv28WHR3VCZwk5yJLBhpskFBGrX4mqNO7zl_t3OoLWTlkwQX9WYrNWj7wqUEC_ELHiuTygKfqw75zgO8bKaTLr_vhAeuTRAmrvQrN4ywPLUbbAVUAqxY8JyijmV1ZWWE8DaUOf_KmAW-wQV8RxtVFsVCBL2qyKkmmXP6rxpM4jO2w4qRvhTZfr6iUzXmThqlJDEdMy8EA1H9zx023IKiMeDaCDLeL6aV7FSlgAjofthJuASjl4PSd8bT3_B61FXY2nNHW957yqmA2a1bHRab5D6YI4ayA9HhFppy0F2f8QQdt2VOaKxGWaDu8dUA6tAXmg8cApfJ7dtTYQ",
  p: "83NkqnP7OAH2e0enrP5JAaAns19L8O6z98nuoBHIrq9DnJzgQNLYKnmkOcGPLntFxxeKvWjLTEb1j0aeLdoBasQO-O4ytZoJB-rKe63cvYOcn5aIxDV9Q9hDHiyoFgXJJxCUuLBk0BzeRsFukr3XtqSEZtYTAqecHfE9xBm3_Nc",
  q: "83G9J3j7yjP_KjvjimEvk3HfvyFOMwJ5MfRdwU0HNUhrNUKRsA9bwh5sehHzDX6Ics0GDztFjA2KFxVZIYNwO-lK1uuU-BJd4zsowRKnasy-iJ_-xrRDFBs4p8I2gl22rQokBVdmWYlA0IiqUOptnwh0kAOAaWozdqCoxRqlxtE",
  dp: "ATFCf_c7dsXDsEzkjFtefiyLpTxFQfPZW9BYY95SblCbcyvtiUO_HU4lOMcy7VZbPCNoYY8e18vNLht5cN4NfbliHWQFSZBslOZYgYyTdTYs0TdKijN83pUzlvU_CYSTvKY_JDxw8fgCOrR91ygo41Mg9uP7idrKT_c7hzddCFc",
  dq: "j9zyJEZ5vZeWvhWgNOGT5PVRfTioZrqadmvrj9T-Yn2GZXYOdFXPKtshzc2XrazN49HHN-8V_Vru9Q83mfd7ttv5zyJu6V6pPyRxxA9LAnE2U7UBMdnLHjGr_G9oGQhacM3iVYm9wUG8HL_2rlSrLWUoxQZct278NKliswA5YVE",
  qi: "Ne2l3r2PpaMDpuGhKaCIggXjxAD8bRqbUWyVuV0GA_y3uAlmnjV7lG7_lDVhEyfnLbLOk-CqgXPjyKpajl1FxxwC4TozsPV5nAqB6V16noqyML6-uyB5L70cuRfJkknW8Qv1NNLsqs_r_WVk1Cb-xGvIACR8mFu9WQ2lI_YW1mc",
  kid: "hookproof-test:kinde:01",
  alg: "RS256",
} as const;
export const NETLIFY_SECRET = "jws-secret-example-0123456789abcdef";
export const SQUARE_SECRET = "q9V2xK7mB3nR8tY1wZ4aEw";
export const META_SECRET = "0123456789abcdef0123456789abcdef";
export const SLACK_SECRET = "e3b9c1f0a7d24c5b8e6f1a2b3c4d5e6f";
export const ZOOM_SECRET = "uTj4W2kRq9sXb7nLc3vPzA";
export const TWITCH_SECRET = "s3cre7-hookproof-twitch";
export const LINEAR_SECRET = "lin_wh_0123456789abcdefghijklmnopqrstuvwxyzABCD";
export const WORKOS_SECRET = "Zt8Qv3mXk1pL7wR2nY5cH0aJ9eB4sD6f";
/** The key Mailgun's fixtures are signed with (packages/providers/src/mailgun/mailgun.test.ts). */
export const MAILGUN_SECRET = "4b1a5c2e9d7f3a6b8c0e1d2f3a4b5c6d-6f3a2b1c-8e9d7c6b";

/** The secret each provider is tested with, by CLI name. */
export const SECRETS: Readonly<Record<string, string>> = {
  auth0: AUTH0_TOKEN,
  clerk: WHSEC,
  ferriskey: FERRISKEY_SECRET,
  "fusion-auth": FUSION_AUTH_SECRET,
  generic: GENERIC_SECRET,
  logto: LOGTO_SECRET,
  mailgun: MAILGUN_SECRET,
  meta: META_SECRET,
  okta: OKTA_TOKEN,
  "propel-auth": WHSEC,
  shopify: SHOPIFY_SECRET,
  slack: SLACK_SECRET,
  square: SQUARE_SECRET,
  "stack-auth": WHSEC,
  stytch: WHSEC,
  supabase: SUPABASE_SECRET,
  tesseral: WHSEC,
  userfront: USERFRONT_TOKEN,
  zitadel: ZITADEL_SECRET,
  resend: RESEND_SECRET,
  paddle: PADDLE_SECRET,
  polar: POLAR_SECRET,
  openai: OPENAI_SECRET,
  replicate: REPLICATE_SECRET,
  razorpay: RAZORPAY_SECRET,
  "lemon-squeezy": LEMON_SQUEEZY_SECRET,
  vercel: VERCEL_SECRET,
  sentry: SENTRY_SECRET,
  gitlab: GITLAB_SECRET,
  postmark: `postmark:${POSTMARK_PASSWORD}`,
  twilio: TWILIO_SECRET,
  typeform: TYPEFORM_SECRET,
  hubspot: HUBSPOT_SECRET,
  intercom: INTERCOM_SECRET,
  bitbucket: BITBUCKET_SECRET,
  calendly: CALENDLY_SECRET,
  github: GITHUB_SECRET,
  netlify: NETLIFY_SECRET,
  stripe: STRIPE_SECRET,
  zoom: ZOOM_SECRET,
  twitch: TWITCH_SECRET,
  linear: LINEAR_SECRET,
  workos: WORKOS_SECRET,
};

/** The private key each key-pair provider signs its test deliveries with, by CLI name. */
export const PRIVATE_KEYS: Readonly<Record<string, string>> = {
  discord: DISCORD_PRIVATE_KEY,
  kinde: JSON.stringify(KINDE_PRIVATE_JWK),
  sendgrid: SENDGRID_PRIVATE_KEY,
};

/** Provider factories with the test secrets, by fixtures key. */
export const PROVIDERS: Readonly<Record<string, () => WebhookProvider<EventMap>>> = {
  auth0: () => auth0({ token: AUTH0_TOKEN }),
  clerk: () => clerk({ secret: WHSEC }),
  discord: () => discord({ publicKey: DISCORD_PUBLIC_KEY, privateKey: DISCORD_PRIVATE_KEY }),
  ferriskey: () => ferriskey({ secret: FERRISKEY_SECRET }),
  fusionAuth: () => fusionAuth({ secret: FUSION_AUTH_SECRET }),
  generic: () => generic({ secret: GENERIC_SECRET }),
  github: () => github({ secret: GITHUB_SECRET }),
  logto: () => logto({ secret: LOGTO_SECRET }),
  mailgun: () => mailgun({ secret: MAILGUN_SECRET }),
  meta: () => meta({ secret: META_SECRET, verifyToken: "meatyhamhock" }),
  okta: () => okta({ token: OKTA_TOKEN }),
  propelAuth: () => propelAuth({ secret: WHSEC }),
  shopify: () => shopify({ secret: SHOPIFY_SECRET }),
  slack: () => slack({ secret: SLACK_SECRET }),
  square: () => square({ secret: SQUARE_SECRET }),
  sns: () =>
    sns({
      topicArn: "arn:aws:sns:us-west-2:123456789012:MyTopic",
      fetch: async (url) =>
        url === SNS_CERT_URL ? new Response(SNS_TEST_CERTIFICATE) : new Response("", { status: 404 }),
      signingKey: { privateKey: SNS_TEST_KEY, certificateUrl: SNS_CERT_URL },
    }),
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
  paddle: () => paddle({ secret: PADDLE_SECRET }),
  polar: () => polar({ secret: POLAR_SECRET }),
  openai: () => openai({ secret: OPENAI_SECRET }),
  replicate: () => replicate({ secret: REPLICATE_SECRET }),
  razorpay: () => razorpay({ secret: RAZORPAY_SECRET }),
  lemonSqueezy: () => lemonSqueezy({ secret: LEMON_SQUEEZY_SECRET }),
  vercel: () => vercel({ secret: VERCEL_SECRET }),
  sentry: () => sentry({ secret: SENTRY_SECRET }),
  gitlab: () => gitlab({ token: GITLAB_SECRET }),
  postmark: () => postmark({ username: "postmark", password: POSTMARK_PASSWORD }),
  twilio: () => twilio({ secret: TWILIO_SECRET }),
  typeform: () => typeform({ secret: TYPEFORM_SECRET }),
  hubspot: () => hubspot({ secret: HUBSPOT_SECRET }),
  intercom: () => intercom({ secret: INTERCOM_SECRET }),
  kinde: () => kinde({ publicKey: KINDE_PUBLIC_JWK, privateKey: KINDE_PRIVATE_JWK }),
  bitbucket: () => bitbucket({ secret: BITBUCKET_SECRET }),
  calendly: () => calendly({ secret: CALENDLY_SECRET }),
  zoom: () => zoom({ secret: ZOOM_SECRET }),
  twitch: () => twitch({ secret: TWITCH_SECRET }),
  linear: () => linear({ secret: LINEAR_SECRET }),
  workos: () => workos({ secret: WORKOS_SECRET }),
};

/** The header each provider's signature (or token) travels in. */
export const SIGNATURE_HEADER: Readonly<Record<string, string>> = {
  auth0: "authorization",
  clerk: "svix-signature",
  discord: "x-signature-ed25519",
  ferriskey: "x-ferriskey-signature",
  fusionAuth: "x-fusionauth-signature-jwt",
  generic: "x-webhook-signature",
  github: "x-hub-signature-256",
  logto: "logto-signature-sha-256",
  meta: "x-hub-signature-256",
  okta: "authorization",
  propelAuth: "svix-signature",
  shopify: "x-shopify-hmac-sha256",
  slack: "x-slack-signature",
  square: "x-square-hmacsha256-signature",
  sendgrid: "x-twilio-email-event-webhook-signature",
  stackAuth: "svix-signature",
  stripe: "stripe-signature",
  stytch: "svix-signature",
  supabase: "webhook-signature",
  tesseral: "svix-signature",
  userfront: "authorization",
  zitadel: "zitadel-signature",
  resend: "svix-signature",
  paddle: "paddle-signature",
  polar: "webhook-signature",
  openai: "webhook-signature",
  replicate: "webhook-signature",
  razorpay: "x-razorpay-signature",
  lemonSqueezy: "x-signature",
  vercel: "x-vercel-signature",
  sentry: "sentry-hook-signature",
  gitlab: "x-gitlab-token",
  postmark: "authorization",
  twilio: "x-twilio-signature",
  typeform: "typeform-signature",
  hubspot: "x-hubspot-signature-v3",
  intercom: "x-hub-signature",
  bitbucket: "x-hub-signature",
  calendly: "calendly-webhook-signature",
  linear: "linear-signature",
  workos: "workos-signature",
  netlify: "x-webhook-signature",
  zoom: "x-zm-signature",
  twitch: "twitch-eventsub-message-signature",
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
