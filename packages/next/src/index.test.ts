import type { NextApiHandler } from "next";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { adapterKit, countedStream, MiB, NOW, partialUpload } from "../../core/test/adapter-kit.js";
import { createPagesHandler, createRouteHandler } from "./index.js";
import { closeApiRoutes, post, serveApiRoute as serveRoute } from "./test-api-route.js";

const { createHooks, signed } = adapterKit("next");

/** Headers a sender forgot to sign with: no `webhook-*` at all. */
const UNSIGNED = { "content-type": "application/json" };

async function read(response: Response) {
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("createRouteHandler (App Router)", () => {
  const request = (sent: { headers: Record<string, string>; body: BodyInit }) =>
    new Request("https://app.example/webhooks", { method: "POST", ...sent });

  it("has the route handler shape", () => {
    expectTypeOf(createRouteHandler(createHooks().hooks)).toEqualTypeOf<
      (request: Request) => Promise<Response>
    >();
  });

  it("answers a genuine webhook with 200 after running the handler", async () => {
    const { hooks, seen } = createHooks();
    const POST = createRouteHandler(hooks);
    expect(await read(await POST(request(await signed())))).toEqual({ status: 200, json: { ok: true } });
    expect(seen).toEqual(["user_1"]);
  });

  it("rejects a tampered body with 401 invalid_signature", async () => {
    const { hooks, seen } = createHooks();
    const sent = await signed();
    const result = await read(await createRouteHandler(hooks)(request({ ...sent, body: `${sent.body} ` })));
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: { code: "invalid_signature" } });
    expect(seen).toEqual([]);
  });

  it("rejects an expired timestamp with 401 timestamp_expired", async () => {
    const { hooks } = createHooks();
    const result = await read(
      await createRouteHandler(hooks)(request(await signed({ timestamp: NOW - 600 }))),
    );
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: { code: "timestamp_expired" } });
  });

  it("acknowledges a replay with duplicate: true without running the handler again", async () => {
    const { hooks, seen } = createHooks();
    const POST = createRouteHandler(hooks);
    const sent = await signed({ id: "msg_replayed" });
    expect((await POST(request(sent))).status).toBe(200);
    expect(await read(await POST(request(sent)))).toEqual({
      status: 200,
      json: { ok: true, duplicate: true },
    });
    expect(seen).toEqual(["user_1"]);
  });

  it("rejects a body over maxBodyBytes with 413", async () => {
    const { hooks } = createHooks({ maxBodyBytes: 32 });
    const result = await read(await createRouteHandler(hooks)(request(await signed())));
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("answers 500 body_already_parsed when the request was read first, and reports it", async () => {
    const { hooks, rejected } = createHooks();
    const req = request(await signed());
    await req.json();
    const result = await read(await createRouteHandler(hooks)(req));
    expect(result.status).toBe(500);
    expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
    expect(rejected).toEqual(["body_already_parsed"]);
  });
});

describe("createRouteHandler: a request without signature headers", () => {
  it("is answered 400 missing_header without pulling a byte of its 8 MiB body, and reported", async () => {
    const { hooks, rejected } = createHooks();
    const counter = { pulled: 0 };
    const request = new Request("https://app.example/webhooks", {
      method: "POST",
      headers: UNSIGNED,
      body: countedStream(8 * MiB, counter),
      duplex: "half",
    } as RequestInit);
    const result = await read(await createRouteHandler(hooks)(request));
    expect(result).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
    expect(counter.pulled).toBe(0);
    expect(rejected).toEqual(["missing_header"]);
  });
});

describe("createPagesHandler (Pages Router)", () => {
  afterEach(closeApiRoutes);

  it("fits Next's API route type", () => {
    const handler: NextApiHandler = createPagesHandler(createHooks().hooks);
    expect(handler).toBeTypeOf("function");
  });

  it("answers a genuine webhook with 200 after running the handler", async () => {
    const { hooks, seen } = createHooks();
    const url = await serveRoute(createPagesHandler(hooks), false);
    expect(await post(url, await signed())).toEqual({ status: 200, json: { ok: true } });
    expect(seen).toEqual(["user_1"]);
  });

  it("rejects a tampered body with 401 invalid_signature", async () => {
    const { hooks, seen } = createHooks();
    const url = await serveRoute(createPagesHandler(hooks), false);
    const sent = await signed();
    const result = await post(url, { ...sent, body: sent.body.replace("user_1", "user_2") });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: { code: "invalid_signature" } });
    expect(seen).toEqual([]);
  });

  it("rejects an expired timestamp with 401 timestamp_expired", async () => {
    const url = await serveRoute(createPagesHandler(createHooks().hooks), false);
    const result = await post(url, await signed({ timestamp: NOW - 600 }));
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: { code: "timestamp_expired" } });
  });

  it("acknowledges a replay with duplicate: true without running the handler again", async () => {
    const { hooks, seen } = createHooks();
    const url = await serveRoute(createPagesHandler(hooks), false);
    const sent = await signed({ id: "msg_replayed" });
    expect((await post(url, sent)).status).toBe(200);
    expect(await post(url, sent)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
    expect(seen).toEqual(["user_1"]);
  });

  it("rejects a body over maxBodyBytes with 413", async () => {
    const { hooks, seen } = createHooks({ maxBodyBytes: 32 });
    const url = await serveRoute(createPagesHandler(hooks), false);
    const result = await post(url, await signed());
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
    expect(seen).toEqual([]);
  });

  it("refuses a 10 MiB body by its Content-Length without reading it, and reports it", async () => {
    const counter = { bytes: 0 };
    const { hooks, rejected } = createHooks();
    const url = await serveRoute(createPagesHandler(hooks), false, counter);
    const result = await post(url, {
      headers: (await signed()).headers,
      body: new Uint8Array(10 * MiB),
    });
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
    expect(counter.bytes).toBe(0);
    expect(rejected).toEqual(["payload_too_large"]);
  });

  it("stops reading a chunked 10 MiB body once it passes the limit", async () => {
    const counter = { bytes: 0 };
    const url = await serveRoute(createPagesHandler(createHooks().hooks), false, counter);
    const result = await post(url, { headers: (await signed()).headers, body: countedStream(10 * MiB) });
    expect(result.status).toBe(413);
    // Read up to the 1 MiB limit plus the chunk that crossed it; the other 9 MiB never reached memory.
    expect(counter.bytes).toBeGreaterThan(MiB);
    expect(counter.bytes).toBeLessThanOrEqual(MiB + 64 * 1024);
  });

  it("answers an unsigned request at once, having read none of its body, and reports it", async () => {
    const counter = { bytes: 0 };
    const { hooks, rejected } = createHooks();
    const url = await serveRoute(createPagesHandler(hooks), false, counter);
    // A Content-Length under the limit, of which only 64 KiB is ever sent.
    const answer = await partialUpload(url, UNSIGNED, { declared: MiB - 1, sent: 64 * 1024 });
    expect(answer).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
    expect(answer.connection).toBe("close");
    // An 8 MiB chunked upload.
    const streamed = await post(url, { headers: UNSIGNED, body: countedStream(8 * MiB) });
    expect(streamed).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
    expect(counter.bytes).toBe(0);
    expect(rejected).toEqual(["missing_header", "missing_header"]);
  });

  it("answers 500 body_already_parsed with the fix when Next's body parser is on", async () => {
    const { hooks, seen, rejected } = createHooks();
    const url = await serveRoute(createPagesHandler(hooks), true);
    const result = await post(url, await signed());
    expect(result.status).toBe(500);
    expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
    const { message } = (result.json as { error: { message: string } }).error;
    expect(message).toContain("export const config = { api: { bodyParser: false } }");
    expect(seen).toEqual([]);
    expect(rejected).toEqual(["body_already_parsed"]);
  });

  it("answers 500 body_already_parsed when the parser left a string", async () => {
    const url = await serveRoute(createPagesHandler(createHooks().hooks), true);
    const sent = await signed();
    const result = await post(url, { ...sent, headers: { ...sent.headers, "content-type": "text/plain" } });
    expect(result.status).toBe(500);
    expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
  });
});
