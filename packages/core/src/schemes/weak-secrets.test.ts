import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { creationError, ed25519Pair } from "../../test/helpers.js";
import { genericHmac, githubHmac, hubspotHmac, slackHmac, stripeHmac } from "../../test/hmac-presets.js";
import { type SecretFactory, weakSecretChecks, whsec } from "../../test/weak-secret-checks.js";
import {
  basicAuth,
  bearer,
  bodySignature,
  formHmac,
  headerToken,
  hmac,
  type Secrets,
  standardWebhooks,
} from "../index.js";

/** Every scheme factory of the core, taking one text secret or token and the opt-in (the providers' presets run the same checks). */
const FACTORIES: readonly SecretFactory[] = [
  ["standardWebhooks", (secret, allowShortSecret) => standardWebhooks({ secret, allowShortSecret }), true],
  ["hmac", (secret, allowShortSecret) => hmac({ secret, header: "x-sig", allowShortSecret })],
  ["hmac (generic layout)", (secret, allowShortSecret) => genericHmac({ secret, allowShortSecret })],
  ["hmac (GitHub layout)", (secret, allowShortSecret) => githubHmac({ secret, allowShortSecret })],
  ["hmac (Stripe layout)", (secret, allowShortSecret) => stripeHmac({ secret, allowShortSecret })],
  ["bearer", (token, allowShortSecret) => bearer({ token, allowShortSecret })],
  ["headerToken", (token, allowShortSecret) => headerToken({ header: "x-token", token, allowShortSecret })],
  ["hmac (Slack layout)", (secret, allowShortSecret) => slackHmac({ secret, allowShortSecret })],
  [
    "hmac (HubSpot v3 layout, URL-bound)",
    (secret, allowShortSecret) => hubspotHmac({ secret, allowShortSecret }),
  ],
  [
    "formHmac",
    (secret, allowShortSecret) => formHmac({ secret, allowShortSecret, header: "x-twilio-signature" }),
  ],
  ["basicAuth", (password, allowShortSecret) => basicAuth({ username: "hooks", password, allowShortSecret })],
  ["bodySignature", (secret, allowShortSecret) => bodySignature({ secret, allowShortSecret })],
];

describe("weak secrets are refused when the scheme is created", () => {
  it("refuses the review's forgeable configs: a 1-byte `whsec_AA`, Stripe's bare `whsec_`, a blank generic secret", () => {
    for (const create of [
      () => standardWebhooks({ secret: "whsec_AA" }),
      () => stripeHmac({ secret: "whsec_" }),
      () => genericHmac({ secret: " " }),
    ]) {
      expect(creationError(create).message).toContain("openssl rand -base64 32");
    }
  });

  weakSecretChecks(FACTORIES);

  it("measures Standard Webhooks keys in decoded bytes: 15 are refused, 16 accepted, prefixed or not", () => {
    for (const secret of [whsec(15), whsec(15).slice("whsec_".length)]) {
      expect(creationError(() => standardWebhooks({ secret })).message).toContain("under 16 bytes");
    }
    // 16 bytes are 24 base64 characters; the text would pass a character count at 12 bytes already.
    expect(standardWebhooks({ secret: whsec(16) }).name).toBe("standard-webhooks");
    expect(creationError(() => standardWebhooks({ secret: whsec(12) })).message).toContain("under 16 bytes");
  });

  it("measures raw key bytes: a 15-byte Uint8Array is refused, an empty one even with allowShortSecret", () => {
    for (const create of [
      (secret: Uint8Array, allowShortSecret?: boolean) => standardWebhooks({ secret, allowShortSecret }),
      (secret: Uint8Array, allowShortSecret?: boolean) => hmac({ secret, header: "x-sig", allowShortSecret }),
    ]) {
      expect(creationError(() => create(randomBytes(15))).message).toContain("under 16 bytes");
      expect(creationError(() => create(new Uint8Array(0), true)).message).toContain("blank");
      expect(() => create(randomBytes(16))).not.toThrow();
      expect(() => create(randomBytes(15), true)).not.toThrow();
    }
  });

  it("measures text secrets in UTF-8 bytes after a known prefix (Stripe's `whsec_` is part of the key, not of its strength)", () => {
    // 15 characters after the prefix: 21 bytes of HMAC key, 15 of them unknown to a guesser.
    expect(creationError(() => stripeHmac({ secret: "whsec_abcdefghijklmno" })).message).toContain(
      "under 16 bytes",
    );
    expect(stripeHmac({ secret: "whsec_abcdefghijklmnop" }).name).toBe("hmac");
    // Eight `é` are 8 characters but 16 UTF-8 bytes; seven are 14.
    expect(genericHmac({ secret: "é".repeat(8) }).name).toBe("hmac");
    expect(creationError(() => genericHmac({ secret: "é".repeat(7) })).message).toContain("under 16 bytes");
    expect(creationError(() => bearer({ token: "t".repeat(15) })).message).toContain("under 16 bytes");
    expect(bearer({ token: "t".repeat(16) }).name).toBe("bearer");
  });

  it("keeps Ed25519 keys' exact lengths, with or without allowShortSecret", () => {
    const pair = ed25519Pair();
    const raw = Buffer.from(pair.whpk.slice("whpk_".length), "base64");
    for (const allowShortSecret of [false, true]) {
      const shortPublic = `whpk_${raw.subarray(0, 31).toString("base64")}`;
      expect(
        creationError(() => standardWebhooks({ secret: shortPublic, allowShortSecret })).message,
      ).toContain("32-byte Ed25519 public key");
      const longSecret = `whsk_${randomBytes(48).toString("base64")}`;
      expect(
        creationError(() => standardWebhooks({ secret: longSecret, allowShortSecret })).message,
      ).toContain("32- or 64-byte Ed25519 secret key");
    }
    expect(standardWebhooks({ secret: [pair.whpk, pair.whsk, pair.whsk64] }).name).toBe("standard-webhooks");
  });

  it("names the weak one in a list, and refuses it while rotating too", () => {
    const error = creationError(() => standardWebhooks({ secret: [whsec(32), whsec(4)] as Secrets }));
    expect(error.message).toContain("`secret[1]`");
    expect(creationError(() => bearer({ token: ["t".repeat(20), "  "] })).message).toContain("`token[1]`");
  });
});
