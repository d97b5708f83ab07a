import { afterEach, describe } from "vitest";
import { frameworkSuite } from "../../core/test/framework-e2e.js";
import { presetHandshakeSuite } from "../../providers/test/handshakes-e2e.js";
import { createPagesHandler, createRouteHandler } from "./index.js";
import { closeApiRoutes, serveApiRoute } from "./test-api-route.js";

afterEach(closeApiRoutes);

// App Router: a real `Request` into the exported handlers, one app per host.
const routes = new Map<string, (request: Request) => Promise<Response>>();

describe("Next App Router: method, URL, handshakes, batches", () => {
  frameworkSuite({
    full: async (hooks) => {
      const handler = createRouteHandler(() => hooks);
      // app/webhooks/route.ts: `export const GET = handler; export const POST = handler;`
      const host = `app-${routes.size}.example`;
      routes.set(host, handler);
      return `https://${host}/webhooks`;
    },
    send: async (url, init) => {
      const handler = routes.get(new URL(url).host);
      if (handler === undefined) throw new Error(`no route for ${url}`);
      return handler(new Request(url, init));
    },
  });
});

describe("Next Pages Router: method, URL, handshakes, batches", () => {
  frameworkSuite({ full: (hooks) => serveApiRoute(createPagesHandler(hooks) as never, false) });
});

describe("Next Pages Router: real presets' handshakes (Slack, Discord, Okta)", () => {
  presetHandshakeSuite({ full: (hooks) => serveApiRoute(createPagesHandler(hooks) as never, false) });
});

describe("Next App Router: real presets' handshakes (Slack, Discord, Okta)", () => {
  presetHandshakeSuite({
    full: async (hooks) => {
      const handler = createRouteHandler(() => hooks);
      const host = `app-${routes.size}.example`;
      routes.set(host, handler);
      return `https://${host}/webhooks`;
    },
    send: async (url, init) => {
      const handler = routes.get(new URL(url).host);
      if (handler === undefined) throw new Error(`no route for ${url}`);
      return handler(new Request(url, init));
    },
  });
});
