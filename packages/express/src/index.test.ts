import type { AddressInfo } from "node:net";
import { createVerifier, type VerifiedEvent, type VerifiedWebhook, type Webhooks } from "@hookproof/core";
import express5 from "express";
import express4 from "express4";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  adapterKit,
  body,
  countBodyBytes,
  countedStream,
  MiB,
  NOW,
  partialUpload,
  type UserCreated,
} from "../../core/test/adapter-kit.js";
import { handleWebhooks, verifyWebhook } from "./index.js";

type Events = { "user.created": UserCreated };

declare module "./index.js" {
  interface Register {
    webhooks: Webhooks<Events>;
  }
}

const { scheme, createHooks, signed } = adapterKit("express");

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

/**
 * Counts the body bytes read before the answer, to show an oversized or unsigned body is not read whole.
 * Bytes Node itself discards after the answer are not counted.
 */
function countBytes(counter: { bytes: number; socket?: number }): express5.RequestHandler {
  return (req, res, next) => {
    // What the server had taken off the connection when it answered: headers and whatever Node buffered.
    res.on("finish", () => {
      counter.socket = (counter.socket ?? 0) + req.socket.bytesRead;
    });
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
  describe("handleWebhooks", () => {
    it("answers a genuine webhook with 200 after running the handler", async () => {
      const { hooks, seen } = createHooks();
      const app = express();
      app.post("/webhooks", handleWebhooks(hooks));
      const result = await post(await listen(app), await signed());
      expect(result).toEqual({ status: 200, json: { ok: true } });
      expect(seen).toEqual(["user_1"]);
    });

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

    it("rejects a tampered body with 401 invalid_signature", async () => {
      const { hooks, seen } = createHooks();
      const app = express();
      app.post("/webhooks", handleWebhooks(hooks));
      const request = await signed();
      const result = await post(await listen(app), {
        ...request,
        body: request.body.replace("user_1", "user_2"),
      });
      expect(result.status).toBe(401);
      expect(result.json).toMatchObject({ error: { code: "invalid_signature" } });
      expect(seen).toEqual([]);
    });

    it("rejects an expired timestamp with 401 timestamp_expired", async () => {
      const { hooks, seen } = createHooks();
      const app = express();
      app.post("/webhooks", handleWebhooks(hooks));
      const result = await post(await listen(app), await signed({ timestamp: NOW - 600 }));
      expect(result.status).toBe(401);
      expect(result.json).toMatchObject({ error: { code: "timestamp_expired" } });
      expect(seen).toEqual([]);
    });

    it("acknowledges a replay with duplicate: true without running the handler again", async () => {
      const { hooks, seen } = createHooks();
      const app = express();
      app.post("/webhooks", handleWebhooks(hooks));
      const url = await listen(app);
      const request = await signed({ id: "msg_replayed" });
      expect((await post(url, request)).status).toBe(200);
      expect(await post(url, request)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
      expect(seen).toEqual(["user_1"]);
    });

    it("rejects a body over maxBodyBytes with 413", async () => {
      const { hooks, seen } = createHooks({ maxBodyBytes: 32 });
      const app = express();
      app.post("/webhooks", handleWebhooks(hooks));
      const result = await post(await listen(app), await signed());
      expect(result.status).toBe(413);
      expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
      expect(seen).toEqual([]);
    });

    it("refuses a 10 MiB body by its Content-Length without reading it, and reports it", async () => {
      const { hooks, rejected } = createHooks();
      const counter = { bytes: 0 };
      const app = express();
      app.post("/webhooks", countBytes(counter), handleWebhooks(hooks));
      const result = await post(await listen(app), {
        // Signed headers: a request without them is refused before its size matters.
        headers: (await signed()).headers,
        body: new Uint8Array(10 * MiB),
      });
      expect(result.status).toBe(413);
      expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
      expect(counter.bytes).toBe(0);
      expect(rejected).toEqual(["payload_too_large"]);
    });

    it("stops reading a chunked 10 MiB body once it passes the limit", async () => {
      const { hooks } = createHooks();
      const counter = { bytes: 0 };
      const app = express();
      app.post("/webhooks", countBytes(counter), handleWebhooks(hooks));
      const result = await post(await listen(app), {
        headers: (await signed()).headers,
        body: countedStream(10 * MiB),
      });
      expect(result.status).toBe(413);
      expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
      // Read up to the 1 MiB limit plus the chunk that crossed it; the other 9 MiB never reached memory.
      expect(counter.bytes).toBeGreaterThan(MiB);
      expect(counter.bytes).toBeLessThanOrEqual(MiB + 64 * 1024);
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
    it("handleWebhooks: 400 missing_header to a chunked 8 MiB upload, none of it read, reported", async () => {
      const { hooks, rejected } = createHooks();
      const counter: { bytes: number; socket?: number } = { bytes: 0 };
      const app = express();
      app.post("/webhooks", countBytes(counter), handleWebhooks(hooks));
      const response = await fetch(await listen(app), {
        method: "POST",
        headers: UNSIGNED,
        body: countedStream(8 * MiB),
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "missing_header" } });
      expect(response.headers.get("connection")).toBe("close");
      // Nothing reached the middleware; Node took one socket read (64 KiB here) of the 8 MiB off the wire.
      expect(counter.bytes).toBe(0);
      expect(counter.socket).toBeLessThanOrEqual(256 * 1024);
      expect(rejected).toEqual(["missing_header"]);
    });

    it("handleWebhooks: answers a Content-Length under the limit having received 64 KiB of it", async () => {
      const { hooks, rejected } = createHooks();
      const counter = { bytes: 0 };
      const app = express();
      app.post("/webhooks", countBytes(counter), handleWebhooks(hooks));
      const answer = await partialUpload(await listen(app), UNSIGNED, { declared: MiB - 1, sent: 64 * 1024 });
      expect(answer).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
      expect(answer.connection).toBe("close");
      expect(counter.bytes).toBe(0);
      expect(rejected).toEqual(["missing_header"]);
    });

    it("verifyWebhook, with a router or a verifier: the same, and next() is not called", async () => {
      const { hooks, rejected } = createHooks();
      const verifier = createVerifier({ scheme, now: () => NOW * 1000 });
      for (const source of [hooks, verifier]) {
        const counter = { bytes: 0 };
        let called = false;
        const app = express();
        app.post("/webhooks", countBytes(counter), verifyWebhook(source), (_req, res) => {
          called = true;
          res.end();
        });
        const answer = await partialUpload(await listen(app), UNSIGNED, {
          declared: MiB - 1,
          sent: 64 * 1024,
        });
        expect(answer).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
        expect(answer.connection).toBe("close");
        expect(counter.bytes).toBe(0);
        expect(called).toBe(false);
      }
      expect(rejected).toEqual(["missing_header"]);
    });

    it("32 concurrent unsigned uploads of 1,000,000 bytes: all refused, not one byte read", async () => {
      const { hooks, rejected } = createHooks();
      const counter: { bytes: number; socket?: number } = { bytes: 0 };
      const app = express();
      app.post("/webhooks", countBytes(counter), handleWebhooks(hooks));
      const url = await listen(app);
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

    it("works with a createVerifier verifier", async () => {
      const verifier = createVerifier({ scheme, now: () => NOW * 1000 });
      const app = express();
      app.post("/webhooks", verifyWebhook(verifier), (req, res) => {
        const event = req.webhook as VerifiedWebhook;
        res.json({ id: event.id, payload: event.payload });
      });
      const result = await post(await listen(app), await signed({ id: "msg_verifier" }));
      expect(result).toEqual({ status: 200, json: { id: "msg_verifier", payload: JSON.parse(body) } });
    });

    it("answers the error, tells onRejected and does not call next() for a bad signature", async () => {
      const app = express();
      let called = false;
      const { hooks, rejected } = createHooks();
      app.post("/webhooks", verifyWebhook(hooks), (_req, res) => {
        called = true;
        res.end();
      });
      const request = await signed();
      const result = await post(await listen(app), { ...request, body: `${request.body} ` });
      expect(result.status).toBe(401);
      expect(result.json).toMatchObject({ error: { code: "invalid_signature" } });
      expect(called).toBe(false);
      expect(rejected).toEqual(["invalid_signature"]);
    });

    it("honours maxBodyBytes for a verifier", async () => {
      const verifier = createVerifier({ scheme, now: () => NOW * 1000 });
      const app = express();
      app.post("/webhooks", verifyWebhook(verifier, { maxBodyBytes: 16 }), (_req, res) => res.end());
      const result = await post(await listen(app), await signed());
      expect(result.status).toBe(413);
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
