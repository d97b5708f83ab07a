/**
 * The scenarios every HTTP adapter answers the same way, written once: a genuine delivery handled, a tampered,
 * expired or oversized one refused, a replay acknowledged, a huge or unsigned body refused without being read,
 * and `verifyWebhook` in front of an app handler. Each adapter's test file mounts its own route (over its real
 * server where it has one) and calls these inside its own `describe` blocks, beside what only it does.
 * @module
 */
import { createVerifier, type VerifiedWebhook, type Verifier } from "@hookproof/core";
import { expect, it } from "vitest";
import {
  type AdapterKit,
  type BodyCounter,
  body,
  countedStream,
  MiB,
  NOW,
  partialUpload,
} from "./adapter-kit.js";

/** A router from {@link AdapterKit.createHooks}. */
export type KitHooks = ReturnType<AdapterKit["createHooks"]>["hooks"];

/** A `verifyWebhook` route for {@link ScenarioMount.verify}. */
export interface VerifyRoute {
  source: KitHooks | Verifier;
  maxBodyBytes?: number;
  /** The server's body counter, as for {@link ScenarioMount.handle}. */
  counter: BodyCounter;
  /** The app handler after `verifyWebhook` calls this, then answers `{ id, payload }` of the event. */
  reached(event: VerifiedWebhook): void;
}

/** How one adapter serves the scenarios' routes. */
export interface ScenarioMount {
  kit: AdapterKit;
  /** `handleWebhooks(hooks)` on a POST route; returns its URL, fed to `counter` when {@link countsBodyBytes}. */
  handle(hooks: KitHooks, counter: BodyCounter): Promise<string>;
  /** `verifyWebhook(...)` in front of an app handler; returns its URL. */
  verify?(route: VerifyRoute): Promise<string>;
  /**
   * Whether the routes run on a Node HTTP server that counts into `counter` (`countBodyBytes`): turns on
   * the scenarios that measure how much of a body was read.
   */
  countsBodyBytes: boolean;
  /**
   * The `Connection` header answering a request whose body was left unread: `close` (the default) where the
   * adapter owns the Node response; a web-standard handler on @hono/node-server cannot say it.
   */
  unreadBodyConnection?: "close" | "keep-alive";
  /** What a refused request does not reach, as the adapter's docs name it (`next()`, `the handler`). */
  continues?: string;
  /** Sends a request to the route (`fetch`, or an in-process call). */
  send?(url: string, init: RequestInit): Promise<Response>;
}

/** The scenarios for one adapter, each registered where it is called (inside the adapter's `describe`). */
export interface AdapterScenarios {
  /** `handleWebhooks`: genuine, tampered, expired, replayed and oversized deliveries. */
  handle(): void;
  /** A request without signature headers, refused before its body is read (Node servers only). */
  unsigned(): void;
  /** `verifyWebhook` in front of an app handler (needs `mount.verify`). */
  verify(): void;
}

/**
 * The shared scenarios, for the adapter `mount` serves.
 *
 * @example
 * const scenarios = adapterScenarios({ kit, countsBodyBytes: true, handle: (hooks, counter) => listen(...) });
 * describe("handleWebhooks", () => {
 *   scenarios.handle();
 *   it("what only this framework does", ...);
 * });
 */
export function adapterScenarios(mount: ScenarioMount): AdapterScenarios {
  return {
    handle: () => handleScenarios(mount),
    unsigned: () => unsignedScenarios(mount),
    verify: () => verifyScenarios(mount),
  };
}

/** Headers a sender forgot to sign with: no `webhook-*` at all. */
const UNSIGNED = { "content-type": "application/json" };

function handleScenarios(mount: ScenarioMount): void {
  const { createHooks, signed } = mount.kit;
  const post = poster(mount);
  const serve = (hooks: KitHooks, counter: BodyCounter = { bytes: 0 }) => mount.handle(hooks, counter);

  it("answers a genuine webhook with 200 after running the handler", async () => {
    const { hooks, seen } = createHooks();
    expect(await post(await serve(hooks), await signed())).toEqual({ status: 200, json: { ok: true } });
    expect(seen).toEqual(["user_1"]);
  });

  it("rejects a tampered body with 401 invalid_signature", async () => {
    const { hooks, seen } = createHooks();
    const request = await signed();
    const result = await post(await serve(hooks), {
      ...request,
      body: request.body.replace("user_1", "user_2"),
    });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: { code: "invalid_signature" } });
    expect(seen).toEqual([]);
  });

  it("rejects an expired timestamp with 401 timestamp_expired", async () => {
    const { hooks, seen } = createHooks();
    const result = await post(await serve(hooks), await signed({ timestamp: NOW - 600 }));
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: { code: "timestamp_expired" } });
    expect(seen).toEqual([]);
  });

  it("acknowledges a replay with duplicate: true without running the handler again", async () => {
    const { hooks, seen } = createHooks();
    const url = await serve(hooks);
    const request = await signed({ id: "msg_replayed" });
    expect((await post(url, request)).status).toBe(200);
    expect(await post(url, request)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
    expect(seen).toEqual(["user_1"]);
  });

  it("rejects a body over maxBodyBytes with 413", async () => {
    const { hooks, seen } = createHooks({ maxBodyBytes: 32 });
    const result = await post(await serve(hooks), await signed());
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
    expect(seen).toEqual([]);
  });

  if (!mount.countsBodyBytes) return;

  it("refuses a 10 MiB body by its Content-Length without reading it, and reports it", async () => {
    const { hooks, rejected } = createHooks();
    const counter = { bytes: 0 };
    const result = await post(await serve(hooks, counter), {
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
    const { hooks, rejected } = createHooks();
    const counter = { bytes: 0 };
    const result = await post(await serve(hooks, counter), {
      headers: (await signed()).headers,
      body: countedStream(10 * MiB),
    });
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
    // Read up to the 1 MiB limit plus the chunk that crossed it; the other 9 MiB never reached memory.
    expect(counter.bytes).toBeGreaterThan(MiB);
    expect(counter.bytes).toBeLessThanOrEqual(MiB + 64 * 1024);
    expect(rejected).toEqual(["payload_too_large"]);
  });
}

function unsignedScenarios(mount: ScenarioMount): void {
  if (!mount.countsBodyBytes)
    throw new TypeError("the unsigned-upload scenarios need a counting Node server");
  const { createHooks, scheme } = mount.kit;
  const { unreadBodyConnection: connection = "close" } = mount;
  const send = mount.send ?? fetch;
  /** Sends `size` unsigned bytes, chunked (no Content-Length). */
  const uploadUnsigned = (url: string, size: number) =>
    send(url, {
      method: "POST",
      headers: UNSIGNED,
      body: countedStream(size),
      duplex: "half",
    } as RequestInit);

  it("handleWebhooks: 400 missing_header to a chunked 8 MiB upload, none of it read, reported", async () => {
    const { hooks, rejected } = createHooks();
    const counter: BodyCounter = { bytes: 0 };
    const response = await uploadUnsigned(await mount.handle(hooks, counter), 8 * MiB);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "missing_header" } });
    expect(response.headers.get("connection")).toBe(connection);
    // Nothing reached the route; Node took one socket read (64 KiB here) of the 8 MiB off the wire.
    expect(counter.bytes).toBe(0);
    expect(counter.socket).toBeLessThanOrEqual(256 * 1024);
    expect(rejected).toEqual(["missing_header"]);
  });

  it("handleWebhooks: answers a Content-Length under the limit having received 64 KiB of it", async () => {
    const { hooks, rejected } = createHooks();
    const counter = { bytes: 0 };
    const url = await mount.handle(hooks, counter);
    const answer = await partialUpload(url, UNSIGNED, { declared: MiB - 1, sent: 64 * 1024 });
    expect(answer).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
    expect(answer.connection).toBe(connection);
    expect(counter.bytes).toBe(0);
    expect(rejected).toEqual(["missing_header"]);
  });

  const { verify, continues = "the handler" } = mount;
  if (verify === undefined) return;
  it(`verifyWebhook, with a router or a verifier: the same, and ${continues} is not called`, async () => {
    const { hooks, rejected } = createHooks();
    const verifier = createVerifier({ scheme, now: () => NOW * 1000 });
    for (const source of [hooks, verifier]) {
      const counter = { bytes: 0 };
      let called = false;
      const url = await verify({ source, counter, reached: () => (called = true) });
      const answer = await partialUpload(url, UNSIGNED, { declared: MiB - 1, sent: 64 * 1024 });
      expect(answer).toMatchObject({ status: 400, json: { error: { code: "missing_header" } } });
      expect(answer.connection).toBe(connection);
      expect((await uploadUnsigned(url, 8 * MiB)).status).toBe(400);
      expect(counter.bytes).toBe(0);
      expect(called).toBe(false);
    }
    expect(rejected).toEqual(["missing_header", "missing_header"]);
  });
}

function verifyScenarios(mount: ScenarioMount): void {
  const { createHooks, scheme, signed } = mount.kit;
  const { verify, continues = "the handler" } = mount;
  if (verify === undefined) throw new TypeError("the verifyWebhook scenarios need `mount.verify`");
  const post = poster(mount);
  const verifier = () => createVerifier({ scheme, now: () => NOW * 1000 });
  const route = (source: KitHooks | Verifier, options: Partial<VerifyRoute> = {}) =>
    verify({ source, counter: { bytes: 0 }, reached: () => undefined, ...options });

  it("works with a createVerifier verifier", async () => {
    const result = await post(await route(verifier()), await signed({ id: "msg_verifier" }));
    expect(result).toEqual({ status: 200, json: { id: "msg_verifier", payload: JSON.parse(body) } });
  });

  it(`answers the error, tells onRejected and does not call ${continues} for a bad signature`, async () => {
    const { hooks, rejected } = createHooks();
    let called = false;
    const url = await route(hooks, { reached: () => (called = true) });
    const request = await signed();
    const result = await post(url, { ...request, body: `${request.body} ` });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: { code: "invalid_signature" } });
    expect(called).toBe(false);
    expect(rejected).toEqual(["invalid_signature"]);
  });

  it("rejects an expired timestamp with 401 timestamp_expired", async () => {
    let called = false;
    const url = await route(createHooks().hooks, { reached: () => (called = true) });
    const result = await post(url, await signed({ timestamp: NOW - 600 }));
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: { code: "timestamp_expired" } });
    expect(called).toBe(false);
  });

  it("honours maxBodyBytes for a verifier", async () => {
    const result = await post(await route(verifier(), { maxBodyBytes: 16 }), await signed());
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ error: { code: "payload_too_large" } });
  });
}

/** POSTs `sent` through the mount and reads the JSON answer. */
function poster(mount: ScenarioMount) {
  const send = mount.send ?? fetch;
  return async (url: string, sent: { headers: Record<string, string>; body: BodyInit }) => {
    const response = await send(url, { method: "POST", ...sent, duplex: "half" } as RequestInit);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}
