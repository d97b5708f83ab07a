import { createServer, type IncomingMessage, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createVerifier, type VerifiedEvent, type VerifiedWebhook } from "@hookproof/core";
import { Hono } from "hono";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  adapterKit,
  type BodyCounter,
  countBodyBytes,
  countedStream,
  MiB,
  NOW,
  type UserCreated,
} from "../../core/test/adapter-kit.js";
import { adapterScenarios, type ScenarioMount } from "../../core/test/adapter-scenarios.js";
import { handleWebhooks, verifyWebhook } from "./index.js";

const kit = adapterKit("hono");
const { scheme, createHooks, signed: sign } = kit;

interface Sent {
  headers: Record<string, string>;
  body: BodyInit;
}

async function signed(options: { id?: string; timestamp?: number } = {}): Promise<Sent & { body: string }> {
  return sign(options);
}

const servers: ReturnType<typeof serve>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close();
  }
});

type Transport = (app: Hono, sent: Sent) => Promise<Response>;

const viaAppRequest: Transport = async (app, sent) =>
  app.request("/webhooks", { method: "POST", ...sent, duplex: "half" } as RequestInit);

const viaNodeServer: Transport = async (app, sent) => {
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return fetch(`http://127.0.0.1:${port}/webhooks`, {
    method: "POST",
    ...sent,
    duplex: "half",
  } as RequestInit);
};

/** Serves `app` on @hono/node-server; `bytes` counts the body bytes read before the answer. */
async function serveCounting(app: Hono, counter: BodyCounter & { after?: number }): Promise<string> {
  const counting = ((options: object, listener: RequestListener) =>
    createServer(options, (req: IncomingMessage, res) => {
      countBodyBytes(req, res, counter);
      listener(req, res);
    })) as typeof createServer;
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1", createServer: counting });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
}

async function read(response: Response) {
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The in-process apps `mountOn("app.request()")` serves, by the host of their URL. */
const inProcess = new Map<string, Hono>();

/** The shared scenarios' mount: each route on its own app, served by `transport`. */
function mountOn(transport: string): ScenarioMount {
  const nodeServer = transport === "@hono/node-server";
  const serveApp = async (app: Hono, counter: BodyCounter) => {
    if (nodeServer) return serveCounting(app, counter);
    const host = `app-${inProcess.size}.test`;
    inProcess.set(host, app);
    return `http://${host}/webhooks`;
  };
  const fromApp = async (url: string, init: RequestInit) =>
    (inProcess.get(new URL(url).host) as Hono).request(url, init);
  return {
    kit,
    countsBodyBytes: nodeServer,
    unreadBodyConnection: "keep-alive",
    continues: "next()",
    ...(nodeServer ? {} : { send: fromApp }),
    handle: (hooks, counter) => serveApp(new Hono().post("/webhooks", handleWebhooks(hooks)), counter),
    verify: ({ source, maxBodyBytes, counter, reached }) =>
      serveApp(
        new Hono().post("/webhooks", verifyWebhook(source, { maxBodyBytes }), (c) => {
          const event = c.get("webhook") as VerifiedWebhook;
          reached(event);
          return c.json({ id: event.id, payload: event.payload as object });
        }),
        counter,
      ),
  };
}

describe.each([
  ["app.request()", viaAppRequest],
  ["@hono/node-server", viaNodeServer],
] as const)("over %s", (transport, send) => {
  const scenarios = adapterScenarios(mountOn(transport));

  describe("handleWebhooks", () => {
    scenarios.handle();

    it("works as a terminal middleware too", async () => {
      const { hooks, seen } = createHooks();
      const app = new Hono();
      app.use("/webhooks", handleWebhooks(hooks));
      expect((await send(app, await signed())).status).toBe(200);
      expect(seen).toEqual(["user_1"]);
    });

    it("stops reading a streamed 10 MiB body once it passes the limit", async () => {
      const { hooks } = createHooks();
      const app = new Hono();
      app.post("/webhooks", handleWebhooks(hooks));
      const counter = { pulled: 0 };
      const sent = { headers: (await signed()).headers, body: countedStream(10 * MiB, counter) };
      const result = await read(await send(app, sent));
      expect(result.status).toBe(413);
      expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
      // In process nothing buffers between the stream and the reader, so only the limit is pulled.
      if (transport === "app.request()") expect(counter.pulled).toBeLessThanOrEqual(MiB + 64 * 1024);
    });

    it("answers 500 body_already_parsed when a middleware read the body first, and reports it", async () => {
      const { hooks, seen, rejected } = createHooks();
      const app = new Hono();
      app.use(async (c, next) => {
        await c.req.json();
        await next();
      });
      app.post("/webhooks", handleWebhooks(hooks));
      const result = await read(await send(app, await signed()));
      expect(result.status).toBe(500);
      expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
      expect(JSON.stringify(result.json)).toContain("Mount the webhook route before any middleware");
      expect(rejected).toEqual(["body_already_parsed"]);
      expect(seen).toEqual([]);
    });
  });

  if (transport === "@hono/node-server") {
    describe("a request without signature headers is refused before its body is read", () => {
      scenarios.unsigned();
    });
  }

  describe("verifyWebhook", () => {
    scenarios.verify();

    it('sets a typed c.get("webhook") and calls next()', async () => {
      const { hooks, seen } = createHooks();
      const app = new Hono();
      app.post("/webhooks", verifyWebhook(hooks), (c) => {
        const event = c.get("webhook");
        expectTypeOf(event).toEqualTypeOf<VerifiedEvent<{ "user.created": UserCreated }>>();
        expectTypeOf(event.payload.data.id).toBeString();
        return c.json({ type: event.type, user: event.payload.data.id, id: event.id });
      });
      const result = await read(await send(app, await signed({ id: "msg_typed" })));
      expect(result).toEqual({
        status: 200,
        json: { type: "user.created", user: "user_1", id: "msg_typed" },
      });
      expect(seen).toEqual([]);
    });

    it("answers 500 body_already_parsed when a middleware read the body first", async () => {
      const app = new Hono();
      app.use(async (c, next) => {
        await c.req.json();
        await next();
      });
      app.post("/webhooks", verifyWebhook(createHooks().hooks), (c) => c.body(null));
      const result = await read(await send(app, await signed()));
      expect(result.status).toBe(500);
      expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
    });
  });
});

describe("a request without signature headers is refused before its body is read", () => {
  const UNSIGNED = { "content-type": "application/json" };
  const routes = {
    handleWebhooks: (app: Hono) => app.post("/webhooks", handleWebhooks(createHooks().hooks)),
    "verifyWebhook (router)": (app: Hono) =>
      app.post("/webhooks", verifyWebhook(createHooks().hooks), (c) => c.body(null)),
    "verifyWebhook (verifier)": (app: Hono) =>
      app.post("/webhooks", verifyWebhook(createVerifier({ scheme, now: () => NOW * 1000 })), (c) =>
        c.body(null),
      ),
  };

  it.each(Object.entries(routes))(
    "%s: 400 missing_header, not one byte of 8 MiB pulled",
    async (_, mount) => {
      const app = new Hono();
      mount(app);
      for (const headers of [UNSIGNED, { ...UNSIGNED, "content-length": String(MiB - 1) }]) {
        const counter = { pulled: 0 };
        const result = await read(
          await viaAppRequest(app, { headers, body: countedStream(8 * MiB, counter) }),
        );
        expect(result).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
        expect(counter.pulled).toBe(0);
      }
    },
  );

  it("handleWebhooks reports the refusal to onRejected", async () => {
    const { hooks, rejected } = createHooks();
    const app = new Hono();
    app.post("/webhooks", handleWebhooks(hooks));
    const counter = { pulled: 0 };
    await viaAppRequest(app, { headers: UNSIGNED, body: countedStream(8 * MiB, counter) });
    expect(rejected).toEqual(["missing_header"]);
  });
});

describe("types", () => {
  it('c.get("webhook") is a VerifiedWebhook behind a verifier', () => {
    const app = new Hono();
    app.post("/webhooks", verifyWebhook(createVerifier({ scheme, now: () => NOW * 1000 })), (c) => {
      expectTypeOf(c.get("webhook")).toEqualTypeOf<VerifiedWebhook>();
      return c.body(null);
    });
  });
});
