/**
 * The weak-secret checks every scheme factory must pass, for the core's schemes and every provider's preset:
 * a blank secret, a bare prefix and a key under 16 bytes are refused when the scheme is created, never
 * echoing the secret; `allowShortSecret` accepts a short key that still signs and verifies.
 * @module
 */
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { readHeaders, type WebhookScheme } from "../src/index.js";
import { creationError, outcome, utf8 } from "./helpers.js";

/** A scheme factory taking one text secret or token and the opt-in; `base64` when it reads `whsec_` keys as base64. */
export type SecretFactory = [
  name: string,
  create: (secret: string, allowShortSecret?: boolean) => WebhookScheme,
  base64?: boolean,
];

/** A `whsec_` secret of `bytes` random bytes. */
export const whsec = (bytes: number): string => `whsec_${randomBytes(bytes).toString("base64")}`;

const body = '{"type":"user.created","data":{"id":"user_1"}}';

/** Signs with `scheme` and verifies with it: the scheme works end to end. */
async function roundTrip(scheme: WebhookScheme): Promise<string> {
  // A URL and method for the schemes that sign them; a body with its signature for those that sign inside it.
  const input = {
    body,
    id: "msg_1",
    timestamp: 1732291200,
    url: "https://hooks.example.com/in",
    method: "POST",
  };
  const signed = scheme.signBody ? await scheme.signBody(input) : undefined;
  const headers = signed?.headers ?? (await scheme.sign(input));
  const sent = signed?.body ?? body;
  return outcome(() =>
    scheme.verify({
      header: readHeaders(headers),
      body: typeof sent === "string" ? utf8(sent) : sent,
      url: input.url,
      method: input.method,
    }),
  );
}

/** A short secret each factory reads as 8 key bytes: base64 for Standard Webhooks, text for the rest. */
const shortSecret = (base64: boolean | undefined) => (base64 ? whsec(8) : "Zq8#vL2m");

/** The weak-secret checks, one test per factory and check; call inside a `describe`. */
export function weakSecretChecks(factories: readonly SecretFactory[]): void {
  it.each(factories)(
    "%s: refuses an empty or whitespace-only secret, even with allowShortSecret",
    (_, create) => {
      for (const blank of ["", " ", " \t\n "]) {
        for (const allow of [false, true]) {
          expect(creationError(() => create(blank, allow)).message).toContain("blank");
        }
      }
    },
  );

  it.each(factories)("%s: refuses a bare prefix, even with allowShortSecret", (_, create) => {
    for (const prefix of ["whsec_", "whsk_", "whpk_", "whsec_  "]) {
      for (const allow of [false, true]) {
        expect(creationError(() => create(prefix, allow)).message).toContain("bare prefix");
      }
    }
  });

  it.each(factories)("%s: refuses a key under 16 bytes and says how to make one", (_, create, base64) => {
    const error = creationError(() => create(shortSecret(base64)));
    expect(error.message).toContain("under 16 bytes");
    expect(error.message).toContain("openssl rand -base64 32");
    expect(error.message).toContain("allowShortSecret: true");
  });

  it.each(factories)(
    "%s: allowShortSecret accepts a short key, and it still signs and verifies",
    async (_, create, base64) => {
      expect(await roundTrip(create(shortSecret(base64), true))).toBe("ok");
    },
  );

  it("never puts the secret or token in the message", () => {
    const secrets = ["Zq8#vL2m", "whsec_Zq8vL2mK", "tok_Zq8vL2m"];
    for (const [, create, base64] of factories) {
      for (const secret of base64 ? [whsec(9), whsec(9).slice(6)] : secrets) {
        const message = creationError(() => create(secret)).message;
        expect(message).not.toContain(secret);
        expect(message).not.toContain(secret.replace(/^whsec_/, ""));
      }
    }
  });
}
