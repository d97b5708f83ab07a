import { describe, expect, it, vi } from "vitest";
import { genericHmac } from "../../test/hmac-presets.js";
import { memoryStore } from "../dedupe/memory-store.js";
import type { DedupeStore } from "../dedupe/types.js";
import { WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { standardWebhooks } from "../schemes/standard-webhooks.js";
import { createWebhooks } from "./create-webhooks.js";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const scheme = standardWebhooks({ secret });
const NOW = 1_750_000_000_000;
const now = () => NOW;

interface User {
  type: "user.created";
  data: { id: string; email: string };
}

const userSchema: StandardSchemaV1<unknown, User> = {
  "~standard": {
    version: 1,
    vendor: "test",
    validate(value) {
      const data = (value as { data?: { id?: unknown; email?: unknown } }).data;
      if (typeof data?.email !== "string") {
        return { issues: [{ message: "expected a string", path: ["data", { key: "email" }] }] };
      }
      return { value: value as User };
    },
  },
};

const events = { "user.created": userSchema, "user.deleted": userSchema };

async function signed(body: unknown, id = "msg_1", timestamp = NOW / 1000) {
  const text = JSON.stringify(body);
  return { headers: await scheme.sign({ body: text, id, timestamp }), body: text };
}

const user = { type: "user.created", data: { id: "u1", email: "a@example.com" } };

describe("createWebhooks", () => {
  it("routes a verified event to its handler with the payload and context", async () => {
    const seen: unknown[] = [];
    const hooks = createWebhooks({ scheme, events, now }).on("user.created", (event, context) => {
      seen.push([event.data.email, context.id, context.type, context.timestamp, context.keyIndex]);
    });
    const result = await hooks.process(await signed(user));
    expect(result).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(seen).toEqual([["a@example.com", "msg_1", "user.created", NOW / 1000, 0]]);
  });

  it("runs each event once: a redelivery is acknowledged as a duplicate without the handler", async () => {
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme, events, now }).on("user.created", handler);
    const request = await signed(user);
    await hooks.process(request);
    const again = await hooks.process(request);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ ok: true, duplicate: true });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("answers 500 when a handler throws and handles the sender's retry", async () => {
    let calls = 0;
    const onError = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, onError }).on("user.created", () => {
      calls++;
      if (calls === 1) throw new Error("database down: postgres://admin:hunter2@db");
    });
    const request = await signed(user);
    const first = await hooks.process(request);
    expect(first.status).toBe(500);
    expect(JSON.parse(first.body).error.code).toBe("handler_failed");
    expect(first.body).not.toContain("hunter2");
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]?.[0].cause).toBeInstanceOf(Error);
    const retry = await hooks.process(request);
    expect(retry).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(calls).toBe(2);
  });

  it("runs an event's handlers in order, sync and async mixed, then the catch-all ones", async () => {
    const order: string[] = [];
    const hooks = createWebhooks({ scheme, events, now })
      .on("user.created", () => {
        order.push("sync");
      })
      .onAny(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push("any");
      })
      .on("user.created", async () => {
        await Promise.resolve();
        order.push("async");
      });
    expect((await hooks.process(await signed(user, "msg_a"))).status).toBe(200);
    // Added after the first delivery: routed from the next one on.
    hooks.on("user.created", () => {
      order.push("late");
    });
    expect((await hooks.process(await signed(user, "msg_b"))).status).toBe(200);
    expect(order).toEqual(["sync", "async", "any", "sync", "async", "late", "any"]);
  });

  it("releases the event when a later handler rejects after an earlier one ran", async () => {
    let attempts = 0;
    const first = vi.fn();
    const hooks = createWebhooks({ scheme, events, now })
      .on("user.created", first)
      .on("user.created", async () => {
        attempts++;
        if (attempts === 1) throw new Error("queue full");
      });
    const request = await signed(user);
    expect((await hooks.process(request)).status).toBe(500);
    expect((await hooks.process(request)).status).toBe(200);
    expect(first).toHaveBeenCalledTimes(2);
    expect(JSON.parse((await hooks.process(request)).body)).toEqual({ ok: true, duplicate: true });
  });

  it("answers 409 with Retry-After while the same event is in flight", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hooks = createWebhooks({ scheme, events, now }).on("user.created", () => gate);
    const request = await signed(user);
    const first = hooks.process(request);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await hooks.process(request);
    expect(second.status).toBe(409);
    expect(JSON.parse(second.body).error.code).toBe("duplicate_in_flight");
    expect(Number(second.headers["retry-after"])).toBe(60);
    release();
    expect((await first).status).toBe(200);
  });

  it("fails closed with 503 when the store cannot be reached, and the handler does not run", async () => {
    const broken: DedupeStore = {
      begin: () => Promise.reject(new Error("ECONNREFUSED")),
      complete: () => {},
      abort: () => {},
    };
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, dedupe: broken }).on("user.created", handler);
    const result = await hooks.process(await signed(user));
    expect(result.status).toBe(503);
    expect(JSON.parse(result.body).error.code).toBe("store_unavailable");
    expect(result.headers["retry-after"]).toBeDefined();
    expect(handler).not.toHaveBeenCalled();
  });

  it("still answers 200 when the store fails to record a handled event, and reports it", async () => {
    const store = memoryStore({ now });
    const onError = vi.fn();
    const flaky: DedupeStore = { ...store, complete: () => Promise.reject(new Error("timeout")) };
    const hooks = createWebhooks({ scheme, events, now, dedupe: flaky, onError }).on(
      "user.created",
      () => {},
    );
    expect((await hooks.process(await signed(user))).status).toBe(200);
    expect(onError.mock.calls[0]?.[0].code).toBe("store_unavailable");
  });

  it("cuts off a handler that hangs, aborts its signal and releases the event", async () => {
    let signal: AbortSignal | undefined;
    let calls = 0;
    const hooks = createWebhooks({ scheme, events, now, timeoutMs: 20, lockMs: 1000 }).on(
      "user.created",
      (_event, context) => {
        calls++;
        signal = context.signal;
        return calls === 1 ? new Promise(() => {}) : undefined;
      },
    );
    const request = await signed(user);
    const first = await hooks.process(request);
    expect(first.status).toBe(503);
    expect(JSON.parse(first.body).error.code).toBe("handler_timeout");
    expect(signal?.aborted).toBe(true);
    expect((await hooks.process(request)).status).toBe(200);
    expect(calls).toBe(2);
  });

  it("gives a handler that reads its signal only after the timeout an aborted signal", async () => {
    const seen: boolean[] = [];
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const hooks = createWebhooks({ scheme, events, now, timeoutMs: 10, lockMs: 1000 }).on(
      "user.created",
      async (_event, context) => {
        await new Promise((resolve) => setTimeout(resolve, 40));
        seen.push(context.signal.aborted, context.signal.reason?.code === "handler_timeout");
        finish();
      },
    );
    expect((await hooks.process(await signed(user))).status).toBe(503);
    await finished;
    expect(seen).toEqual([true, true]);
  });

  it("acknowledges an event type with no handler, or rejects it when configured", async () => {
    const acknowledged = createWebhooks({ scheme, events, now });
    const result = await acknowledged.process(await signed(user));
    expect(JSON.parse(result.body)).toEqual({ ok: true, unhandled: true });
    const strict = createWebhooks({ scheme, events, now, onUnhandled: "reject" });
    expect((await strict.process(await signed(user))).status).toBe(500);
  });

  it("rejects a payload that breaks its schema with the path of the problem", async () => {
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme, events, now }).on("user.created", handler);
    const result = await hooks.process(await signed({ type: "user.created", data: { id: "u1", email: 7 } }));
    expect(result.status).toBe(400);
    const { error } = JSON.parse(result.body);
    expect(error.code).toBe("invalid_payload");
    expect(error.message).toContain("`data.email`");
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes event types outside the catalogue to onAny, unvalidated", async () => {
    const seen: string[] = [];
    const hooks = createWebhooks({ scheme, events, now }).onAny((_event, context) => {
      seen.push(context.type);
    });
    await hooks.process(await signed({ type: "team.created", data: {} }, "msg_2"));
    await hooks.process(await signed(user, "msg_3"));
    expect(seen).toEqual(["team.created", "user.created"]);
  });

  it("rejects a body with no event type as invalid_payload", async () => {
    const hooks = createWebhooks({ scheme, events, now });
    const result = await hooks.process(await signed({ data: {} }));
    expect(JSON.parse(result.body).error.code).toBe("invalid_payload");
  });

  it("calls the lifecycle hooks, and a throwing hook never changes the answer", async () => {
    const log: string[] = [];
    const hooks = createWebhooks({
      scheme,
      events,
      now,
      onVerified: (event) => {
        log.push(`verified ${event.type}`);
        throw new Error("logger broke");
      },
      onHandled: (event, { durationMs }) => log.push(`handled ${event.id} ${typeof durationMs}`),
      onRejected: (error) => log.push(`rejected ${error.code}`),
    }).on("user.created", () => {});
    expect((await hooks.process(await signed(user))).status).toBe(200);
    const tampered = await signed(user, "msg_9");
    expect((await hooks.process({ ...tampered, body: tampered.body.replace("a@", "b@") })).status).toBe(401);
    expect(log).toEqual(["verified user.created", "handled msg_1 number", "rejected invalid_signature"]);
  });

  it("dedupes a sender without an id header by the body's id, then by the body's hash", async () => {
    const generic = genericHmac({ secret: "s3cret-generic-9Qm2vX" });
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme: generic, events, now, replayBound: "retention" }).on(
      "user.created",
      handler,
    );
    const body = JSON.stringify({ id: "evt_1", ...user });
    const headers = await generic.sign({ body });
    await hooks.process({ headers, body });
    expect(JSON.parse((await hooks.process({ headers, body })).body).duplicate).toBe(true);
    expect(handler.mock.calls[0]?.[1].id).toBe("evt_1");
    const noId = JSON.stringify(user);
    await hooks.process({ headers: await generic.sign({ body: noId }), body: noId });
    expect(handler.mock.calls[1]?.[1].id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("refuses an event whose creation time cannot be read when maxAge bounds replays", async () => {
    const provider = {
      name: "dated",
      scheme,
      events,
      eventType: (payload: unknown) => (payload as { type?: string }).type,
      eventTime: (payload: unknown) =>
        Date.parse(String((payload as { created_at?: unknown }).created_at)) || undefined,
      maxAge: 3600,
    };
    const hooks = createWebhooks({ provider, now }).on("user.created", () => {});
    const fresh = { ...user, created_at: new Date(NOW - 60_000).toISOString() };
    expect((await hooks.process(await signed(fresh, "msg_a"))).status).toBe(200);
    const stale = { ...user, created_at: new Date(NOW - 7_200_000).toISOString() };
    expect(JSON.parse((await hooks.process(await signed(stale, "msg_b"))).body).error.code).toBe(
      "timestamp_expired",
    );
    const undated = { ...user, created_at: "yesterday" };
    expect(JSON.parse((await hooks.process(await signed(undated, "msg_c"))).body).error.code).toBe(
      "invalid_payload",
    );
  });

  it("handles every delivery when dedupe is off", async () => {
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, dedupe: false }).on("user.created", handler);
    const request = await signed(user);
    await hooks.process(request);
    await hooks.process(request);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("refuses options that would break exactly-once handling, when created", () => {
    expect(() => createWebhooks({ scheme, events, maxAge: 100 * 3600 })).toThrow(/maxAge/);
    expect(() => createWebhooks({ scheme, events, lockMs: 1000, timeoutMs: 5000 })).toThrow(/lockMs/);
    // @ts-expect-error: neither a provider nor a scheme
    expect(() => createWebhooks({ events })).toThrow(TypeError);
  });
});

describe("handle(Request)", () => {
  const hooks = () =>
    createWebhooks({ scheme, events, now, maxBodyBytes: 1024 }).on("user.created", () => {});

  it("answers a Web Request with a Web Response", async () => {
    const { headers, body } = await signed(user);
    const response = await hooks().handle(
      new Request("http://localhost/", { method: "POST", headers, body }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ ok: true });
  });

  it("answers 413 for a body over the limit, streamed without a Content-Length", async () => {
    const { headers } = await signed(user);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512));
        if (pulled > 1000) controller.close();
      },
    });
    // `duplex` is required by fetch for a streamed body; TypeScript's DOM types do not list it yet.
    const init = { method: "POST", headers, body: stream, duplex: "half" } as RequestInit;
    const request = new Request("http://localhost/", init);
    const response = await hooks().handle(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it("answers body_already_parsed when the body was read before, and reports it", async () => {
    const { headers, body } = await signed(user);
    const request = new Request("http://localhost/", { method: "POST", headers, body });
    await request.json();
    const onRejected = vi.fn();
    const response = await createWebhooks({ scheme, events, now, onRejected }).handle(request);
    expect(response.status).toBe(500);
    const { error } = await response.json();
    expect(error.code).toBe("body_already_parsed");
    expect(error.message).toContain("request.clone()");
    expect(onRejected.mock.calls.map(([rejected]) => rejected.code)).toEqual(["body_already_parsed"]);
  });

  it("answers and reports a rejection an adapter makes before process() with reject()", () => {
    const onRejected = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, onRejected });
    const error = new WebhookVerificationError("payload_too_large", "The body is over the 1-byte limit.");
    expect(hooks.reject(error)).toEqual({
      status: 413,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        error: { code: "payload_too_large", message: "The body is over the 1-byte limit." },
      }),
    });
    expect(onRejected).toHaveBeenCalledWith(error);
  });

  it("turns a rejection into the error's status and JSON body", async () => {
    const response = await hooks().handle(new Request("http://localhost/", { method: "POST", body: "{}" }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "missing_header" });
  });
});

describe("close()", () => {
  it("lets running handlers finish, then answers new events 503 shutting_down", async () => {
    let finished = false;
    const hooks = createWebhooks({ scheme, events, now }).on("user.created", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });
    const running = hooks.process(await signed(user));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await hooks.close({ graceMs: 1000 });
    expect(finished).toBe(true);
    expect((await running).status).toBe(200);
    const late = await hooks.process(await signed(user, "msg_late"));
    expect(late.status).toBe(503);
    expect(JSON.parse(late.body).error.code).toBe("shutting_down");
  });

  it("releases the claim of a handler still running after the grace period", async () => {
    const store = memoryStore({ now });
    let signal: AbortSignal | undefined;
    const hooks = createWebhooks({ scheme, events, now, dedupe: store }).on(
      "user.created",
      (_event, context) => {
        signal = context.signal;
        return new Promise(() => {});
      },
    );
    const running = hooks.process(await signed(user));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.begin("custom:default:msg_1", 1000)).toBe("in_flight");
    await hooks.close({ graceMs: 10 });
    expect(signal?.aborted).toBe(true);
    const answer = await running;
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body).error.code).toBe("shutting_down");
    // Released: another instance sharing the store handles the retry at once.
    expect(store.begin("custom:default:msg_1", 1000)).toBe("new");
  });
});
