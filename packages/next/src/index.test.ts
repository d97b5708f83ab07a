import type { NextApiHandler } from "next";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { adapterKit, countedStream, MiB } from "../../core/test/adapter-kit.js";
import { adapterScenarios } from "../../core/test/adapter-scenarios.js";
import { createPagesHandler, createRouteHandler } from "./index.js";
import { closeApiRoutes, post, serveApiRoute as serveRoute } from "./test-api-route.js";

const kit = adapterKit("next");
const { createHooks, signed } = kit;

type RouteHandler = (request: Request) => Promise<Response>;

/** The App Router handlers the shared scenarios mount, by the host of their URL. */
const routes = new Map<string, RouteHandler>();

/** Headers a sender forgot to sign with: no `webhook-*` at all. */
const UNSIGNED = { "content-type": "application/json" };

async function read(response: Response) {
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("createRouteHandler (App Router)", () => {
  const request = (sent: { headers: Record<string, string>; body: BodyInit }) =>
    new Request("https://app.example/webhooks", { method: "POST", ...sent });

  adapterScenarios({
    kit,
    countsBodyBytes: false,
    handle: async (hooks) => {
      // app/webhooks/route.ts: `export const POST = createRouteHandler(hooks)`, one app per host.
      const host = `app-${routes.size}.example`;
      routes.set(host, createRouteHandler(hooks));
      return `https://${host}/webhooks`;
    },
    send: async (url, init) => (routes.get(new URL(url).host) as RouteHandler)(new Request(url, init)),
  }).handle();

  it("has the route handler shape", () => {
    expectTypeOf(createRouteHandler(createHooks().hooks)).toEqualTypeOf<
      (request: Request) => Promise<Response>
    >();
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

  const scenarios = adapterScenarios({
    kit,
    countsBodyBytes: true,
    handle: (hooks, counter) => serveRoute(createPagesHandler(hooks), false, counter),
  });

  scenarios.handle();

  describe("a request without signature headers is refused before its body is read", () => {
    scenarios.unsigned();
  });

  it("fits Next's API route type", () => {
    const handler: NextApiHandler = createPagesHandler(createHooks().hooks);
    expect(handler).toBeTypeOf("function");
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
