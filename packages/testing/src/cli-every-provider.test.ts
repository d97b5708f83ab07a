import { createPrivateKey } from "node:crypto";
import { createVerifier } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { fixtures } from "../src/index.js";
import { hookproof, json } from "../test/cli.js";
import {
  DISCORD_PUBLIC_KEY,
  PRIVATE_KEYS,
  PROVIDERS,
  SECRETS,
  SENDGRID_PRIVATE_KEY,
  SENDGRID_PUBLIC_KEY,
} from "../test/providers.js";

const URL = "http://localhost:3000/webhooks";
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `hookproof sign … --json` for one fixture, with the provider's test credential. */
async function sign(name: string, event: string, credential: string[]) {
  const args = ["sign", "-p", name, "-e", event, ...credential, "--curl", URL, "--json"];
  const result = await hookproof(args);
  expect(result.stderr).toBe("");
  return json<{ headers: Record<string, string>; body: string }>(result);
}

function credentialOf(name: string): string[] {
  const privateKey = PRIVATE_KEYS[name];
  if (privateKey !== undefined) return ["--private-key", privateKey];
  const secret = SECRETS[name];
  if (secret === undefined) throw new Error(`test/providers.ts has no test credential for ${name}`);
  return ["-s", secret];
}

// SNS messages are signed with AWS's own certificates: the CLI verifies them, and refuses to sign (below).
const SIGNABLE = Object.keys(fixtures).filter((key) => key !== "sns");

describe("every provider with fixtures can be signed from the CLI", () => {
  it("sns: verifies only; signing is a usage error that says why and what to use instead", async () => {
    const result = await hookproof(["sign", "-p", "sns", "-e", "Notification"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /the CLI cannot sign as it\. In tests, sign with a test key through @hookproof\/testing's signDelivery/,
    );
    const secret = await hookproof(["verify", "-p", "sns", "-s", "a-shared-secret-1234", "-"], {
      input: "{}",
    });
    expect([secret.code, secret.stderr]).toEqual([2, expect.stringMatching(/sns takes no --secret/)]);
  });

  it.each(SIGNABLE)("%s: `hookproof sign` signs its first fixture as the preset verifies it", async (key) => {
    const name = kebab(key);
    const [event] = Object.keys(fixtures[key as keyof typeof fixtures]);
    const signed = await sign(name, event!, credentialOf(name));
    const provider = PROVIDERS[key]!();
    const verifier = createVerifier({ scheme: provider.scheme });
    const auth = await verifier.authenticate({ ...signed, method: "POST", url: URL });
    expect(auth.raw).toEqual(new TextEncoder().encode(signed.body));
  });
});

describe("key-pair senders: --private-key signs, --public-key verifies", () => {
  it("discord: a request signed with the RFC 8032 seed verifies with its public key, and not with another", async () => {
    const signed = await sign("discord", "APPLICATION_COMMAND", ["--private-key", PRIVATE_KEYS.discord!]);
    const capture = JSON.stringify({ headers: signed.headers, body: signed.body });
    const ok = await hookproof(["verify", "-p", "discord", "--public-key", DISCORD_PUBLIC_KEY, "-"], {
      input: capture,
    });
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringMatching(/^✓ /m)]);
    const other = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"; // RFC 8032 test 2
    const wrong = await hookproof(
      ["verify", "-p", "discord", "--public-key", other, "--public-key", other, "-"],
      { input: capture },
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/matches none of the 2 public keys given/);
  });

  it("sendgrid: a PEM private key signs as well as base64 PKCS #8; the public half is derived", async () => {
    const pem = createPrivateKey({
      key: Buffer.from(SENDGRID_PRIVATE_KEY, "base64"),
      format: "der",
      type: "pkcs8",
    }).export({ format: "pem", type: "pkcs8" });
    for (const privateKey of [SENDGRID_PRIVATE_KEY, pem.toString()]) {
      const signed = await sign("sendgrid", "delivered", ["--private-key", privateKey]);
      const verifier = createVerifier({ scheme: PROVIDERS.sendgrid!().scheme });
      expect(await verifier.authenticate(signed)).toMatchObject({ keyIndex: 0 });
    }
    const capture = JSON.stringify(
      await sign("sendgrid", "delivered", ["--private-key", SENDGRID_PRIVATE_KEY]),
    );
    const ok = await hookproof(["verify", "-p", "sendgrid", "--public-key", SENDGRID_PUBLIC_KEY, "-"], {
      input: capture,
    });
    expect(ok.code).toBe(0);
  });

  it.each([
    [
      ["sign", "-p", "discord", "-e", "APPLICATION_COMMAND", "-s", "a-shared-secret-1234"],
      /signs with a key pair, not a shared secret: pass --public-key to verify, --private-key to sign/,
    ],
    [
      ["sign", "-p", "discord", "-e", "APPLICATION_COMMAND", "--public-key", DISCORD_PUBLIC_KEY],
      /--private-key is required to sign for discord/,
    ],
    [
      ["sign", "-p", "discord", "-e", "APPLICATION_COMMAND", "--private-key", "not-hex"],
      /--private-key must be 64 hex characters/,
    ],
    [
      ["sign", "-p", "sendgrid", "-e", "delivered", "--private-key", PRIVATE_KEYS.discord!],
      /--private-key must be a PKCS #8 P-256 key/,
    ],
    [
      ["verify", "-p", "sendgrid", "-"],
      /--public-key \(to verify\) or --private-key \(to sign\) is required for sendgrid/,
    ],
    [
      ["sign", "-p", "stack-auth", "-e", "user.created", "--private-key", SENDGRID_PRIVATE_KEY],
      /--public-key and --private-key are for senders that sign with a key pair \(discord, kinde, sendgrid\): stack-auth takes --secret/,
    ],
  ])("usage error: %j", async (args, message) => {
    const result = await hookproof(args, { input: "{}" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
