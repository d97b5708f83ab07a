import type { AddressInfo } from "node:net";
import type { VerifiedEvent, VerifiedWebhook, Webhooks } from "@hookproof/core";
import express5 from "express";
import express4 from "express4";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  adapterKit,
  type BodyCounter,
  countBodyBytes,
  type UserCreated,
} from "../../core/test/adapter-kit.js";
import { adapterScenarios, type KitHooks } from "../../core/test/adapter-scenarios.js";
import { handleWebhooks, verifyWebhook } from "./index.js";

type Events = { "user.created": UserCreated };

declare module "./index.js" {
  interface Register {
    webhooks: Webhooks<Events>;
  }
}

const kit = adapterKit("express");
const { createHooks, signed } = kit;

const servers: { close(): void; closeAllConnections(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

type App = ReturnType<typeof express5>;

/** Starts `app` on 127.0.0.1 and returns its `/webhooks` URL. */
async function listen(app: App): Promise<string> {
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
}

async function post(url: string, init: { headers: Record<string, string>; body: BodyInit }) {
  const response = await fetch(url, { method: "POST", ...init, duplex: "half" } as RequestInit);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Counts the body bytes read before the answer, and what the socket took, into `counter`. */
function countBytes(counter: BodyCounter): express5.RequestHandler {
  return (req, res, next) => {
    countBodyBytes(req, res, counter);
    next();
  };
}

/** Headers a sender forgot to sign with: no `webhook-*` at all. */
const UNSIGNED = { "content-type": "application/json" };

const versions = [
  ["Express 5", express5],
  // Express 4's own types are checked below; at runtime both are driven through one shape.
  ["Express 4", express4 as unknown as typeof express5],
] as const;

describe.each(versions)("%s", (_name, express) => {
  /** `handleWebhooks(hooks)` at `/webhooks`, counting into `counter` what it read. */
  const serve = (hooks: KitHooks, counter: BodyCounter) =>
    listen(express().post("/webhooks", countBytes(counter), handleWebhooks(hooks)));

  const scenarios = adapterScenarios({
    kit,
    countsBodyBytes: true,
    continues: "next()",
    handle: serve,
    verify: ({ source, maxBodyBytes, counter, reached }) =>
      listen(
        express().post(
          "/webhooks",
          countBytes(counter),
          verifyWebhook(source, { maxBodyBytes }),
          (req, res) => {
            const event = req.webhook as VerifiedWebhook;
            reached(event);
            res.json({ id: event.id, payload: event.payload });
          },
        ),
      ),
  });

  describe("handleWebhooks", () => {
    scenarios.handle();

    it("uses the Buffer express.raw() left", async () => {
      const { hooks, seen } = createHooks();
      const app = express();
      app.post("/webhooks", express.raw({ type: "application/json" }), handleWebhooks(hooks));
      expect((await post(await listen(app), await signed())).status).toBe(200);
      expect(seen).toEqual(["user_1"]);
    });

    it("reads the stream when a JSON parser is mounted but skipped this content type", async () => {
      const { hooks, seen } = createHooks();
      const app = express();
      app.use(express.json());
      app.post("/webhooks", handleWebhooks(hooks));
      const request = await signed();
      const result = await post(await listen(app), {
        ...request,
        headers: { ...request.headers, "content-type": "application/octet-stream" },
      });
      expect(result.status).toBe(200);
      expect(seen).toEqual(["user_1"]);
    });

    it("answers 500 body_already_parsed with the fix when express.json() ran first", async () => {
      const { hooks, seen, rejected } = createHooks();
      const app = express();
      app.use(express.json());
      app.post("/webhooks", handleWebhooks(hooks));
      const result = await post(await listen(app), await signed());
      expect(result.status).toBe(500);
      expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
      const { message } = (result.json as { error: { message: string } }).error;
      expect(message).toContain('express.raw({ type: "application/json" })');
      expect(message).toContain("before `app.use(express.json())`");
      expect(seen).toEqual([]);
      expect(rejected).toEqual(["body_already_parsed"]);
    });

    it("answers 500 body_already_parsed when express.text() decoded the body", async () => {
      const { hooks } = createHooks();
      const app = express();
      app.post("/webhooks", express.text({ type: "application/json" }), handleWebhooks(hooks));
      const result = await post(await listen(app), await signed());
      expect(result.status).toBe(500);
      expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
    });
  });

  describe("a request without signature headers is refused before its body is read", () => {
    scenarios.unsigned();

    it("32 concurrent unsigned uploads of 1,000,000 bytes: all refused, not one byte read", async () => {
      const { hooks, rejected } = createHooks();
      const counter: BodyCounter = { bytes: 0 };
      const url = await serve(hooks, counter);
      const statuses = await Promise.all(
        Array.from({ length: 32 }, () =>
          fetch(url, { method: "POST", headers: UNSIGNED, body: new Uint8Array(1_000_000) }).then(
            (response) => response.status,
          ),
        ),
      );
      expect(statuses).toEqual(Array(32).fill(400));
      // 32 MB sent; none reached the middleware, and at most a few socket reads each left the kernel.
      expect(counter.bytes).toBe(0);
      expect(counter.socket).toBeLessThanOrEqual(32 * 256 * 1024);
      expect(rejected).toHaveLength(32);
    }, 20_000);
  });

  describe("verifyWebhook", () => {
    scenarios.verify();

    it("sets a typed req.webhook and calls next()", async () => {
      const { hooks, seen } = createHooks();
      const app = express();
      app.post("/webhooks", verifyWebhook(hooks), (req, res) => {
        expectTypeOf(req.webhook).toEqualTypeOf<VerifiedEvent<Events> | undefined>();
        const event = req.webhook;
        if (event?.type !== "user.created") throw new Error("no webhook");
        expectTypeOf(event.payload.data.id).toBeString();
        res.json({ type: event.type, user: event.payload.data.id, id: event.id });
      });
      const result = await post(await listen(app), await signed({ id: "msg_typed" }));
      expect(result).toEqual({
        status: 200,
        json: { type: "user.created", user: "user_1", id: "msg_typed" },
      });
      expect(seen).toEqual([]);
    });

    it("answers 500 body_already_parsed when express.json() ran first", async () => {
      const app = express();
      app.use(express.json());
      app.post("/webhooks", verifyWebhook(createHooks().hooks), (_req, res) => res.end());
      const result = await post(await listen(app), await signed());
      expect(result.status).toBe(500);
      expect(result.json).toMatchObject({ error: { code: "body_already_parsed" } });
    });
  });
});

describe("types", () => {
  it("the middleware fits Express 4's types too", () => {
    const { hooks } = createHooks();
    const app = express4();
    app.post("/webhooks", handleWebhooks(hooks));
    app.post("/verified", verifyWebhook(hooks), (req, res) => {
      expectTypeOf(req.webhook).toEqualTypeOf<VerifiedEvent<Events> | undefined>();
      res.end();
    });
  });
});
