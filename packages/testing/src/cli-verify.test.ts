import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hookproof, json } from "../test/cli.js";
import { PROVIDERS, SECRETS, WHSEC } from "../test/providers.js";
import { fixture } from "./fixtures.js";
import { type SignedDelivery, signDelivery } from "./sign-request.js";

const dir = mkdtempSync(join(tmpdir(), "hookproof-verify-"));
const T = 1_787_234_531;
const OTHER = "whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldCE=";

interface VerifyJson {
  valid: boolean;
  code: string | null;
  reason: string;
  header?: string;
  skewSeconds?: number;
  reserialised?: string;
  id?: string;
  type?: string;
  keyIndex?: number;
  notes: string[];
}

/** A raw HTTP capture file of a delivery, as a proxy log or `nc -l` would show it. */
function capture(delivery: SignedDelivery, body: string = String(delivery.body), drop?: string): string {
  const headers = Object.entries(delivery.headers).filter(([name]) => name !== drop);
  const head = [
    "POST /webhooks HTTP/1.1",
    "Host: receiver.example",
    ...headers.map(([n, v]) => `${n}: ${v}`),
  ];
  const file = join(dir, `${Math.random().toString(36).slice(2)}.http`);
  writeFileSync(file, `${head.join("\r\n")}\r\n\r\n${body}`);
  return file;
}

const stack = () =>
  signDelivery(PROVIDERS.stackAuth!(), fixture("stack-auth", "user.created"), {
    id: "msg_cap",
    timestamp: T,
  });
const verify = (file: string, ...args: string[]) =>
  hookproof(["verify", "-p", "stack-auth", "-s", WHSEC, "--now", String(T + 5), ...args, file]);

describe("hookproof verify", () => {
  it("valid: names the event id and type; exit 0", async () => {
    const result = await verify(capture(await stack()));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ valid: event msg_cap of type user.created");
    const out = json<VerifyJson>(await verify(capture(await stack()), "--json"));
    expect(out).toMatchObject({
      valid: true,
      code: null,
      id: "msg_cap",
      type: "user.created",
      keyIndex: 0,
      skewSeconds: 5,
    });
  });

  it("missing header: says which one; exit 1", async () => {
    const file = capture(await stack(), undefined, "svix-signature");
    const result = await verify(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✗ missing header `svix-signature`");
    expect(json<VerifyJson>(await verify(file, "--json"))).toMatchObject({
      code: "missing_header",
      header: "svix-signature",
    });
  });

  it("no matching secret: says the signature matches none of the secrets given", async () => {
    const file = capture(await stack());
    const args = [
      "verify",
      "-p",
      "stack-auth",
      "-s",
      OTHER,
      "-s",
      "whsec_b3RoZXIgc2VjcmV0IG51bWJlciAy",
      "--now",
      String(T),
      "--json",
    ];
    const result = await hookproof([...args, file]);
    expect(result.code).toBe(1);
    const out = json<VerifyJson>(result);
    expect(out).toMatchObject({ valid: false, code: "invalid_signature", header: "svix-signature" });
    expect(out.reason).toMatch(/the signature in `svix-signature` matches none of the 2 secrets given/);
  });

  it("rotation: the second secret matches, and it says so", async () => {
    const args = ["verify", "-p", "stack-auth", "-s", OTHER, "-s", WHSEC, "--now", String(T), "--json"];
    const out = json<VerifyJson>(await hookproof([...args, capture(await stack())]));
    expect(out).toMatchObject({ valid: true, keyIndex: 1 });
    expect(out.notes.join(" ")).toMatch(/--secret #2/);
  });

  it.each([
    [412, "timestamp_expired", "412 s in the past"],
    [-1000, "timestamp_in_future", "1000 s in the future"],
  ])("clock skew %i s: %s, with the seconds", async (skew, code, words) => {
    const result = await verify(capture(await stack()), "--now", String(T + skew));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`clock skew: the signed timestamp is ${words} (tolerance ±300 s)`);
    const out = json<VerifyJson>(await verify(capture(await stack()), "--now", String(T + skew), "--json"));
    expect(out).toMatchObject({ code, skewSeconds: skew });
  });

  it("--now takes an ISO date and --tolerance widens the window", async () => {
    const iso = new Date((T + 412) * 1000).toISOString();
    expect((await verify(capture(await stack()), "--now", iso)).code).toBe(1);
    expect((await verify(capture(await stack()), "--now", iso, "--tolerance", "600")).code).toBe(0);
  });

  it("re-serialised body: a compact-signed body that arrives pretty-printed", async () => {
    const delivery = await stack();
    const pretty = JSON.stringify(JSON.parse(String(delivery.body)), null, 2);
    const out = json<VerifyJson>(await verify(capture(delivery, pretty), "--json"));
    expect(out).toMatchObject({ valid: false, code: "invalid_signature", reserialised: "compact" });
    expect(out.reason).toMatch(/looks re-serialised: the signature matches it as compact JSON/);
  });

  it("re-serialised body: a pretty-signed body that arrives compact", async () => {
    const payload = fixture("stack-auth", "team.created");
    const delivery = await signDelivery(PROVIDERS.stackAuth!(), JSON.stringify(payload, null, 2), {
      timestamp: T,
    });
    const out = json<VerifyJson>(await verify(capture(delivery, JSON.stringify(payload)), "--json"));
    expect(out).toMatchObject({ code: "invalid_signature", reserialised: "pretty (2 spaces)" });
  });

  it("a changed body that is no re-serialisation: no matching secret, and the hint that the body changed", async () => {
    const delivery = await stack();
    const file = capture(delivery, String(delivery.body).replace("Ada", "Eve"));
    const out = json<VerifyJson>(await verify(file, "--json"));
    expect(out.code).toBe("invalid_signature");
    expect(out.reserialised).toBeUndefined();
    expect(out.reason).toBe("the signature in `svix-signature` matches none of the 1 secret given");
    const text = await verify(file);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("or the body changed after signing: a proxy or framework re-encoded it");
  });

  it("a wrong token gets no body hint: a token covers no body", async () => {
    const delivery = await signDelivery(PROVIDERS.userfront!(), fixture("userfront", "user.create"));
    const args = ["verify", "-p", "userfront", "-s", "not-the-key-Hc47mWe2tY", "--json", capture(delivery)];
    expect(json<VerifyJson>(await hookproof(args)).notes).toEqual([]);
  });

  it("--help shows a captured request, and that very capture verifies as its text says", async () => {
    const help = (await hookproof(["verify", "--help"])).stdout;
    const example = /\n\n((?: {2}POST[^\n]*\n(?: {2}[^\n]*\n)+)\n {2}[^\n]*)\n/.exec(help)?.[1];
    expect(example).toBeDefined();
    const file = join(dir, "help-example.http");
    writeFileSync(file, example!.replace(/^ {2}/gm, ""));
    const command = /passes `hookproof (verify [^`]*) captured\.http`/.exec(help)?.[1]?.split(" ");
    expect(command).toEqual(["verify", "-p", "tesseral", "-s", WHSEC, "--now", "1787234531"]);
    const result = await hookproof([...command!, file]);
    expect(result.stdout).toContain("✓ valid: event msg_2sVJb5hM0XrO6yJ8cKqUeTdWnA1 of type sync.user");
    expect(result.code).toBe(0);
  });

  it("reads a JSON capture { headers, body } from stdin", async () => {
    const delivery = await stack();
    const input = JSON.stringify({ headers: delivery.headers, body: delivery.body });
    const result = await hookproof(
      ["verify", "-p", "stack-auth", "-s", WHSEC, "--now", String(T), "--json", "-"],
      { input },
    );
    expect(json<VerifyJson>(result)).toMatchObject({ valid: true, id: "msg_cap" });
  });

  it("raw HTTP: Content-Length ends the body, so a newline an editor added does not break it", async () => {
    const delivery = await signDelivery(PROVIDERS.ferriskey!(), fixture("ferriskey", "auth.reset_password"), {
      timestamp: T,
    });
    const length = new TextEncoder().encode(String(delivery.body)).length;
    const file = capture(
      { ...delivery, headers: { ...delivery.headers, "content-length": String(length) } },
      `${delivery.body}\n`,
    );
    const result = await hookproof([
      "verify",
      "-p",
      "ferriskey",
      "-s",
      SECRETS.ferriskey!,
      "--now",
      String(T),
      file,
    ]);
    expect(result.stdout).toMatch(/✓ valid: event sha256:[0-9a-f]{64} of type auth\.reset_password/);
    expect(result.code).toBe(0);
  });

  it("legacy FerrisKey (≤ 0.7.2): --token-header signs and checks the static header it sends", async () => {
    const args = ["-p", "ferriskey", "--token-header", "x-webhook-token", "-s", "s3cr3t-token-9Fq2LmX7"];
    const signed = json<{ headers: Record<string, string>; body: string }>(
      await hookproof(["sign", ...args, "-e", "user.created", "--json"]),
    );
    expect(signed.headers["x-webhook-token"]).toBe("s3cr3t-token-9Fq2LmX7");
    expect(signed.headers["x-ferriskey-signature"]).toBeUndefined();
    const delivery = { headers: signed.headers, body: signed.body } as SignedDelivery;
    const check = async (file: string, ...options: string[]) =>
      json<VerifyJson>(await hookproof(["verify", ...options, "--json", file]));
    expect(await check(capture(delivery), ...args)).toMatchObject({ valid: true, type: "user.created" });
    const other = ["-p", "ferriskey", "--token-header", "x-webhook-token", "-s", "another-token-Hc47mWe2"];
    expect(await check(capture(delivery), ...other)).toMatchObject({
      valid: false,
      code: "invalid_token",
      header: "x-webhook-token",
    });
    expect(await check(capture(delivery, undefined, "x-webhook-token"), ...args)).toMatchObject({
      valid: false,
      code: "missing_header",
      header: "x-webhook-token",
    });
    const misuse = await hookproof(["verify", "-p", "stack-auth", "--token-header", "x-a", "-s", WHSEC, "-"]);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain("--token-header is for ferriskey only");
  });

  it("a wrong token for a bearer provider, and a body that breaks the schema", async () => {
    const delivery = await signDelivery(PROVIDERS.userfront!(), fixture("userfront", "user.create"));
    const wrong = await hookproof([
      "verify",
      "-p",
      "userfront",
      "-s",
      "not-the-key-Hc47mWe2tY",
      "--json",
      capture(delivery),
    ]);
    expect(json<VerifyJson>(wrong)).toMatchObject({ code: "invalid_token", header: "authorization" });
    const broken = await signDelivery(PROVIDERS.userfront!(), {
      action: "create",
      model: "user",
      mode: "test",
      record: { userId: "7" },
    });
    const invalid = await hookproof([
      "verify",
      "-p",
      "userfront",
      "-s",
      SECRETS.userfront!,
      "--json",
      capture(broken),
    ]);
    expect(invalid.code).toBe(1);
    expect(json<VerifyJson>(invalid)).toMatchObject({ valid: false, code: "invalid_payload" });
  });

  it("usage errors exit 2: no file, an unreadable file, a bad --now", async () => {
    expect((await hookproof(["verify", "-p", "stack-auth", "-s", WHSEC])).code).toBe(2);
    expect(
      (await hookproof(["verify", "-p", "stack-auth", "-s", WHSEC, join(dir, "missing.http")])).code,
    ).toBe(2);
    const bad = await verify(capture(await stack()), "--now", "yesterday");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--now "yesterday"/);
  });
});

describe("hookproof verify: senders that sign the URL", () => {
  const PUBLIC = "https://hooks.example.com/twilio/sms?tenant=7";
  const twilio = () =>
    signDelivery(PROVIDERS.twilio!(), fixture("twilio", "message.received"), { url: PUBLIC });
  /** A raw capture whose request line and Host are `target` and `host`. */
  function raw(delivery: SignedDelivery, target: string, host: string, extra: string[] = []): string {
    const head = [
      `POST ${target} HTTP/1.1`,
      `Host: ${host}`,
      ...extra,
      ...Object.entries(delivery.headers).map(([n, v]) => `${n}: ${v}`),
    ];
    const file = join(dir, `${Math.random().toString(36).slice(2)}.http`);
    writeFileSync(file, `${head.join("\r\n")}\r\n\r\n${String(delivery.body)}`);
    return file;
  }
  const check = (file: string, ...args: string[]) =>
    hookproof(["verify", "-p", "twilio", "-s", SECRETS.twilio!, ...args, file]);

  it("takes the URL from the capture's Host and request target (https for a public host)", async () => {
    const result = await check(raw(await twilio(), "/twilio/sms?tenant=7", "hooks.example.com"));
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/^✓ valid: event /m);
  });

  it("takes an absolute request target whole, and X-Forwarded-Proto's scheme behind a proxy", async () => {
    const delivery = await twilio();
    expect((await check(raw(delivery, PUBLIC, "internal:8080"))).code).toBe(0);
    const http = await signDelivery(PROVIDERS.twilio!(), fixture("twilio", "message.received"), {
      url: "http://hooks.example.com/twilio/sms?tenant=7",
    });
    const proxied = raw(http, "/twilio/sms?tenant=7", "hooks.example.com", ["X-Forwarded-Proto: http"]);
    expect((await check(proxied)).code).toBe(0);
  });

  it("--url overrides the capture's; a wrong one fails and says which URL was checked", async () => {
    const behindProxy = raw(await twilio(), "/sms", "10.0.0.5:3000");
    const derived = json<VerifyJson>(await check(behindProxy, "--json"));
    expect([derived.valid, derived.code]).toEqual([false, "invalid_signature"]);
    expect(derived.notes).toContainEqual(
      expect.stringContaining("Checked against https://10.0.0.5:3000/sms"),
    );
    const given = await check(behindProxy, "--url", PUBLIC);
    expect(given.code).toBe(0);
    const other = json<VerifyJson>(
      await check(behindProxy, "--url", "https://hooks.example.com/other", "--json"),
    );
    expect([other.valid, other.code]).toEqual([false, "invalid_signature"]);
    expect(other.notes.join(" ")).not.toContain("Checked against");
  });

  it("a JSON capture carries its `url`; without one, or with a relative --url, it is a usage error that names --url", async () => {
    const delivery = await twilio();
    const file = join(dir, "twilio.json");
    writeFileSync(
      file,
      JSON.stringify({ url: PUBLIC, headers: delivery.headers, body: String(delivery.body) }),
    );
    expect((await check(file)).code).toBe(0);
    writeFileSync(file, JSON.stringify({ headers: delivery.headers, body: String(delivery.body) }));
    const missing = await check(file);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("pass it with --url")]);
    const relative = await check(file, "--url", "/twilio/sms");
    expect([relative.code, relative.stderr]).toEqual([
      2,
      expect.stringContaining('--url "/twilio/sms" must be'),
    ]);
  });
});
