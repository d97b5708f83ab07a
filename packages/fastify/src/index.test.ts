import { gzipSync } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import type { VerifiedEvent, VerifiedWebhook, Webhooks } from "@hookproof/core";
import fastify5, { type FastifyInstance } from "fastify";
import fastifyRawBody from "fastify-raw-body";
import fastify4 from "fastify4";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  adapterKit,
  type BodyCounter,
  body,
  countBodyBytes,
  MiB,
  type UserCreated,
} from "../../core/test/adapter-kit.js";
import { adapterScenarios } from "../../core/test/adapter-scenarios.js";
import { handleWebhooks, verifyWebhook } from "./index.js";

type Events = { "user.created": UserCreated };

declare module "./index.js" {
  interface Register {
    webhooks: Webhooks<Events>;
  }
}

const kit = adapterKit("fastify");
const { createHooks, signed } = kit;

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** Starts `app` on 127.0.0.1 and returns its `/webhooks` URL. */
async function listen(app: FastifyInstance): Promise<string> {
  return `${await app.listen({ port: 0, host: "127.0.0.1" })}/webhooks`;
}

async function post(url: string, init: { headers: Record<string, string>; body: BodyInit }) {
  const response = await fetch(url, { method: "POST", ...init, duplex: "half" } as RequestInit);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Headers a sender forgot to sign with: no `webhook-*` at all. */
const UNSIGNED = { "content-type": "application/json" };

const versions = [
  ["Fastify 5", fastify5],
  // Fastify 4's own types are checked below; at runtime both are driven through one shape.
  ["Fastify 4", fastify4 as unknown as typeof fastify5],
] as const;

describe.each(versions)("%s", (_name, fastify) => {
  /** An app that closes its connections on `close()`, and counts the body bytes its routes read. */
  function createApp(counter?: BodyCounter, options: { bodyLimit?: number } = {}): FastifyInstance {
    const app = fastify({ forceCloseConnections: true, ...options });
    apps.push(app);
    if (counter) {
      app.addHook("onRequest", (request, reply, done) => {
        countBodyBytes(request.raw, reply.raw, counter);
        done();
      });
    }
    return app;
  }

  const scenarios = adapterScenarios({
    kit,
    countsBodyBytes: true,
    handle: async (hooks, counter) => {
      const app = createApp(counter);
      app.post("/webhooks", handleWebhooks(hooks));
      return listen(app);
    },
    verify: async ({ source, maxBodyBytes, counter, reached }) => {
      const app = createApp(counter);
      app.post("/webhooks", verifyWebhook(source, { maxBodyBytes }), async (request) => {
        const event = request.webhook as VerifiedWebhook;
        reached(event);
        return { id: event.id, payload: event.payload };
      });
      return listen(app);
    },
  });

  describe("handleWebhooks", () => {
    scenarios.handle();

    it("honours a route's or the server's bodyLimit below maxBodyBytes", async () => {
      const { hooks, seen, rejected } = createHooks();
      const app = createApp();
      app.post("/webhooks", { ...handleWebhooks(hooks), bodyLimit: 32 });
      const server = createApp(undefined, { bodyLimit: 32 });
      server.post("/webhooks", handleWebhooks(hooks));
      for (const url of [await listen(app), await listen(server)]) {
        const result = await post(url, await signed());
        expect(result.status).toBe(413);
        expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
      }
      expect(seen).toEqual([]);
      expect(rejected).toEqual(["payload_too_large", "payload_too_large"]);
    });

    it("runs before the app's JSON parser, which still parses the app's other routes", async () => {
      const { hooks, seen } = createHooks();
      const parsed: string[] = [];
      const app = createApp();
      // An app-wide JSON parser, registered before the webhook route as `app.use(express.json())` would be.
      app.removeContentTypeParser("application/json");
      app.addContentTypeParser("application/json", { parseAs: "string" }, (request, text, done) => {
        parsed.push(request.url);
        done(null, JSON.parse(text as string));
      });
      app.post("/webhooks", handleWebhooks(hooks));
      app.post("/other", async (request) => ({ echoed: request.body }));
      const url = await listen(app);
      expect((await post(url, await signed())).status).toBe(200);
      const other = await post(url.replace("/webhooks", "/other"), { headers: UNSIGNED, body: body });
      expect(other).toEqual({ status: 200, json: { echoed: JSON.parse(body) } });
      expect(seen).toEqual(["user_1"]);
      expect(parsed).toEqual(["/other"]);
    });

    it("answers 500 body_already_parsed with the fix when an app-wide hook read the stream", async () => {
      const { hooks, seen, rejected } = createHooks();
      const app = createApp();
      app.addHook("preParsing", async (request) => {
        for await (const _chunk of request.raw);
      });
      app.post("/webhooks", handleWebhooks(hooks));
      const result = await post(await listen(app), await signed());
      expect(result.status).toBe(500);
      expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
      expect((result.json as { error: { message: string } }).error.message).toContain("`preParsing` hook");
      expect(seen).toEqual([]);
      expect(rejected).toEqual(["body_already_parsed"]);
    });
  });

  describe("a request without signature headers is refused before its body is read", () => {
    scenarios.unsigned();
  });

  describe("verifyWebhook", () => {
    scenarios.verify();

    it("sets a typed request.webhook, then the route's parser and handler run on the same bytes", async () => {
      const { hooks, seen } = createHooks();
      const app = createApp();
      app.post("/webhooks", verifyWebhook(hooks), async (request) => {
        expectTypeOf(request.webhook).toEqualTypeOf<VerifiedEvent<Events> | undefined>();
        const event = request.webhook;
        if (event?.type !== "user.created") throw new Error("no webhook");
        expectTypeOf(event.payload.data.id).toBeString();
        return { type: event.type, user: event.payload.data.id, id: event.id, body: request.body };
      });
      const result = await post(await listen(app), await signed({ id: "msg_typed" }));
      expect(result).toEqual({
        status: 200,
        json: { type: "user.created", user: "user_1", id: "msg_typed", body: JSON.parse(body) },
      });
      expect(seen).toEqual([]);
    });

    it("passes an error that is not a refusal to Fastify's error handler", async () => {
      const app = createApp();
      app.setErrorHandler((error, _request, reply) => {
        reply.code(502).send({ handled: (error as Error).message });
      });
      const broken = {
        maxBodyBytes: MiB,
        verify: () => Promise.reject(new Error("the verifier broke")),
      } as unknown as Parameters<typeof verifyWebhook>[0];
      app.post("/webhooks", verifyWebhook(broken), async () => ({}));
      const result = await post(await listen(app), await signed());
      expect(result).toEqual({ status: 502, json: { handled: "the verifier broke" } });
    });
  });
});

// The plugins' current majors require Fastify 5; the hooks they add run the same way in Fastify 4.
describe("Fastify 5 with the plugins apps use beside a webhook route", () => {
  function createApp(): FastifyInstance {
    const app = fastify5({ forceCloseConnections: true });
    apps.push(app);
    return app;
  }

  it("handleWebhooks reads the body a request-decompression hook (@fastify/compress) inflates", async () => {
    const { hooks, seen } = createHooks();
    const app = createApp();
    await app.register(fastifyCompress);
    app.post("/webhooks", handleWebhooks(hooks));
    const request = await signed();
    const result = await post(await listen(app), {
      headers: { ...request.headers, "content-encoding": "gzip" },
      body: gzipSync(request.body),
    });
    expect(result).toEqual({ status: 200, json: { ok: true } });
    expect(seen).toEqual(["user_1"]);
  });

  it("handleWebhooks verifies beside fastify-raw-body registered app-wide, whichever hook runs first", async () => {
    for (const runFirst of [false, true]) {
      const { hooks, seen } = createHooks();
      const app = createApp();
      await app.register(fastifyRawBody, { runFirst });
      app.post("/webhooks", handleWebhooks(hooks));
      expect(await post(await listen(app), await signed())).toEqual({ status: 200, json: { ok: true } });
      expect(seen).toEqual(["user_1"]);
    }
  });

  it("verifyWebhook hands a decompressed body on with its encoded length, so Fastify's length check passes", async () => {
    const app = createApp();
    await app.register(fastifyCompress);
    app.post("/webhooks", verifyWebhook(createHooks().hooks), async (request) => ({
      id: request.webhook?.id,
      body: request.body,
    }));
    const request = await signed({ id: "msg_gzip" });
    const result = await post(await listen(app), {
      headers: { ...request.headers, "content-encoding": "gzip" },
      body: gzipSync(request.body),
    });
    expect(result).toEqual({ status: 200, json: { id: "msg_gzip", body: JSON.parse(body) } });
  });
});

describe("types", () => {
  it("the route options fit Fastify 4's types too", () => {
    const { hooks } = createHooks();
    const app = fastify4();
    app.post("/webhooks", handleWebhooks(hooks));
    app.post("/verified", verifyWebhook(hooks), async () => ({}));
    app.route({ method: "POST", url: "/route", ...handleWebhooks(hooks) });
  });
});
