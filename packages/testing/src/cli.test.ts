import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLI, hookproof, json } from "../test/cli.js";

const DIR = fileURLToPath(new URL("../../providers/src/", import.meta.url));

describe("hookproof --help", () => {
  it("lists the commands, examples and exit codes; exit 0", async () => {
    const result = await hookproof(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["send", "sign", "verify", "fixtures"])
      expect(result.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout).toContain(
      "Exit codes: 0 ok, 1 verification failed or a non-2xx answer, 2 usage error.",
    );
  });

  it.each(["send", "sign", "verify", "fixtures"])(
    "%s --help shows examples of that command",
    async (command) => {
      const result = await hookproof([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: hookproof ${command}`);
      expect(result.stdout).toMatch(new RegExp(`Examples:\\n(  \\$ .*hookproof ${command}.*\\n)+`));
    },
  );

  it("the bin is an ESM file with a shebang", () => {
    expect(readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});

describe("hookproof --version", () => {
  it.each(["--version", "-V"])("%s prints the package's version; exit 0", async (flag) => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const result = await hookproof([flag]);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("usage errors exit 2", () => {
  it.each([
    [["bogus"], /unknown command 'bogus'/],
    [["sign", "--bogus"], /unknown option '--bogus'/],
    [["send"], /missing required argument 'url'/],
    [["sign", "-e", "user.created", "-s", "x"], /--provider is required/],
    [
      ["sign", "-p", "nope", "-s", "x", "-e", "user.created"],
      /Unknown provider "nope": use one of .*clerk, ferriskey, generic, .*stack-auth/,
    ],
    [
      ["sign", "-p", "tesseral", "-s", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
      /--event <type> for a fixture, or --data/,
    ],
    [["fixtures", "nope"], /Unknown provider "nope"/],
    [
      ["fixtures", "tesseral", "sync.team"],
      /No fixture "sync\.team" for tesseral\. Its events: sync\.organization, sync\.user/,
    ],
  ])("%j", async (args, message) => {
    const result = await hookproof(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("hookproof fixtures", () => {
  it("lists every provider with its event count", async () => {
    const result = await hookproof(["fixtures"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^stack-auth +13 events$/m);
    expect(result.stdout).toMatch(/^tesseral +2 events$/m);
  });

  it("--json lists providers and events", async () => {
    const out = json<{ providers: { name: string; events: string[] }[] }>(
      await hookproof(["fixtures", "--json"]),
    );
    expect(out.providers.map((p) => p.name)).toEqual([
      "auth0",
      "bitbucket",
      "calendly",
      "clerk",
      "ferriskey",
      "generic",
      "gitlab",
      "intercom",
      "lemon-squeezy",
      "linear",
      "logto",
      "okta",
      "openai",
      "polar",
      "propel-auth",
      "razorpay",
      "replicate",
      "resend",
      "sentry",
      "shopify",
      "slack",
      "stack-auth",
      "stytch",
      "supabase",
      "tesseral",
      "typeform",
      "userfront",
      "vercel",
      "workos",
      "zitadel",
    ]);
    expect(out.providers.find((p) => p.name === "userfront")?.events).toContain("tenant.delete");
  });

  it("lists a provider's events, by CLI or camelCase name", async () => {
    const kebab = await hookproof(["fixtures", "stack-auth"]);
    expect(kebab.stdout.trim().split("\n")).toContain("team_membership.created");
    expect((await hookproof(["fixtures", "stackAuth"])).stdout).toBe(kebab.stdout);
    const out = json<{ provider: string; events: string[] }>(
      await hookproof(["fixtures", "tesseral", "--json"]),
    );
    expect(out).toEqual({ provider: "tesseral", events: ["sync.organization", "sync.user"] });
  });

  it("prints one fixture: readable on a terminal, the exact compact body with --json", async () => {
    const file = readFileSync(`${DIR}ferriskey/fixtures/auth.reset_password.json`, "utf8").trimEnd();
    const pretty = await hookproof(["fixtures", "ferriskey", "auth.reset_password"]);
    expect(pretty.stdout).toBe(`${JSON.stringify(JSON.parse(file), null, 2)}\n`);
    const compact = await hookproof(["fixtures", "ferriskey", "auth.reset_password", "--json"]);
    expect(compact.stdout).toBe(`${file}\n`);
  });
});
