/**
 * One benchmark HTTP server per process, on 127.0.0.1, chosen by `argv[2]`. It tells its parent the port
 * over IPC. Every route answers `POST /webhooks` with `{"ok":true}`.
 * @module
 */
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { createWebhooks, standardWebhooks } from "@hookproof/core";
import { boundStandardWebhooks, SW_SECRET, withParse } from "./inputs.mjs";

/** The signed request's timestamp; the routers' clock is pinned to it, so one pre-signed request stays fresh. */
export const SIGNED_AT = 1_750_000_000;

const schema = {
  "~standard": {
    version: 1,
    vendor: "bench",
    validate: (value) => (typeof value?.data === "object" ? { value } : { issues: [{ message: "no data" }] }),
  },
};

function hooks() {
  // One pre-signed request is replayed, so dedupe is off (it would answer "duplicate" from the second request on).
  return createWebhooks({
    scheme: standardWebhooks({ secret: SW_SECRET }),
    events: { x: schema },
    dedupe: false,
    now: () => SIGNED_AT * 1000,
  }).on("x", () => {});
}

const OK = '{"ok":true}';
const JSON_TYPE = { "content-type": "application/json" };

/** Reads the whole body into one Buffer: the least any webhook route must do. */
function readRaw(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function nodeServer(handler) {
  return createServer((req, res) => {
    handler(req, res).catch((error) => {
      res.writeHead(500).end(String(error));
    });
  });
}

/** A node:http server reading the raw body and answering what `router.process({ headers, body })` says. */
function processServer(router) {
  return nodeServer(async (req, res) => {
    const body = await readRaw(req);
    const result = await router.process({ headers: req.headers, body });
    res.writeHead(result.status, result.headers).end(result.body);
  });
}

/** A node:http server that hands each request to `handler` as a Web `Request` and writes its `Response` back. */
function webServer(handler) {
  return nodeServer(async (req, res) => {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: Readable.toWeb(req),
      duplex: "half",
    });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
  });
}

const ROUTES = {
  /** node:http, read the raw body, answer. */
  "node-raw": async () =>
    nodeServer(async (req, res) => {
      await readRaw(req);
      res.writeHead(200, JSON_TYPE).end(OK);
    }),

  /** node:http, read the raw body, the raw-crypto bound + `JSON.parse`: verifying by hand, no library. */
  "node-bound": async () => {
    const verifyAndParse = withParse(boundStandardWebhooks);
    return nodeServer(async (req, res) => {
      const body = await readRaw(req);
      verifyAndParse({ headers: req.headers, body });
      res.writeHead(200, JSON_TYPE).end(OK);
    });
  },

  /** node:http, read the raw body, `hooks.process({ headers, body })`: what the adapters do. */
  "node-process": async () => processServer(hooks()),

  /** node:http bridged to a Web `Request`, read with `request.arrayBuffer()`, a Web `Response` written back. */
  "web-raw": async () =>
    webServer(async (request) => {
      await request.arrayBuffer();
      return new Response(OK, { headers: JSON_TYPE });
    }),

  /** node:http bridged to a Web `Request`, `hooks.handle(request)`, the `Response` written back. */
  "node-handle": async () => {
    const router = hooks();
    return webServer((request) => router.handle(request));
  },

  /** Express 5 with `express.raw()`, answering without verification. */
  "express-raw": async () => {
    const express = (await import("express")).default;
    const app = express();
    app.post("/webhooks", express.raw({ type: "*/*" }), (_req, res) => {
      res.type("application/json").send(OK);
    });
    return createServer(app);
  },

  /** Express 5 with `express.raw()`, the raw-crypto bound + `JSON.parse` by hand. */
  "express-bound": async () => {
    const express = (await import("express")).default;
    const verifyAndParse = withParse(boundStandardWebhooks);
    const app = express();
    app.post("/webhooks", express.raw({ type: "*/*" }), (req, res) => {
      verifyAndParse({ headers: req.headers, body: req.body });
      res.type("application/json").send(OK);
    });
    return createServer(app);
  },

  /** Express 5 with `@hookproof/express` `handleWebhooks(hooks)`. */
  "express-hookproof": async () => {
    const express = (await import("express")).default;
    const { handleWebhooks } = await import("@hookproof/express");
    const app = express();
    app.post("/webhooks", handleWebhooks(hooks()));
    return createServer(app);
  },

  /** Hono on @hono/node-server, reading the raw body with `c.req.arrayBuffer()`. */
  "hono-raw": async () => {
    const { Hono } = await import("hono");
    const { getRequestListener } = await import("@hono/node-server");
    const app = new Hono();
    app.post("/webhooks", async (c) => {
      await c.req.arrayBuffer();
      return c.body(OK, 200, JSON_TYPE);
    });
    return createServer(getRequestListener(app.fetch));
  },

  /** Hono on @hono/node-server, `c.req.arrayBuffer()`, the raw-crypto bound + `JSON.parse` by hand. */
  "hono-bound": async () => {
    const { Hono } = await import("hono");
    const { getRequestListener } = await import("@hono/node-server");
    const verifyAndParse = withParse(boundStandardWebhooks);
    const app = new Hono();
    app.post("/webhooks", async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer());
      const headers = {};
      for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"])
        headers[name] = c.req.header(name);
      verifyAndParse({ headers, body });
      return c.body(OK, 200, JSON_TYPE);
    });
    return createServer(getRequestListener(app.fetch));
  },

  /** Hono on @hono/node-server with `@hookproof/hono` `handleWebhooks(hooks)`. */
  "hono-hookproof": async () => {
    const { Hono } = await import("hono");
    const { getRequestListener } = await import("@hono/node-server");
    const { handleWebhooks } = await import("@hookproof/hono");
    const app = new Hono();
    app.post("/webhooks", handleWebhooks(hooks()));
    return createServer(getRequestListener(app.fetch));
  },

  /**
   * node:http + `hooks.process()` handing each event off to a BullMQ queue in Redis (`@hookproof/bullmq`): the
   * answer waits for the job to be in Redis, not for the handler. Env: REDIS_URL, QUEUE, HANDLER_MS.
   */
  "queue-handoff": async () => {
    const { createQueue } = await import("@hookproof/bullmq");
    const { queueHooks } = await import("./queue-hooks.mjs");
    const queue = createQueue({ connection: process.env.REDIS_URL, name: process.env.QUEUE });
    return processServer(await queueHooks(SIGNED_AT, queue.handoff));
  },

  /** The same router with its dedupe in Redis, handling each event inline (HANDLER_MS) before answering. */
  "queue-inline": async () => {
    const { queueHooks } = await import("./queue-hooks.mjs");
    return processServer(await queueHooks(SIGNED_AT));
  },
};

/** The routes whose server can be built here (an adapter that is not built yet is skipped). */
export const ROUTE_NAMES = Object.keys(ROUTES);

if (process.send) {
  const name = process.argv[2];
  const server = await ROUTES[name]();
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
  process.on("message", (message) => {
    // CPU time this process used so far, µs: the parent divides the difference by the requests served.
    if (message === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send({ cpu: user + system });
    }
    if (message === "stop") {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    }
  });
}
