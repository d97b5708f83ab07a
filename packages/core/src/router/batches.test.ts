import { describe, expect, it } from "vitest";
import { signedPost, type TestEvents, testProvider } from "../../test/framework-provider.js";
import { type BatchItemResult, createWebhooks, memoryStore, type RouterOptions } from "../index.js";

const URL_ = "https://hooks.example.com/webhooks";
const batch = JSON.stringify({
  events: [
    { id: "e1", type: "ping" },
    { id: "e2", type: "ping" },
    { id: "e3", type: "ping" },
  ],
});

function router(options: Partial<RouterOptions<TestEvents>> = {}) {
  const provider = testProvider({ batch: true });
  const runs: string[] = [];
  const batches: (readonly BatchItemResult[])[] = [];
  const failing = new Set<string>();
  const hooks = createWebhooks({ provider, onBatch: (r) => batches.push(r), ...options }).on(
    "ping",
    (_, context) => {
      runs.push(context.id);
      if (failing.has(context.id)) throw new Error("downstream unavailable");
    },
  );
  const send = async () => {
    const response = await hooks.handle(signedPost(provider, URL_, batch));
    return { status: response.status, body: JSON.parse(await response.text()) };
  };
  return { hooks, runs, batches, failing, send, provider };
}

describe("batches", () => {
  it("types, identifies, dedupes and handles each event on its own, and answers 200", async () => {
    const { runs, batches, send } = router();
    expect(await send()).toEqual({ status: 200, body: { ok: true } });
    expect(runs).toEqual(["e1", "e2", "e3"]);
    expect(batches[0]?.map((r) => [r.id, r.outcome])).toEqual([
      ["e1", "handled"],
      ["e2", "handled"],
      ["e3", "handled"],
    ]);
    // The same batch again: every event a duplicate, no handler runs, answered as a duplicate.
    expect(await send()).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    expect(runs).toHaveLength(3);
    expect(batches[1]?.map((r) => r.outcome)).toEqual(["duplicate", "duplicate", "duplicate"]);
  });

  it("answers 500 when one event fails, releases it, keeps the others done; the retry runs only it", async () => {
    const errors: string[] = [];
    const { runs, batches, failing, send } = router({ onError: (_, event) => errors.push(event.id) });
    failing.add("e2");
    const first = await send();
    expect(first.status).toBe(500);
    expect(first.body.error.code).toBe("handler_failed");
    expect(errors).toEqual(["e2"]);
    expect(batches[0]?.map((r) => [r.outcome, r.status, r.error?.code])).toEqual([
      ["handled", 200, undefined],
      ["failed", 500, "handler_failed"],
      ["handled", 200, undefined],
    ]);
    failing.clear();
    expect((await send()).status).toBe(200);
    expect(runs).toEqual(["e1", "e2", "e3", "e2"]);
    expect(batches[1]?.map((r) => r.outcome)).toEqual(["duplicate", "handled", "duplicate"]);
  });

  it("handles each event once when the same batch arrives while it is in flight; the sender's retry finishes it", async () => {
    const provider = testProvider({ batch: true });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runs: string[] = [];
    const hooks = createWebhooks({ provider, dedupe: memoryStore() }).on("ping", async (_, context) => {
      runs.push(context.id);
      await gate;
    });
    const first = hooks.handle(signedPost(provider, URL_, batch));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = hooks.handle(signedPost(provider, URL_, batch));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const statuses = [(await first).status, (await second).status];
    // e1 was in flight when the second arrived: it is answered 409 (with Retry-After) so the sender retries.
    expect(statuses).toContain(409);
    expect([...runs].sort()).toEqual(["e1", "e2", "e3"]);
    let retry = await hooks.handle(signedPost(provider, URL_, batch));
    if (retry.status === 409) retry = await hooks.handle(signedPost(provider, URL_, batch));
    expect(retry.status).toBe(200);
    expect([...runs].sort()).toEqual(["e1", "e2", "e3"]);
  });

  it("takes an event's id from its own fields (else its hash), never the request's signed id", async () => {
    const { provider, hooks } = router();
    const body = JSON.stringify({
      events: [
        { type: "ping", n: 1 },
        { type: "ping", n: 2 },
      ],
    });
    const request = signedPost(provider, URL_, body);
    const verdict = await hooks.check({ headers: request.headers, body, method: "POST", url: URL_ });
    expect(verdict.outcome).toBe("verified");
    const ids = verdict.outcome === "verified" ? verdict.events.map((e) => e.id) : [];
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(verdict.outcome === "verified" && verdict.event).toBe(undefined);
  });

  it("refuses an event that breaks its type on its own and handles the rest (400: a retry cannot fix it)", async () => {
    const rejected: string[] = [];
    const { provider, hooks, runs } = router({ onRejected: (error) => rejected.push(error.code) });
    const body = JSON.stringify({ events: [{ id: "a", type: "ping" }, { id: "b" }] });
    const response = await hooks.handle(signedPost(provider, URL_, body));
    expect(response.status).toBe(400);
    expect(runs).toEqual(["a"]);
    expect(rejected).toEqual(["invalid_payload"]);
  });
});
