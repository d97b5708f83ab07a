import { describe, expect, it, vi } from "vitest";
import { memoryStore } from "../dedupe/memory-store.js";
import type { DedupeStore } from "../dedupe/types.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { standardWebhooks } from "../schemes/standard-webhooks.js";
import { createWebhooks } from "./create-webhooks.js";
import type { VerifiedEvent } from "./types.js";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const scheme = standardWebhooks({ secret });
const NOW = 1_750_000_000_000;
const now = () => NOW;

interface User {
  type: "user.created";
  data: { id: string };
}
const userSchema: StandardSchemaV1<unknown, User> = {
  "~standard": { version: 1, vendor: "test", validate: (value) => ({ value: value as User }) },
};
const events = { "user.created": userSchema };
const user = { type: "user.created", data: { id: "u1" } };

async function signed(body: unknown, id = "msg_1") {
  const text = JSON.stringify(body);
  return { headers: await scheme.sign({ body: text, id, timestamp: NOW / 1000 }), body: text };
}

/** A queue in memory: what was handed off, by key, as a queue keeping one job per key would hold it. */
function fakeQueue() {
  const jobs = new Map<string, VerifiedEvent>();
  const handoff = vi.fn((event: VerifiedEvent, key: string) => {
    if (!jobs.has(key)) jobs.set(key, event);
  });
  return { jobs, handoff };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("handoff: acknowledge once queued, handle with hooks.run()", () => {
  it("queues a verified event under its dedupe key instead of running the handler in the request", async () => {
    const queue = fakeQueue();
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, handoff: queue.handoff }).on("user.created", handler);
    const answer = await hooks.process(await signed(user));
    expect(answer).toMatchObject({ status: 200, body: '{"ok":true,"queued":true}' });
    expect(handler).not.toHaveBeenCalled();
    expect([...queue.jobs.keys()]).toEqual(["custom:default:msg_1"]);
    expect(queue.jobs.get("custom:default:msg_1")).toMatchObject({ type: "user.created", id: "msg_1" });
  });

  it("runs the queued event's handlers once: a duplicate after completion is acknowledged without queueing", async () => {
    const queue = fakeQueue();
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, handoff: queue.handoff }).on("user.created", handler);
    const request = await signed(user);
    await hooks.process(request);
    const event = queue.jobs.get("custom:default:msg_1") as VerifiedEvent<{ "user.created": User }>;
    expect(await hooks.run(event)).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(handler).toHaveBeenCalledOnce();
    expect(handler.mock.calls[0]?.[1]).toMatchObject({ id: "msg_1", type: "user.created", keyIndex: 0 });

    const again = await hooks.process(request);
    expect(again).toMatchObject({ status: 200, body: '{"ok":true,"duplicate":true}' });
    expect(queue.handoff).toHaveBeenCalledOnce();
    // A redelivery of the job itself (a worker that died before the queue recorded it done) is a no-op.
    expect(await hooks.run(event)).toMatchObject({ status: 200, body: '{"ok":true,"duplicate":true}' });
    expect(handler).toHaveBeenCalledOnce();
  });

  it("acknowledges a duplicate while its job runs (queued again, one job per key); a second run meets 409", async () => {
    const queue = fakeQueue();
    let finish: () => void = () => {};
    const handler = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const hooks = createWebhooks({ scheme, events, now, handoff: queue.handoff }).on("user.created", handler);
    const request = await signed(user);
    await hooks.process(request);
    const event = queue.jobs.get("custom:default:msg_1") as VerifiedEvent<{ "user.created": User }>;
    const running = hooks.run(event);
    await sleep(0);
    expect(await hooks.process(request)).toMatchObject({ status: 200, body: '{"ok":true,"queued":true}' });
    expect(queue.handoff).toHaveBeenCalledTimes(2);
    expect(queue.jobs.size).toBe(1);
    const stalled = await hooks.run(event);
    expect(stalled).toMatchObject({ status: 409, error: { code: "duplicate_in_flight" } });
    expect(Number(stalled.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    finish();
    expect(await running).toMatchObject({ status: 200 });
    expect(handler).toHaveBeenCalledOnce();
  });

  it("answers 503 store_unavailable (naming the queue) when the handoff fails, so the sender retries; nothing is claimed", async () => {
    const store = memoryStore({ now });
    const onRejected = vi.fn();
    let fail = true;
    const handoff = vi.fn(async () => {
      if (fail) throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
    });
    const hooks = createWebhooks({ scheme, events, now, dedupe: store, handoff, onRejected }).on(
      "user.created",
      () => {},
    );
    const request = await signed(user);
    const refused = await hooks.process(request);
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("10");
    expect(JSON.parse(refused.body).error).toMatchObject({
      code: "store_unavailable",
      message: expect.stringContaining("could not be queued"),
    });
    expect(refused.body).not.toContain("ECONNREFUSED");
    expect(onRejected.mock.calls[0]?.[0]).toMatchObject({ code: "store_unavailable" });
    expect(store.peek("custom:default:msg_1")).toBeUndefined();
    // A handoff that throws synchronously is the same answer.
    const throwing = createWebhooks({
      scheme,
      events,
      now,
      handoff: () => {
        throw new Error("no queue");
      },
    });
    expect((await throwing.process(request)).status).toBe(503);

    fail = false;
    expect(await hooks.process(request)).toMatchObject({ status: 200, body: '{"ok":true,"queued":true}' });
  });

  it("answers 503 store_unavailable when the store cannot be read, without queueing", async () => {
    const queue = fakeQueue();
    const store: DedupeStore = {
      begin: () => "new",
      complete: () => {},
      abort: () => {},
      peek: async () => {
        throw new Error("redis down");
      },
    };
    const hooks = createWebhooks({ scheme, events, now, dedupe: store, handoff: queue.handoff });
    const answer = await hooks.process(await signed(user));
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body).error.code).toBe("store_unavailable");
    expect(queue.handoff).not.toHaveBeenCalled();
  });

  it("hands off every event with `dedupe: false` (the queue alone dedupes by key)", async () => {
    const queue = fakeQueue();
    const hooks = createWebhooks({ scheme, events, now, dedupe: false, handoff: queue.handoff });
    const request = await signed(user);
    await hooks.process(request);
    await hooks.process(request);
    expect(queue.handoff).toHaveBeenCalledTimes(2);
    expect(queue.jobs.size).toBe(1);
  });

  it("hands a failing handler's error to the worker, releases the claim, and handles the retry", async () => {
    const queue = fakeQueue();
    const store = memoryStore({ now });
    const boom = new Error("smtp down");
    let calls = 0;
    const hooks = createWebhooks({ scheme, events, now, dedupe: store, handoff: queue.handoff }).on(
      "user.created",
      () => {
        if (++calls === 1) throw boom;
      },
    );
    await hooks.process(await signed(user));
    const event = queue.jobs.get("custom:default:msg_1") as VerifiedEvent<{ "user.created": User }>;
    const failed = await hooks.run(event);
    expect(failed.status).toBe(500);
    expect(failed.error).toMatchObject({ code: "handler_failed", cause: boom });
    expect(store.peek("custom:default:msg_1")).toBeUndefined();
    expect(await hooks.run(event)).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(store.peek("custom:default:msg_1")).toBe("done");
    expect(queue.handoff).toHaveBeenCalledOnce();
  });

  it("keeps the HTTP answers as they were: a refusal from process() carries no error object", async () => {
    const hooks = createWebhooks({ scheme, events, now, handoff: fakeQueue().handoff });
    const refused = await hooks.process({ headers: (await signed(user)).headers, body: "{}" });
    expect(refused.status).toBe(401);
    expect(Object.keys(refused).sort()).toEqual(["body", "headers", "status"]);
  });

  it("refuses a handoff that is not a function, or a store that cannot peek, when created", () => {
    expect(() => createWebhooks({ scheme, events, handoff: "queue" as never })).toThrow(
      /\[@hookproof\/core\] `handoff` must be a function/,
    );
    const store: DedupeStore = { begin: () => "new", complete: () => {}, abort: () => {} };
    expect(() => createWebhooks({ scheme, events, dedupe: store, handoff: () => {} })).toThrow(
      /\[@hookproof\/core\] `handoff` needs a dedupe store with `peek`/,
    );
  });

  it("refuses new handoffs once closing", async () => {
    const queue = fakeQueue();
    const hooks = createWebhooks({ scheme, events, now, handoff: queue.handoff });
    await hooks.close();
    const answer = await hooks.process(await signed(user));
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body).error.code).toBe("shutting_down");
    expect(queue.handoff).not.toHaveBeenCalled();
  });
});
