import { createWebhooks, standardWebhooks } from "@hookproof/core";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { adapterKit, NOW, userCreated } from "../../core/test/adapter-kit.js";
import { createPagesHandler, createRouteHandler } from "./index.js";
import { closeApiRoutes, post, serveApiRoute } from "./test-api-route.js";

const { createHooks, signed } = adapterKit("next");
const SECRET_VARIABLE = "HOOKPROOF_NEXT_LAZY_TEST_SECRET";
// The secret adapterKit("next") signs with, given to the router through the environment.
const secret = `whsec_${btoa("hookproof next adapter test secret")}`;

const request = (sent: { headers: Record<string, string>; body: BodyInit }) =>
  new Request("https://app.example/webhooks", { method: "POST", ...sent });

async function read(response: Response) {
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A route file's router, as the README writes it: the secret read from the environment when created. */
function routerFromEnvironment(seen: string[]) {
  return createWebhooks({
    scheme: standardWebhooks({ secret: process.env[SECRET_VARIABLE]! }),
    events: { "user.created": userCreated },
    now: () => NOW * 1000,
  }).on("user.created", (event) => {
    seen.push(event.data.id);
  });
}

afterEach(() => {
  delete process.env[SECRET_VARIABLE];
  closeApiRoutes();
});

describe("createRouteHandler(() => router): created on the first request", () => {
  it("loads without the secret, as `next build` loads it; the first request with the secret is handled", async () => {
    const seen: string[] = [];
    let created = 0;
    // Module scope of a route file, evaluated while Next collects page data: no secret in the environment.
    const POST = createRouteHandler(() => {
      created++;
      return routerFromEnvironment(seen);
    });
    expect(created).toBe(0);
    process.env[SECRET_VARIABLE] = secret;
    expect(await read(await POST(request(await signed())))).toEqual({ status: 200, json: { ok: true } });
    expect(seen).toEqual(["user_1"]);
    expect(created).toBe(1);
  });

  it("creates the router once: a replay is a duplicate, so one dedupe store serves every request", async () => {
    const { hooks, seen } = createHooks();
    let created = 0;
    const POST = createRouteHandler(() => {
      created++;
      return hooks;
    });
    const sent = await signed({ id: "msg_lazy_replayed" });
    expect((await POST(request(sent))).status).toBe(200);
    expect(await read(await POST(request(sent)))).toEqual({
      status: 200,
      json: { ok: true, duplicate: true },
    });
    expect((await POST(request(await signed()))).status).toBe(200);
    expect(created).toBe(1);
    expect(seen).toEqual(["user_1", "user_1"]);
  });

  it("a factory that fails (no secret at run time) rejects that request and is called again on the next", async () => {
    const seen: string[] = [];
    const POST = createRouteHandler(() => routerFromEnvironment(seen));
    await expect(POST(request(await signed()))).rejects.toThrow(/\[@hookproof\/core\] .*secret/);
    process.env[SECRET_VARIABLE] = secret;
    expect((await POST(request(await signed()))).status).toBe(200);
    expect(seen).toEqual(["user_1"]);
  });

  it("an async factory (secrets from a vault) is called once for concurrent first requests", async () => {
    const { hooks, seen } = createHooks();
    let created = 0;
    const POST = createRouteHandler(async () => {
      created++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return hooks;
    });
    const answers = await Promise.all(
      [1, 2, 3].map(async () => (await POST(request(await signed()))).status),
    );
    expect(answers).toEqual([200, 200, 200]);
    expect(created).toBe(1);
    expect(seen).toHaveLength(3);
  });

  it("an async factory that rejects is retried by the next request", async () => {
    const { hooks } = createHooks();
    let calls = 0;
    const POST = createRouteHandler(async () => {
      calls++;
      if (calls === 1) throw new Error("vault unreachable");
      return hooks;
    });
    await expect(POST(request(await signed()))).rejects.toThrow("vault unreachable");
    expect((await POST(request(await signed()))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it("a factory that throws still gives a rejected promise, never a synchronous throw", () => {
    const POST = createRouteHandler(() => {
      throw new TypeError("[@hookproof/core] `secret` is required");
    });
    const answer = POST(new Request("https://app.example/webhooks", { method: "POST" }));
    expect(answer).toBeInstanceOf(Promise);
    return expect(answer).rejects.toThrow("`secret` is required");
  });

  it("has the route handler shape either way", () => {
    const { hooks } = createHooks();
    expectTypeOf(createRouteHandler(() => hooks)).toEqualTypeOf<(request: Request) => Promise<Response>>();
    expectTypeOf(createRouteHandler(async () => hooks)).toEqualTypeOf<
      (request: Request) => Promise<Response>
    >();
  });
});

describe("createPagesHandler(() => router): created on the first request", () => {
  it("loads without the secret, then verifies, dedupes and refuses over Next's API route runner", async () => {
    const seen: string[] = [];
    let created = 0;
    const handler = createPagesHandler(() => {
      created++;
      return routerFromEnvironment(seen);
    });
    expect(created).toBe(0);
    process.env[SECRET_VARIABLE] = secret;
    const url = await serveApiRoute(handler, false);
    const sent = await signed({ id: "msg_pages_lazy" });
    expect(await post(url, sent)).toEqual({ status: 200, json: { ok: true } });
    expect(await post(url, sent)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
    const tampered = await post(url, { ...sent, body: sent.body.replace("user_1", "user_2") });
    expect(tampered).toMatchObject({ status: 401, json: { error: { code: "invalid_signature" } } });
    expect(seen).toEqual(["user_1"]);
    expect(created).toBe(1);
  });

  it("reads the body limit from the router it created", async () => {
    const { hooks } = createHooks({ maxBodyBytes: 32 });
    const url = await serveApiRoute(
      createPagesHandler(() => hooks),
      false,
    );
    const result = await post(url, await signed());
    expect(result).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
  });
});
