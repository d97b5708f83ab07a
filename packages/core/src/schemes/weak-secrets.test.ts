import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { creationError, ed25519Pair, outcome, utf8 } from "../../test/helpers.js";
import {
  bearer,
  genericHmac,
  githubHmac,
  headerToken,
  hmac,
  readHeaders,
  type Secrets,
  standardWebhooks,
  stripeHmac,
  type WebhookScheme,
} from "../index.js";
import { clerk, ferriskey, generic, stackAuth, tesseral, userfront } from "../providers/index.js";

const whsec = (bytes: number) => `whsec_${randomBytes(bytes).toString("base64")}`;
const body = '{"type":"user.created","data":{"id":"user_1"}}';

/** Signs with `scheme` and verifies with it: the scheme works end to end. */
async function roundTrip(scheme: WebhookScheme): Promise<string> {
  const headers = await scheme.sign({ body, id: "msg_1", timestamp: 1732291200 });
  return outcome(() => scheme.verify({ header: readHeaders(headers), body: utf8(body) }));
}

/** Every scheme factory, taking one text secret or token and the opt-in. */
const FACTORIES: [string, (secret: string, allowShortSecret?: boolean) => WebhookScheme][] = [
  ["standardWebhooks", (secret, allowShortSecret) => standardWebhooks({ secret, allowShortSecret })],
  ["hmac", (secret, allowShortSecret) => hmac({ secret, header: "x-sig", allowShortSecret })],
  ["genericHmac", (secret, allowShortSecret) => genericHmac({ secret, allowShortSecret })],
  ["githubHmac", (secret, allowShortSecret) => githubHmac({ secret, allowShortSecret })],
  ["stripeHmac", (secret, allowShortSecret) => stripeHmac({ secret, allowShortSecret })],
  ["bearer", (token, allowShortSecret) => bearer({ token, allowShortSecret })],
  ["headerToken", (token, allowShortSecret) => headerToken({ header: "x-token", token, allowShortSecret })],
  ["clerk", (secret, allowShortSecret) => clerk({ secret, allowShortSecret }).scheme],
  ["stackAuth", (secret, allowShortSecret) => stackAuth({ secret, allowShortSecret }).scheme],
  ["tesseral", (secret, allowShortSecret) => tesseral({ secret, allowShortSecret }).scheme],
  ["generic", (secret, allowShortSecret) => generic({ secret, allowShortSecret }).scheme],
  ["userfront", (token, allowShortSecret) => userfront({ token, allowShortSecret }).scheme],
  ["ferriskey (secret)", (secret, allowShortSecret) => ferriskey({ secret, allowShortSecret }).scheme],
  [
    "ferriskey (token)",
    (token, allowShortSecret) =>
      ferriskey({ token: { header: "x-hook-token", token }, allowShortSecret }).scheme,
  ],
];
const isStandardWebhooks = (name: string) =>
  ["standardWebhooks", "clerk", "stackAuth", "tesseral"].includes(name);

/** A short secret each factory reads as 8 key bytes: base64 for Standard Webhooks, text for the rest. */
const shortSecret = (name: string) => (isStandardWebhooks(name) ? whsec(8) : "Zq8#vL2m");

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

  it.each(FACTORIES)(
    "%s: refuses an empty or whitespace-only secret, even with allowShortSecret",
    (_, create) => {
      for (const blank of ["", " ", " \t\n "]) {
        for (const allow of [false, true]) {
          expect(creationError(() => create(blank, allow)).message).toContain("blank");
        }
      }
    },
  );

  it.each(FACTORIES)("%s: refuses a bare prefix, even with allowShortSecret", (_, create) => {
    for (const prefix of ["whsec_", "whsk_", "whpk_", "whsec_  "]) {
      for (const allow of [false, true]) {
        expect(creationError(() => create(prefix, allow)).message).toContain("bare prefix");
      }
    }
  });

  it.each(FACTORIES)("%s: refuses a key under 16 bytes and says how to make one", (name, create) => {
    const error = creationError(() => create(shortSecret(name)));
    expect(error.message).toContain("under 16 bytes");
    expect(error.message).toContain("openssl rand -base64 32");
    expect(error.message).toContain("allowShortSecret: true");
  });

  it.each(FACTORIES)(
    "%s: allowShortSecret accepts a short key, and it still signs and verifies",
    async (name, create) => {
      expect(await roundTrip(create(shortSecret(name), true))).toBe("ok");
    },
  );

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

  it("never puts the secret or token in the message", () => {
    const secrets = ["Zq8#vL2m", "whsec_Zq8vL2mK", "tok_Zq8vL2m"];
    for (const [name, create] of FACTORIES) {
      for (const secret of isStandardWebhooks(name) ? [whsec(9), whsec(9).slice(6)] : secrets) {
        const message = creationError(() => create(secret)).message;
        expect(message).not.toContain(secret);
        expect(message).not.toContain(secret.replace(/^whsec_/, ""));
      }
    }
  });
});
