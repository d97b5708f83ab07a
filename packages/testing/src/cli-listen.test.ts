import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type Listener, startListen } from "../test/listen.js";
import { MAILGUN_SECRET, PROVIDERS, TWILIO_SECRET, USERFRONT_TOKEN, WHSEC } from "../test/providers.js";
import { fixture } from "./fixtures.js";
import type { DeliveryView } from "./listen/redact.js";
import { type SignedDelivery, signDelivery } from "./sign-request.js";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request through node:http, which (unlike fetch) can name any Host. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const post = (url: string, delivery: SignedDelivery, headers: Record<string, string> = {}) =>
  raw(url, { method: "POST", headers: { ...delivery.headers, ...headers }, body: delivery.body });

const stack = () => PROVIDERS.stackAuth!();
const genuine = (options = {}) => signDelivery(stack(), fixture("stack-auth", "user.created"), options);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "hookproof-listen-"));
  dirs.push(dir);
  return dir;
};
const running: Listener[] = [];
async function listen(args: string[]): Promise<Listener> {
  const listener = await startListen(args);
  running.push(listener);
  return listener;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((listener) => listener.stop()));
});

async function views(listener: Listener): Promise<DeliveryView[]> {
  const answer = await raw(`${listener.url}/_hookproof/api/deliveries`, {
    headers: { "x-hookproof-token": await listener.token() },
  });
  return (JSON.parse(answer.text) as { deliveries: DeliveryView[] }).deliveries;
}

describe("hookproof listen: record and judge", () => {
  it("records each delivery exactly, judges it with hookproof's pipeline and answers as a receiver would", async () => {
    const dir = tempDir();
    const listener = await listen(["-p", "stack-auth", "-s", WHSEC, "--dir", dir]);
    const at = `${listener.url}/webhooks`;
    const first = await genuine({ id: "msg_first" });

    const ok = await post(at, first);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ ok: true });
    const tampered = await post(at, await genuine({ variant: "tampered" }));
    expect(tampered.status).toBe(401);
    const expired = await post(at, await genuine({ variant: "expired" }));
    expect(JSON.parse(expired.text).error.code).toBe("timestamp_expired");
    const again = await post(at, first);
    expect(JSON.parse(again.text)).toEqual({ ok: true, duplicate: true });
    const missing = await post(at, await genuine({ variant: "missingHeader" }));
    expect(missing.status).toBe(400);
    // The signature covers the compact body; a proxy pretty-printed it on the way.
    const compact = await genuine();
    const pretty = { ...compact, body: JSON.stringify(JSON.parse(String(compact.body)), null, 2) };
    expect((await post(at, pretty)).status).toBe(401);
    // Authentic, but the payload breaks the catalogue's schema.
    const broken = await signDelivery(stack(), { type: "user.created", data: { display_name: "Ada" } });
    expect((await post(at, broken)).status).toBe(400);

    const verdicts = (await views(listener)).map((view) => [
      view.verdict.status,
      view.verdict.code,
      view.verdict.reason,
    ]);
    expect(verdicts[0]).toEqual(["valid", null, "valid: event msg_first of type user.created"]);
    expect(verdicts[1]).toEqual([
      "rejected",
      "invalid_signature",
      expect.stringContaining("matches none of the 1 secret"),
    ]);
    expect(verdicts[2]).toEqual([
      "rejected",
      "timestamp_expired",
      expect.stringMatching(/^clock skew: the signed timestamp is 36\d s in the past \(tolerance ±300 s\)$/),
    ]);
    expect(verdicts[3]).toEqual(["duplicate", null, "duplicate of delivery #1 (event msg_first)"]);
    expect(verdicts[4]).toEqual(["rejected", "missing_header", "missing header `svix-signature`"]);
    expect(verdicts[5]?.[2]).toMatch(
      /^the body looks re-serialised: the signature matches it as compact JSON/,
    );
    expect(verdicts[6]?.[1]).toBe("invalid_payload");
    expect(verdicts[6]?.[2]).toMatch(/^schema issue at data\.id: /);

    // On disk: one file per delivery, the exact bytes and headers as they arrived.
    const files = readdirSync(join(dir, "deliveries")).sort();
    expect(files).toEqual([
      "000001.json",
      "000002.json",
      "000003.json",
      "000004.json",
      "000005.json",
      "000006.json",
      "000007.json",
    ]);
    const stored = JSON.parse(readFileSync(join(dir, "deliveries", "000006.json"), "utf8"));
    expect(Buffer.from(stored.bodyBase64, "base64").toString("utf8")).toBe(pretty.body);
    expect(stored.headers).toContainEqual(["svix-id", pretty.headers["svix-id"]]);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toMatch(/^\*$/m);
    // The terminal shows one line per delivery.
    expect(listener.stdout()).toMatch(
      /#4 \d\d:\d\d:\d\d POST \/webhooks {2}user\.created {2}↺ duplicate of delivery #1/,
    );
  });

  it("--json prints one JSON line per delivery on stdout, the banner on stderr", async () => {
    const listener = await listen(["-p", "stack-auth", "-s", WHSEC, "--dir", tempDir(), "--json"]);
    await post(`${listener.url}/hooks`, await genuine({ id: "msg_json" }));
    await post(`${listener.url}/hooks`, await genuine({ variant: "wrongSecret" }));
    await expect.poll(() => listener.stdout().trim().split("\n").length).toBe(2);
    const lines = listener
      .stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({
      seq: 1,
      verdict: "valid",
      eventId: "msg_json",
      type: "user.created",
      path: "/hooks",
      app: null,
    });
    expect(lines[1]).toMatchObject({ seq: 2, verdict: "rejected", code: "invalid_signature" });
    expect(listener.stderr()).toContain("inspector  http://127.0.0.1:");
  });

  it("keeps the history across a restart: numbering and duplicates carry on", async () => {
    const dir = tempDir();
    const delivery = await genuine({ id: "msg_kept" });
    const before = await listen(["-p", "stack-auth", "-s", WHSEC, "--dir", dir]);
    await post(`${before.url}/webhooks`, delivery);
    expect(await before.stop()).toBe(0);
    const after = await listen(["-p", "stack-auth", "-s", WHSEC, "--dir", dir]);
    expect(after.stdout()).toContain("(1 delivery)");
    await post(`${after.url}/webhooks`, delivery);
    const list = await views(after);
    expect(list.map((view) => [view.seq, view.verdict.status])).toEqual([
      [1, "valid"],
      [2, "duplicate"],
    ]);
    expect(list[1]?.verdict.duplicateOf).toBe(1);
  });
});

describe("hookproof listen: the sender's own replay window", () => {
  it("judges with the provider's tolerance (Mailgun retries with its original signature for 8 h) unless --tolerance says otherwise", async () => {
    const hoursAgo = Math.floor(Date.now() / 1000) - 2 * 3600;
    const retried = await signDelivery(PROVIDERS.mailgun!(), fixture("mailgun", "delivered"), {
      timestamp: hoursAgo,
    });
    const own = await listen(["-p", "mailgun", "-s", MAILGUN_SECRET, "--dir", tempDir()]);
    expect(own.stdout()).toContain("(tolerance ±29700 s)");
    expect((await post(`${own.url}/webhooks`, retried)).status).toBe(200);

    const strict = await listen([
      "-p",
      "mailgun",
      "-s",
      MAILGUN_SECRET,
      "--dir",
      tempDir(),
      "--tolerance",
      "300",
    ]);
    expect(strict.stdout()).toContain("(tolerance ±300 s)");
    const refused = await post(`${strict.url}/webhooks`, retried);
    expect(JSON.parse(refused.text).error.code).toBe("timestamp_expired");
  });
});

describe("hookproof listen: senders that sign the URL", () => {
  it("judges a Twilio delivery against the URL it arrived at (Host and path), and refuses one signed for another", async () => {
    const listener = await listen(["-p", "twilio", "-s", TWILIO_SECRET, "--dir", tempDir()]);
    const at = `${listener.url}/twilio/sms?tenant=7`;
    const sms = fixture("twilio", "message.received");
    expect((await post(at, await signDelivery(PROVIDERS.twilio!(), sms, { url: at }))).status).toBe(200);
    const elsewhere = await signDelivery(PROVIDERS.twilio!(), sms, { url: "https://hooks.example.com/sms" });
    expect((await post(at, elsewhere)).status).toBe(401);
    const verdicts = (await views(listener)).map((view) => [view.verdict.status, view.verdict.code]);
    expect(verdicts).toEqual([
      ["valid", null],
      ["rejected", "invalid_signature"],
    ]);
  });
});

describe("hookproof listen: forwarding", () => {
  let app: ReturnType<typeof createServer> | undefined;
  afterAll(() => app?.close());

  it("forwards byte for byte (method, body, headers but hop-by-hop) and records the app's answer", async () => {
    const seen: { method?: string; headers: [string, string][]; body: Buffer }[] = [];
    app = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const headers: [string, string][] = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2)
          headers.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!]);
        seen.push({ method: req.method, headers, body: Buffer.concat(chunks) });
        res.writeHead(202, { "content-type": "text/plain" }).end("queued it");
      });
    });
    app.listen(0, "127.0.0.1");
    await once(app, "listening");
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/app/hooks?x=1`;
    const listener = await listen(["-p", "stack-auth", "-s", WHSEC, "--dir", tempDir(), "--forward", appUrl]);
    // Bytes a re-encoding would change: CRLF, a non-ASCII character, a trailing space.
    const bytes = new Uint8Array(Buffer.from('{"type":"user.created",\r\n "data":{"id":"ü"}} ', "utf8"));
    const delivery = await signDelivery(stack(), bytes, { id: "msg_fwd" });

    const answer = await raw(`${listener.url}/incoming`, {
      method: "PUT",
      headers: {
        ...delivery.headers,
        "x-custom": "kept",
        "keep-alive": "timeout=5",
        "proxy-authorization": "Basic cHJveHk6cGFzcw==",
        connection: "keep-alive, x-hop",
        "x-hop": "dropped",
      },
      body: bytes,
    });
    expect(answer.status).toBe(202);
    expect(answer.text).toBe("queued it");
    const got = seen[0]!;
    expect(got.method).toBe("PUT");
    expect(Buffer.compare(got.body, Buffer.from(bytes))).toBe(0);
    const names = got.headers.map(([name]) => name);
    expect(got.headers).toContainEqual(["x-custom", "kept"]);
    expect(got.headers).toContainEqual(["svix-signature", delivery.headers["svix-signature"]]);
    expect(names).not.toContain("keep-alive");
    expect(names).not.toContain("proxy-authorization");
    expect(names).not.toContain("x-hop");
    const [view] = await views(listener);
    expect(view?.answer).toMatchObject({ status: 202, body: "queued it", contentType: "text/plain" });
    expect(view?.answer).toHaveProperty("latencyMs", expect.any(Number));
  });

  it("answers 502 and records why when the app cannot be reached", async () => {
    const listener = await listen([
      "-p",
      "stack-auth",
      "-s",
      WHSEC,
      "--dir",
      tempDir(),
      "--forward",
      "http://127.0.0.1:9/none",
    ]);
    const answer = await post(`${listener.url}/webhooks`, await genuine());
    expect(answer.status).toBe(502);
    const [view] = await views(listener);
    expect(view?.answer).toMatchObject({ error: expect.stringContaining("could not be reached") });
  });
});

describe("hookproof listen: safe by default", () => {
  it("refuses a Host other than its own (DNS rebinding): the page, its API and deliveries; --allow-host admits deliveries only", async () => {
    const dir = tempDir();
    const listener = await listen([
      "-p",
      "stack-auth",
      "-s",
      WHSEC,
      "--dir",
      dir,
      "--allow-host",
      "tunnel.example",
    ]);
    const token = await listener.token();
    const evil = { host: `evil.example:${listener.port}` };
    const page = await raw(`${listener.url}/`, { headers: evil });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(token);
    const api = await raw(`${listener.url}/_hookproof/api/deliveries`, {
      headers: { ...evil, "x-hookproof-token": token },
    });
    expect(api.status).toBe(403);
    const delivery = await genuine();
    expect((await post(`${listener.url}/webhooks`, delivery, evil)).status).toBe(403);
    // A tunnel's name is accepted for deliveries, never for the page.
    expect((await post(`${listener.url}/webhooks`, delivery, { host: "tunnel.example" })).status).toBe(200);
    expect((await raw(`${listener.url}/`, { headers: { host: "tunnel.example" } })).status).toBe(403);
    expect((await raw(`${listener.url}/`, { headers: { host: `localhost:${listener.port}` } })).status).toBe(
      200,
    );
    expect(readdirSync(join(dir, "deliveries"))).toEqual(["000001.json"]);
  });

  it("refuses UI reads and actions without the session token (CSRF), or from another origin", async () => {
    const listener = await listen(["-p", "stack-auth", "-s", WHSEC, "--dir", tempDir()]);
    await post(`${listener.url}/webhooks`, await genuine());
    const token = await listener.token();
    const replay = `${listener.url}/_hookproof/api/deliveries/1/replay`;
    // A form or fetch from another site: no token.
    const bare = await raw(replay, { method: "POST", headers: { origin: "http://evil.example" } });
    expect(bare.status).toBe(403);
    expect((await raw(replay, { method: "POST", headers: { "x-hookproof-token": "guessed" } })).status).toBe(
      403,
    );
    const foreign = await raw(replay, {
      method: "POST",
      headers: { "x-hookproof-token": token, origin: "http://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect((await raw(`${listener.url}/_hookproof/api/deliveries`)).status).toBe(403);
    expect((await raw(`${listener.url}/_hookproof/api/stream`)).status).toBe(403);
    expect(await views(listener)).toHaveLength(1);
    // The page's own request, with its token and origin, is carried out.
    const own = await raw(replay, {
      method: "POST",
      headers: { "x-hookproof-token": token, origin: listener.url },
    });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.text).verdict.reason).toBe(
      `duplicate of delivery #1 (event ${JSON.parse(own.text).verdict.eventId})`,
    );
  });

  it("never shows or prints a secret: a bearer token in a captured header is masked everywhere", async () => {
    const listener = await listen(["-p", "userfront", "-s", USERFRONT_TOKEN, "--dir", tempDir()]);
    const delivery = await signDelivery(PROVIDERS.userfront!(), fixture("userfront", "user.create"));
    expect(delivery.headers.authorization).toContain(USERFRONT_TOKEN);
    expect((await post(`${listener.url}/webhooks`, delivery)).status).toBe(200);
    const wrong = await signDelivery(PROVIDERS.userfront!(), fixture("userfront", "user.create"), {
      variant: "wrongSecret",
    });
    expect((await post(`${listener.url}/webhooks`, wrong)).status).toBe(401);
    const token = await listener.token();
    const page = await raw(`${listener.url}/`);
    const api = await raw(`${listener.url}/_hookproof/api/deliveries`, {
      headers: { "x-hookproof-token": token },
    });
    const info = await raw(`${listener.url}/_hookproof/api/info`, {
      headers: { "x-hookproof-token": token },
    });
    for (const text of [page.text, api.text, info.text, listener.stdout(), listener.stderr()]) {
      expect(text).not.toContain(USERFRONT_TOKEN);
    }
    expect(JSON.parse(api.text).deliveries[0].headers).toContainEqual(["authorization", "Bearer [secret]"]);
  });
});

describe("hookproof listen: the page's actions", () => {
  it("re-signs an expired delivery with the same event id, sends an edited body and a fixture, signed", async () => {
    const listener = await listen(["-p", "stack-auth", "-s", WHSEC, "--dir", tempDir()]);
    await post(`${listener.url}/webhooks`, await genuine({ id: "msg_late", variant: "expired" }));
    const headers = { "x-hookproof-token": await listener.token(), "content-type": "application/json" };
    const act = async (path: string, body?: unknown) => {
      const answer = await raw(`${listener.url}/_hookproof/api/${path}`, {
        method: "POST",
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return {
        status: answer.status,
        view: JSON.parse(answer.text) as DeliveryView & { error?: { message: string } },
      };
    };
    const resigned = await act("deliveries/1/resign");
    expect(resigned.view).toMatchObject({ seq: 2, source: "re-signed #1", path: "/webhooks" });
    expect(resigned.view.verdict).toMatchObject({ status: "valid", eventId: "msg_late" });
    const body = JSON.stringify(fixture("stack-auth", "user.deleted"), null, 2);
    const edited = await act("send", { body, from: 1 });
    expect(edited.view.verdict).toMatchObject({ status: "valid", type: "user.deleted" });
    expect(edited.view.body).toBe(body);
    expect(edited.view.source).toBe("edited #1");
    const sent = await act("fixtures/team.created/send");
    expect(sent.view.verdict).toMatchObject({ status: "valid", type: "team.created" });
    expect((await act("fixtures/no.such/send")).status).toBe(404);
    expect((await act("deliveries/99/replay")).status).toBe(404);
  });
});
