import { createWebhooks } from "@hookproof/core";
import {
  auth0,
  bitbucket,
  calendly,
  clerk,
  ferriskey,
  generic,
  genericHmac,
  github,
  githubHmac,
  gitlab,
  hubspot,
  hubspotHmac,
  intercom,
  lemonSqueezy,
  linear,
  linearHmac,
  logto,
  logtoHmac,
  mailgun,
  meta,
  metaHmac,
  okta,
  openai,
  paddle,
  paddleHmac,
  polar,
  postmark,
  propelAuth,
  razorpay,
  replicate,
  resend,
  sentry,
  shopify,
  shopifyHmac,
  slack,
  slackHmac,
  square,
  squareHmac,
  stackAuth,
  stripe,
  stripeHmac,
  stytch,
  supabase,
  tesseral,
  twilio,
  twilioHmac,
  twitch,
  twitchHmac,
  typeform,
  userfront,
  vercel,
  workos,
  workosHmac,
  zitadel,
  zitadelHmac,
  zoom,
  zoomHmac,
} from "@hookproof/providers";
import { fusionAuth } from "@hookproof/providers/fusion-auth";
import { netlify } from "@hookproof/providers/netlify";
import { describe, expect, it } from "vitest";
import { type SecretFactory, weakSecretChecks } from "../../core/test/weak-secret-checks.js";

// Every preset, as the core's schemes are checked: `true` where the secret is a base64 `whsec_` key.
const FACTORIES: readonly SecretFactory[] = [
  ["clerk", (secret, allowShortSecret) => clerk({ secret, allowShortSecret }).scheme, true],
  ["stackAuth", (secret, allowShortSecret) => stackAuth({ secret, allowShortSecret }).scheme, true],
  ["tesseral", (secret, allowShortSecret) => tesseral({ secret, allowShortSecret }).scheme, true],
  ["propelAuth", (secret, allowShortSecret) => propelAuth({ secret, allowShortSecret }).scheme, true],
  ["stytch", (secret, allowShortSecret) => stytch({ secret, allowShortSecret }).scheme, true],
  ["supabase", (secret, allowShortSecret) => supabase({ secret, allowShortSecret }).scheme, true],
  ["generic", (secret, allowShortSecret) => generic({ secret, allowShortSecret }).scheme],
  ["genericHmac", (secret, allowShortSecret) => genericHmac({ secret, allowShortSecret })],
  ["github", (secret, allowShortSecret) => github({ secret, allowShortSecret }).scheme],
  ["githubHmac", (secret, allowShortSecret) => githubHmac({ secret, allowShortSecret })],
  ["logto", (secret, allowShortSecret) => logto({ secret, allowShortSecret }).scheme],
  ["logtoHmac", (secret, allowShortSecret) => logtoHmac({ secret, allowShortSecret })],
  ["mailgun", (secret, allowShortSecret) => mailgun({ secret, allowShortSecret }).scheme],
  ["zitadel", (secret, allowShortSecret) => zitadel({ secret, allowShortSecret }).scheme],
  ["zitadelHmac", (secret, allowShortSecret) => zitadelHmac({ secret, allowShortSecret })],
  ["auth0", (token, allowShortSecret) => auth0({ token, allowShortSecret }).scheme],
  ["okta", (token, allowShortSecret) => okta({ token, allowShortSecret }).scheme],
  ["stripe", (secret, allowShortSecret) => stripe({ secret, allowShortSecret }).scheme],
  ["stripeHmac", (secret, allowShortSecret) => stripeHmac({ secret, allowShortSecret })],
  ["shopify", (secret, allowShortSecret) => shopify({ secret, allowShortSecret }).scheme],
  ["shopifyHmac", (secret, allowShortSecret) => shopifyHmac({ secret, allowShortSecret })],
  [
    "meta",
    (secret, allowShortSecret) => meta({ secret, allowShortSecret, verifyToken: "meatyhamhock" }).scheme,
  ],
  ["metaHmac", (secret, allowShortSecret) => metaHmac({ secret, allowShortSecret })],
  ["slack", (secret, allowShortSecret) => slack({ secret, allowShortSecret }).scheme],
  ["slackHmac", (secret, allowShortSecret) => slackHmac({ secret, allowShortSecret })],
  ["square", (secret, allowShortSecret) => square({ secret, allowShortSecret }).scheme],
  ["squareHmac", (secret, allowShortSecret) => squareHmac({ secret, allowShortSecret })],
  ["userfront", (token, allowShortSecret) => userfront({ token, allowShortSecret }).scheme],
  ["fusionAuth", (secret, allowShortSecret) => fusionAuth({ secret, allowShortSecret }).scheme],
  ["netlify", (secret, allowShortSecret) => netlify({ secret, allowShortSecret }).scheme],
  ["ferriskey (secret)", (secret, allowShortSecret) => ferriskey({ secret, allowShortSecret }).scheme],
  [
    "ferriskey (token)",
    (token, allowShortSecret) =>
      ferriskey({ token: { header: "x-hook-token", token }, allowShortSecret }).scheme,
  ],
  ["resend", (secret, allowShortSecret) => resend({ secret: secret, allowShortSecret }).scheme, true],
  ["paddle", (secret, allowShortSecret) => paddle({ secret, allowShortSecret }).scheme],
  ["paddleHmac", (secret, allowShortSecret) => paddleHmac({ secret, allowShortSecret })],
  ["polar", (secret, allowShortSecret) => polar({ secret: secret, allowShortSecret }).scheme],
  [
    "postmark",
    (password, allowShortSecret) =>
      postmark({ username: "postmark", password: password as string, allowShortSecret }).scheme,
  ],
  ["openai", (secret, allowShortSecret) => openai({ secret: secret, allowShortSecret }).scheme, true],
  ["replicate", (secret, allowShortSecret) => replicate({ secret: secret, allowShortSecret }).scheme, true],
  ["razorpay", (secret, allowShortSecret) => razorpay({ secret: secret, allowShortSecret }).scheme],
  ["lemonSqueezy", (secret, allowShortSecret) => lemonSqueezy({ secret: secret, allowShortSecret }).scheme],
  ["vercel", (secret, allowShortSecret) => vercel({ secret: secret, allowShortSecret }).scheme],
  ["sentry", (secret, allowShortSecret) => sentry({ secret: secret, allowShortSecret }).scheme],
  ["gitlab (token)", (token, allowShortSecret) => gitlab({ token, allowShortSecret }).scheme],
  ["gitlab (signing token)", (secret, allowShortSecret) => gitlab({ secret, allowShortSecret }).scheme, true],
  ["twilio", (secret, allowShortSecret) => twilio({ secret, allowShortSecret }).scheme],
  ["twilioHmac", (secret, allowShortSecret) => twilioHmac({ secret, allowShortSecret })],
  ["typeform", (secret, allowShortSecret) => typeform({ secret: secret, allowShortSecret }).scheme],
  ["hubspot", (secret, allowShortSecret) => hubspot({ secret, allowShortSecret }).scheme],
  ["hubspotHmac", (secret, allowShortSecret) => hubspotHmac({ secret, allowShortSecret })],
  ["intercom", (secret, allowShortSecret) => intercom({ secret: secret, allowShortSecret }).scheme],
  ["bitbucket", (secret, allowShortSecret) => bitbucket({ secret: secret, allowShortSecret }).scheme],
  ["calendly", (secret, allowShortSecret) => calendly({ secret: secret, allowShortSecret }).scheme],
  ["zoom", (secret, allowShortSecret) => zoom({ secret, allowShortSecret }).scheme],
  ["zoomHmac", (secret, allowShortSecret) => zoomHmac({ secret, allowShortSecret })],
  ["twitch", (secret, allowShortSecret) => twitch({ secret, allowShortSecret }).scheme],
  ["twitchHmac", (secret, allowShortSecret) => twitchHmac({ secret, allowShortSecret })],
  ["linear", (secret, allowShortSecret) => linear({ secret, allowShortSecret }).scheme],
  ["linearHmac", (secret, allowShortSecret) => linearHmac({ secret, allowShortSecret })],
  ["workos", (secret, allowShortSecret) => workos({ secret, allowShortSecret }).scheme],
  ["workosHmac", (secret, allowShortSecret) => workosHmac({ secret, allowShortSecret })],
];

describe("weak secrets are refused when a preset is created", () => {
  weakSecretChecks(FACTORIES);
});

const TOKEN = "uf_webhook_key_0123456789abcdef";
const FERRISKEY_SECRET = "c3843857a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c";
const FERRISKEY_TOKEN = { header: "authorization", token: "Bearer fk_hook_5c1e2d9a7b3f4e60" };

describe("replay bounds of the presets", () => {
  it("is declared by the presets that sign no time, so they need no option", () => {
    expect(userfront({ token: TOKEN }).replayBound).toBe("retention");
    expect(ferriskey({ token: FERRISKEY_TOKEN }).replayBound).toBe("retention");
    expect(ferriskey({ secret: FERRISKEY_SECRET, token: FERRISKEY_TOKEN }).replayBound).toBe("retention");
    expect(ferriskey({ secret: FERRISKEY_SECRET }).replayBound).toBeUndefined();
    expect(github({ secret: "gh-secret-7Qm2vX9pL4sT" }).replayBound).toBe("retention");
    expect(gitlab({ token: "glwt-7f3a9c2e51b84d06a1c2" }).replayBound).toBe("retention");
    expect(intercom({ secret: "ic_client_secret_0123456789abcdef" }).replayBound).toBe("retention");
    expect(bitbucket({ secret: "bb-webhook-secret-0123456789abcdef" }).replayBound).toBe("retention");
    expect(shopify({ secret: "shpss_0123456789abcdef0123456789abcdef" }).replayBound).toBe("retention");
    expect(postmark({ username: "postmark", password: "pm-webhook-Qx7tR2vN9pL4sK8m" }).replayBound).toBe(
      "retention",
    );
    expect(twilio({ secret: "9f3c2b1a0e8d7c6b5a4f3e2d1c0b9a8f" }).replayBound).toBe("retention");
    expect(() => createWebhooks({ provider: userfront({ token: TOKEN }) })).not.toThrow();
    expect(() => createWebhooks({ provider: ferriskey({ token: FERRISKEY_TOKEN }) })).not.toThrow();
    expect(() =>
      createWebhooks({ provider: ferriskey({ secret: FERRISKEY_SECRET, token: FERRISKEY_TOKEN }) }),
    ).not.toThrow();
    expect(() => createWebhooks({ provider: github({ secret: "gh-secret-7Qm2vX9pL4sT" }) })).not.toThrow();
    // Without a dedupe store there is no retention either: that must be said.
    expect(() => createWebhooks({ provider: userfront({ token: TOKEN }), dedupe: false })).toThrow(/"none"/);
  });

  it("is not needed where a time is signed: a timestamp, or maxAge over the body's creation time", () => {
    expect(() =>
      createWebhooks({ provider: generic({ secret: "generic-secret-0123456789" }) }),
    ).not.toThrow();
    expect(() =>
      createWebhooks({ provider: stripe({ secret: "whsec_stripe_4kQ9mV2xR7pL1sZ8" }) }),
    ).not.toThrow();
    expect(stripe({ secret: "whsec_stripe_4kQ9mV2xR7pL1sZ8" }).replayBound).toBeUndefined();
    expect(() =>
      createWebhooks({ provider: slack({ secret: "e3b9c1f0a7d24c5b8e6f1a2b3c4d5e6f" }) }),
    ).not.toThrow();
    expect(slack({ secret: "e3b9c1f0a7d24c5b8e6f1a2b3c4d5e6f" }).replayBound).toBeUndefined();
    // Square's 72 h maxAge fits the default retention.
    expect(() => createWebhooks({ provider: square({ secret: "q9V2xK7mB3nR8tY1wZ4aEw" }) })).not.toThrow();
    expect(() => createWebhooks({ provider: zoom({ secret: "uTj4W2kRq9sXb7nLc3vPzA" }) })).not.toThrow();
    expect(zoom({ secret: "uTj4W2kRq9sXb7nLc3vPzA" }).replayBound).toBeUndefined();
    expect(() => createWebhooks({ provider: twitch({ secret: "s3cre7-hookproof-twitch" }) })).not.toThrow();
    expect(twitch({ secret: "s3cre7-hookproof-twitch" }).replayBound).toBeUndefined();
  });
});
