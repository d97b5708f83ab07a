import { createWebhooks } from "@hookproof/core";
import {
  clerk,
  ferriskey,
  generic,
  genericHmac,
  github,
  githubHmac,
  slack,
  slackHmac,
  stackAuth,
  stripe,
  stripeHmac,
  tesseral,
  userfront,
} from "@hookproof/providers";
import { describe, expect, it } from "vitest";
import { type SecretFactory, weakSecretChecks } from "../../core/test/weak-secret-checks.js";

// Every preset, as the core's schemes are checked: `true` where the secret is a base64 `whsec_` key.
const FACTORIES: readonly SecretFactory[] = [
  ["clerk", (secret, allowShortSecret) => clerk({ secret, allowShortSecret }).scheme, true],
  ["stackAuth", (secret, allowShortSecret) => stackAuth({ secret, allowShortSecret }).scheme, true],
  ["tesseral", (secret, allowShortSecret) => tesseral({ secret, allowShortSecret }).scheme, true],
  ["generic", (secret, allowShortSecret) => generic({ secret, allowShortSecret }).scheme],
  ["genericHmac", (secret, allowShortSecret) => genericHmac({ secret, allowShortSecret })],
  ["github", (secret, allowShortSecret) => github({ secret, allowShortSecret }).scheme],
  ["githubHmac", (secret, allowShortSecret) => githubHmac({ secret, allowShortSecret })],
  ["stripe", (secret, allowShortSecret) => stripe({ secret, allowShortSecret }).scheme],
  ["stripeHmac", (secret, allowShortSecret) => stripeHmac({ secret, allowShortSecret })],
  ["slack", (secret, allowShortSecret) => slack({ secret, allowShortSecret }).scheme],
  ["slackHmac", (secret, allowShortSecret) => slackHmac({ secret, allowShortSecret })],
  ["userfront", (token, allowShortSecret) => userfront({ token, allowShortSecret }).scheme],
  ["ferriskey (secret)", (secret, allowShortSecret) => ferriskey({ secret, allowShortSecret }).scheme],
  [
    "ferriskey (token)",
    (token, allowShortSecret) =>
      ferriskey({ token: { header: "x-hook-token", token }, allowShortSecret }).scheme,
  ],
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
  });
});
