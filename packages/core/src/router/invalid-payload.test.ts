import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { genericHmac } from "../../test/hmac-presets.js";
import { memoryStore } from "../dedupe/memory-store.js";
import type { WebhookVerificationError } from "../errors.js";
import { standardWebhooks } from "../schemes/standard-webhooks.js";
import { createWebhooks } from "./create-webhooks.js";
import type { InvalidPayloadEvent, WebhookContext } from "./types.js";

const scheme = standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
const NOW = 1_750_000_000_000;
const now = () => NOW;
const events = {
  "user.created": z.object({
    type: z.literal("user.created"),
    data: z.object({ id: z.string(), email: z.string() }),
  }),
};

async function signed(body: unknown, id = "msg_1") {
  const text = JSON.stringify(body);
  return { headers: await scheme.sign({ body: text, id, timestamp: NOW / 1000 }), body: text };
}

// A sender's shape change: `data.email` is gone and `data.id` became a number.
const broken = { type: "user.created", data: { id: 42, name: "Ada" } };

describe("an authenticated event that breaks its schema", () => {
  it("is refused 400 by default, reported to onRejected, and reaches no handler", async () => {
    const rejected: WebhookVerificationError[] = [];
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, onRejected: (error) => rejected.push(error) }).on(
      "user.created",
      handler,
    );
    const answer = await hooks.process(await signed(broken));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe("invalid_payload");
    expect(rejected.map((error) => [error.code, error.path])).toEqual([["invalid_payload", "data.id"]]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("is acknowledged as parked with onInvalidPayload, which gets the raw bytes and every issue", async () => {
    const parked: [InvalidPayloadEvent, WebhookContext][] = [];
    const handler = vi.fn();
    const onVerified = vi.fn();
    const onRejected = vi.fn();
    const hooks = createWebhooks({
      scheme,
      events,
      now,
      onVerified,
      onRejected,
      onInvalidPayload: (event, context) => void parked.push([event, context]),
    })
      .on("user.created", handler)
      .onAny(handler);
    const request = await signed(broken);
    const answer = await hooks.process(request);
    expect([answer.status, answer.body]).toEqual([200, '{"ok":true,"parked":true}']);
    expect(parked).toHaveLength(1);
    const [event, context] = parked[0] as [InvalidPayloadEvent, WebhookContext];
    expect(event).toMatchObject({
      type: "user.created",
      id: "msg_1",
      provider: "custom",
      timestamp: NOW / 1000,
      payload: broken,
      keyIndex: 0,
    });
    expect(new TextDecoder().decode(event.raw)).toBe(request.body);
    expect(event.issues).toEqual([
      { path: "data.id", message: "expected string" },
      { path: "data.email", message: "missing" },
    ]);
    expect([context.id, context.type]).toEqual(["msg_1", "user.created"]);
    expect(handler).not.toHaveBeenCalled();
    expect(onVerified).not.toHaveBeenCalled();
    expect(onRejected).not.toHaveBeenCalled();
  });

  it("is parked once: a redelivery is a duplicate, and a valid event is still handled", async () => {
    const onInvalidPayload = vi.fn();
    const handler = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, onInvalidPayload }).on("user.created", handler);
    const request = await signed(broken);
    expect((await hooks.process(request)).body).toBe('{"ok":true,"parked":true}');
    expect((await hooks.process(request)).body).toBe('{"ok":true,"duplicate":true}');
    expect(onInvalidPayload).toHaveBeenCalledTimes(1);
    const valid = await signed({ type: "user.created", data: { id: "u1", email: "a@example.com" } }, "msg_2");
    expect((await hooks.process(valid)).body).toBe('{"ok":true}');
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("stays retryable when the hook throws or rejects: 500, reported to onError, parked on the retry", async () => {
    for (const fail of [
      () => {
        throw new Error("parking lot full");
      },
      async () => Promise.reject(new Error("parking lot full")),
    ]) {
      let calls = 0;
      const errors: [WebhookVerificationError, unknown][] = [];
      const hooks = createWebhooks({
        scheme,
        events,
        now,
        dedupe: memoryStore({ now }),
        onError: (error, event) => errors.push([error, event]),
        onInvalidPayload: () => (++calls === 1 ? fail() : undefined),
      });
      const request = await signed(broken);
      const first = await hooks.process(request);
      expect(first.status).toBe(500);
      expect(JSON.parse(first.body).error.code).toBe("handler_failed");
      expect(errors).toHaveLength(1);
      expect(errors[0]?.[0].message).toContain("onInvalidPayload");
      expect(errors[0]?.[1]).toMatchObject({
        id: "msg_1",
        issues: [{ path: "data.id" }, { path: "data.email" }],
      });
      expect((await hooks.process(request)).body).toBe('{"ok":true,"parked":true}');
      expect(calls).toBe(2);
    }
  });

  it("waits for an asynchronous hook before acknowledging", async () => {
    const order: string[] = [];
    const hooks = createWebhooks({
      scheme,
      events,
      now,
      onInvalidPayload: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push("parked");
      },
    });
    const answer = await hooks.process(await signed(broken));
    order.push("answered");
    expect(answer.body).toBe('{"ok":true,"parked":true}');
    expect(order).toEqual(["parked", "answered"]);
  });

  it("still throws from hooks.verify(), which hands events on and parks nothing", async () => {
    const onInvalidPayload = vi.fn();
    const hooks = createWebhooks({ scheme, events, now, onInvalidPayload });
    await expect(hooks.verify(await signed(broken))).rejects.toMatchObject({
      code: "invalid_payload",
      path: "data.id",
    });
    expect(onInvalidPayload).not.toHaveBeenCalled();
  });

  it("is not parked when maxAge cannot read its creation time: that would lift the replay bound", async () => {
    const secret = "generic-secret-0123456789";
    const body = JSON.stringify({ id: "evt_1", type: "user.created", created_at: "yesterday", data: {} });
    const onInvalidPayload = vi.fn();
    const hooks = createWebhooks({
      provider: {
        name: "generic",
        scheme: genericHmac({ secret }),
        events: { "user.created": z.object({ created_at: z.iso.datetime() }) },
        eventType: () => "user.created",
        eventTime: (payload) => Date.parse((payload as { created_at: string }).created_at) || undefined,
        maxAge: 3600,
      },
      now,
      onInvalidPayload,
    });
    const answer = await hooks.process({ headers: await genericHmac({ secret }).sign({ body }), body });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toContain("at `created_at`");
    expect(onInvalidPayload).not.toHaveBeenCalled();
  });
});
