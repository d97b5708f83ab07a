import { describe, expect, it } from "vitest";
import { signedPost, type TestEvents, testProvider } from "../../test/framework-provider.js";
import { createWebhooks, type ObservedRequest, type RouterOptions } from "../index.js";

const URL_ = "https://hooks.example.com/webhooks";
const body = '{"id":"evt_1","type":"ping"}';

function router(options: Partial<RouterOptions<TestEvents>> = {}) {
  const provider = testProvider();
  const handled: string[] = [];
  const rejected: string[] = [];
  const hooks = createWebhooks({ provider, onRejected: (e) => rejected.push(e.code), ...options }).on(
    "ping",
    (_, context) => {
      handled.push(context.id);
    },
  );
  const forged = () =>
    new Request(URL_, { method: "POST", headers: { "x-url-signature": "00".repeat(32) }, body });
  return { provider, hooks, handled, rejected, forged };
}

describe('mode: "observe"', () => {
  it("hands a request enforce mode would refuse to onObserved, with its bytes, and answers 200", async () => {
    const observed: ObservedRequest[] = [];
    const { hooks, handled, rejected, forged } = router({
      mode: "observe",
      onObserved: (request) => {
        observed.push(request);
      },
    });
    const response = await hooks.handle(forged());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, observed: true });
    expect(rejected).toEqual(["invalid_signature"]);
    expect(handled).toEqual([]);
    expect(observed).toHaveLength(1);
    expect(observed[0]?.error.code).toBe("invalid_signature");
    expect(new TextDecoder().decode(observed[0]?.raw)).toBe(body);
    expect(observed[0]).toMatchObject({ method: "POST", url: URL_ });
  });

  it("is what DESIGN.md calls `enforce: false`; `mode` and `enforce` that disagree are refused at creation", async () => {
    const observed: ObservedRequest[] = [];
    const { hooks, forged } = router({
      enforce: false,
      onObserved: (request) => void observed.push(request),
    });
    expect(hooks.mode).toBe("observe");
    expect(await (await hooks.handle(forged())).json()).toEqual({ ok: true, observed: true });
    expect(observed[0]?.error.code).toBe("invalid_signature");
    expect(router({ enforce: true }).hooks.mode).toBe("enforce");
    expect(() => router({ mode: "enforce", enforce: false })).toThrow(/`mode` and `enforce` disagree/);
    expect(() => router({ enforce: "no" as unknown as boolean })).toThrow(/`enforce` is a boolean/);
  });

  it("still handles a valid request exactly once", async () => {
    const { provider, hooks, handled } = router({ mode: "observe", onObserved: () => {} });
    expect((await hooks.handle(signedPost(provider, URL_, body))).status).toBe(200);
    expect((await hooks.handle(signedPost(provider, URL_, body))).status).toBe(200);
    expect(handled).toEqual(["evt_1"]);
  });

  it("answers 500 when onObserved throws (the sender retries), and the refusal itself without onObserved", async () => {
    const throwing = router({
      mode: "observe",
      onObserved: () => {
        throw new Error("legacy handler down");
      },
    });
    expect((await throwing.hooks.handle(throwing.forged())).status).toBe(500);
    const bare = router({ mode: "observe" });
    expect((await bare.hooks.handle(bare.forged())).status).toBe(401);
    expect(bare.rejected).toEqual(["invalid_signature"]);
  });

  it("gives verify-only middleware a refusal verdict with no answer, so the request goes through", async () => {
    const observing = router({ mode: "observe" });
    const input = { headers: { "x-url-signature": "00".repeat(32) }, body, method: "POST", url: URL_ };
    const verdict = await observing.hooks.check(input);
    expect(verdict).toMatchObject({
      outcome: "rejected",
      answer: undefined,
      error: { code: "invalid_signature" },
    });
    expect(observing.rejected).toEqual(["invalid_signature"]);
    const enforcing = router();
    expect((await enforcing.hooks.check(input)).answer?.status).toBe(401);
    expect(enforcing.hooks.mode).toBe("enforce");
  });

  it("refuses an unknown mode, and onObserved outside observe mode, when created", () => {
    expect(() => router({ mode: "audit" as "observe" })).toThrow(/^\[@hookproof\/core\] `mode`/);
    expect(() => router({ onObserved: () => {} })).toThrow(/only called in `mode: "observe"`/);
  });
});
