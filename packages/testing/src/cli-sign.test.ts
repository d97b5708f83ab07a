import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVerifier, createWebhooks } from "@hookproof/core";
import { genericHmac } from "@hookproof/providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hookproof, json, run } from "../test/cli.js";
import { PROVIDERS, SECRETS, WHSEC } from "../test/providers.js";
import { startServer, type TestServer } from "../test/server.js";

const handled: { type: string; payload: unknown }[] = [];
const servers: Record<string, TestServer> = {};

beforeAll(async () => {
  for (const key of ["stackAuth", "generic", "ferriskey"] as const) {
    const hooks = createWebhooks({ provider: PROVIDERS[key]!() }).onAny((payload, context) => {
      handled.push({ type: context.type, payload });
    });
    servers[key] = await startServer(hooks.handle);
  }
});
afterAll(() => Promise.all(Object.values(servers).map((server) => server.close())));

describe("hookproof sign", () => {
  it("prints the headers the provider would send", async () => {
    const result = await hookproof(["sign", "-p", "stack-auth", "-e", "user.created", "-s", WHSEC]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^content-type: application\/json$/m);
    expect(result.stdout).toMatch(/^svix-id: msg_\w+$/m);
    expect(result.stdout).toMatch(/^svix-timestamp: \d+$/m);
    expect(result.stdout).toMatch(/^svix-signature: v1,[\w+/]+=*$/m);
  });

  it("--json gives headers and body that verify", async () => {
    const args = ["sign", "-p", "stack-auth", "-e", "team.created", "-s", WHSEC, "--id", "msg_cli", "--json"];
    const out = json<{ headers: Record<string, string>; body: string; event: string }>(await hookproof(args));
    expect(out.event).toBe("team.created");
    expect(out.headers["svix-id"]).toBe("msg_cli");
    const verified = await createVerifier({ scheme: PROVIDERS.stackAuth!().scheme }).verify(out);
    expect(verified.id).toBe("msg_cli");
  });

  it("adds the header a sender names its event in: Shopify's topic, which its router routes by", async () => {
    const args = ["sign", "-p", "shopify", "-e", "orders/create", "-s", SECRETS.shopify!, "--json"];
    const out = json<{ headers: Record<string, string>; body: string }>(await hookproof(args));
    expect(out.headers["x-shopify-topic"]).toBe("orders/create");
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: PROVIDERS.shopify!() }).onAny((_, context) => {
      seen.push(context.type);
    });
    expect((await hooks.process(out)).status).toBe(200);
    expect(seen).toEqual(["orders/create"]);
  });

  it("--timestamp signs that time (so the receiver's window decides)", async () => {
    const args = [
      "sign",
      "-p",
      "ferriskey",
      "-e",
      "user.created",
      "-s",
      SECRETS.ferriskey!,
      "--timestamp",
      "1787234531",
      "--json",
    ];
    const out = json<{ headers: Record<string, string> }>(await hookproof(args));
    expect(out.headers["x-ferriskey-timestamp"]).toBe("1787234531");
  });

  it.each([
    ["stackAuth", ["-p", "stack-auth", "-s", WHSEC, "-e", "user.created"]],
    ["ferriskey", ["-p", "ferriskey", "-s", SECRETS.ferriskey!, "-e", "realm.settings.updated"]],
  ])("--curl prints a command that sh runs and the %s receiver accepts", async (key, args) => {
    const before = handled.length;
    const printed = await hookproof(["sign", ...args, "--curl", servers[key]!.url]);
    expect(printed.code).toBe(0);
    const curl = await run("sh", ["-c", printed.stdout]);
    expect(curl.stderr).toBe("");
    expect(JSON.parse(curl.stdout)).toEqual({ ok: true });
    expect(handled.length).toBe(before + 1);
  });

  it("--curl keeps every byte of a body with quotes, $, backticks, backslashes and non-ASCII", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hookproof-sign-"));
    const name = `Zoë O'Brien "$HOME" \`id\` \\n %s 🦀 '' end`;
    const event = {
      id: "evt_quote",
      type: "user.created",
      created_at: new Date().toISOString(),
      data: { id: "usr_1", name },
    };
    writeFileSync(join(dir, "event.json"), JSON.stringify(event));
    const args = ["sign", "-p", "generic", "-s", SECRETS.generic!, "-d", join(dir, "event.json")];
    const printed = await hookproof([...args, "--curl", servers.generic!.url]);
    const curl = await run("sh", ["-c", printed.stdout]);
    expect(JSON.parse(curl.stdout)).toEqual({ ok: true });
    expect(handled.at(-1)).toEqual({ type: "user.created", payload: event });
  });

  it("--curl with a variant prints a command the receiver rejects", async () => {
    const args = [
      "sign",
      "-p",
      "stack-auth",
      "-s",
      WHSEC,
      "-e",
      "user.created",
      "--tamper",
      "--curl",
      servers.stackAuth!.url,
    ];
    const curl = await run("sh", ["-c", (await hookproof(args)).stdout]);
    expect(JSON.parse(curl.stdout)).toMatchObject({ error: { code: "invalid_signature" } });
  });

  it("takes the secret from HOOKPROOF_SECRET", async () => {
    const result = await hookproof(["sign", "-p", "tesseral", "-e", "sync.user"], {
      env: { HOOKPROOF_SECRET: WHSEC },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("svix-signature: v1,");
  });

  it("a malformed secret is a usage error naming what is wrong", async () => {
    const result = await hookproof(["sign", "-p", "stack-auth", "-e", "user.created", "-s", "whsec_"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--secret: .*bare prefix/);
  });

  it("a secret under 16 bytes is a usage error naming --allow-short-secret, which accepts it", async () => {
    const short = ["sign", "-p", "generic", "-e", "user.created", "-s", "Zq8#vL2m", "--json"];
    const refused = await hookproof(short);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--secret: `secret` is under 16 bytes/);
    expect(refused.stderr).toContain("openssl rand -base64 32");
    expect(refused.stderr).toContain("--allow-short-secret");
    expect(refused.stderr).not.toContain("Zq8#vL2m");
    const out = json<{ headers: Record<string, string>; body: string }>(
      await hookproof([...short, "--allow-short-secret"]),
    );
    const scheme = genericHmac({ secret: "Zq8#vL2m", allowShortSecret: true });
    expect(await createVerifier({ scheme }).verify(out)).toMatchObject({ payload: { type: "user.created" } });
    // A blank secret stays refused with the flag.
    const blank = await hookproof([
      "sign",
      "-p",
      "userfront",
      "-e",
      "user.create",
      "-s",
      " ",
      "--allow-short-secret",
    ]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/--secret: `token` is blank/);
  });
});
