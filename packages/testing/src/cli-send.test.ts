import { createWebhooks } from "@hookproof/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hookproof, json } from "../test/cli.js";
import { PROVIDERS, SECRETS, WHSEC } from "../test/providers.js";
import { startServer, type TestServer } from "../test/server.js";

interface SendJson {
  ok: boolean;
  variant: string | null;
  deliveries: {
    status: number;
    durationMs: number;
    body: { ok?: true; duplicate?: true; error?: { code: string } };
  }[];
}

const handled: string[] = [];
const servers: Record<string, TestServer> = {};
const stack = ["-p", "stack-auth", "-s", WHSEC, "-e", "user.created"];

beforeAll(async () => {
  for (const key of ["stackAuth", "generic", "userfront", "slack"] as const) {
    const hooks = createWebhooks({ provider: PROVIDERS[key]!() }).onAny((_, context) => {
      handled.push(context.id);
    });
    servers[key] = await startServer(hooks.handle);
  }
  // A receiver that checks nothing: the CLI must notice it accepting a tampered delivery.
  servers.careless = await startServer(() => Response.json({ ok: true }));
});
afterAll(() => Promise.all(Object.values(servers).map((server) => server.close())));

describe("hookproof send", () => {
  it("signs the fixture, POSTs it, prints status, latency and body; exit 0", async () => {
    const before = handled.length;
    const result = await hookproof(["send", servers.stackAuth!.url, ...stack]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/#1 200 {2}\d+\.\d ms {2}\{"ok":true\}/);
    expect(result.stdout).toContain("✓ 1/1 accepted");
    expect(handled.length).toBe(before + 1);
  });

  it("--json prints one parseable document", async () => {
    const out = json<SendJson>(await hookproof(["send", servers.stackAuth!.url, ...stack, "--json"]));
    expect(out.ok).toBe(true);
    expect(out.deliveries).toHaveLength(1);
    expect(out.deliveries[0]).toMatchObject({ status: 200, body: { ok: true } });
    expect(out.deliveries[0]!.durationMs).toBeTypeOf("number");
  });

  it.each([
    ["--tamper", "invalid_signature"],
    ["--wrong-secret", "invalid_signature"],
    ["--expired", "timestamp_expired"],
    ["--future", "timestamp_in_future"],
    ["--missing-header", "missing_header"],
  ])("%s: the receiver rejects it (%s), which is what the test wants: exit 0", async (flag, code) => {
    const before = handled.length;
    const result = await hookproof(["send", servers.stackAuth!.url, ...stack, flag, "--json"]);
    const out = json<SendJson>(result);
    expect(result.code).toBe(0);
    expect(out.ok).toBe(true);
    expect(out.deliveries[0]!.body.error?.code).toBe(code);
    expect(handled.length).toBe(before);
  });

  it("sends a Slack callback signed as Slack signs it, handled once by its event_id", async () => {
    const before = handled.length;
    const args = ["send", servers.slack!.url, "-p", "slack", "-s", SECRETS.slack!, "-e", "app_mention"];
    const out = json<SendJson>(await hookproof([...args, "--duplicate", "--json"]));
    expect(out.deliveries.map((d) => d.body)).toEqual([{ ok: true }, { ok: true, duplicate: true }]);
    expect(handled.slice(before)).toEqual(["Ev09AB1CD2EF"]);
  });

  it("--tamper against a receiver that accepts it: exit 1, said loudly", async () => {
    const result = await hookproof(["send", servers.careless!.url, ...stack, "--tamper"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✗ ACCEPTED a tampered delivery");
  });

  it("--repeat 3 sends three freshly signed deliveries, each handled", async () => {
    const before = handled.length;
    const out = json<SendJson>(
      await hookproof(["send", servers.stackAuth!.url, ...stack, "--repeat", "3", "--json"]),
    );
    expect(out.deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    expect(new Set(handled.slice(before)).size).toBe(3);
  });

  it("--duplicate sends one delivery twice: handled once, then acknowledged as a duplicate", async () => {
    const before = handled.length;
    const result = await hookproof(["send", servers.stackAuth!.url, ...stack, "--duplicate", "--json"]);
    const out = json<SendJson>(result);
    expect(result.code).toBe(0);
    expect(out.deliveries.map((d) => d.body)).toEqual([{ ok: true }, { ok: true, duplicate: true }]);
    expect(handled.length).toBe(before + 1);
  });

  it("a non-2xx answer exits 1 (the receiver has another secret)", async () => {
    const result = await hookproof([
      "send",
      servers.generic!.url,
      "-p",
      "generic",
      "-s",
      "not-the-receivers-secret",
      "-e",
      "user.created",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("401");
    expect(result.stdout).toContain("✗ 0/1 accepted");
  });

  it("dates generic fixtures now, so a maxAge receiver accepts them", async () => {
    const args = [
      "send",
      servers.generic!.url,
      "-p",
      "generic",
      "-s",
      SECRETS.generic!,
      "-e",
      "team.member.added",
    ];
    expect((await hookproof(args)).code).toBe(0);
  });

  it("--data sends a file's JSON, compact", async () => {
    const data = JSON.stringify(
      { action: "create", model: "tenant", mode: "test", record: { tenantId: "t1", name: "T" } },
      null,
      2,
    );
    const args = [
      "send",
      servers.userfront!.url,
      "-p",
      "userfront",
      "-s",
      SECRETS.userfront!,
      "-d",
      "-",
      "--json",
    ];
    const result = await hookproof(args, { input: data });
    expect(json<SendJson>(result).deliveries[0]!.status).toBe(200);
  });

  it.each([
    [["-p", "generic", "-s", SECRETS.generic!, "-e", "user.created", "--expired"], /signs no timestamp/],
    [["-p", "userfront", "-s", SECRETS.userfront!, "-e", "user.create", "--tamper"], /covers no body/],
    [["-p", "stack-auth", "-s", WHSEC, "-e", "user.created", "--tamper", "--expired"], /Choose one/],
    [["-p", "stack-auth", "-s", WHSEC, "-e", "user.created", "--repeat", "x"], /not a whole number/],
    [["-p", "stack-auth", "-e", "user.created"], /--secret is required/],
    [["-p", "stack-auth", "-s", WHSEC, "-e", "user.nope"], /No fixture "user\.nope" for stack-auth/],
  ])("usage errors exit 2: %j", async (args, message) => {
    const result = await hookproof(["send", servers.stackAuth!.url, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("a secret not shaped like Stack Auth's (notasecret) is refused, saying what its secrets look like", async () => {
    const before = handled.length;
    const result = await hookproof([
      "send",
      servers.stackAuth!.url,
      "-p",
      "stack-auth",
      "-s",
      "notasecret",
      "-e",
      "user.created",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--secret does not look like a stack-auth signing secret (whsec_<base64>)",
    );
    expect(result.stderr).toContain("copy it again from stack-auth's dashboard");
    expect(result.stderr).not.toContain("notasecret");
    expect(result.stdout).toBe("");
    expect(handled.length).toBe(before);
  });

  it("a usable secret without the whsec_ prefix is sent with a warning on stderr, stdout still JSON", async () => {
    const bare = WHSEC.slice("whsec_".length);
    const result = await hookproof([
      "send",
      servers.stackAuth!.url,
      "-p",
      "stack-auth",
      "-s",
      bare,
      "-e",
      "user.created",
      "--json",
    ]);
    expect(result.stderr).toBe(
      "hookproof: warning: --secret does not look like a stack-auth signing secret (whsec_<base64>); using it anyway: only a receiver given this same string will agree.\n",
    );
    // The core reads bare base64 as the same key, so this receiver agrees.
    expect(json<SendJson>(result).deliveries[0]).toMatchObject({ status: 200 });
    const prefixed = await hookproof(["send", servers.stackAuth!.url, ...stack]);
    expect(prefixed.stderr).toBe("");
  });

  it("names which of several secrets is misshapen", async () => {
    const result = await hookproof([
      "sign",
      "-p",
      "clerk",
      "-e",
      "user.created",
      "-s",
      WHSEC,
      "-s",
      "notasecret",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^hookproof: --secret #2 does not look like a clerk signing secret/);
  });

  it("a URL that is not http(s) is a usage error; an unreachable one exits 1", async () => {
    expect((await hookproof(["send", "localhost:3000", ...stack])).code).toBe(2);
    const closed = await startServer(() => new Response());
    await closed.close();
    const result = await hookproof(["send", closed.url, ...stack]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("ECONNREFUSED");
  });
});
