import { describe, expect, it } from "vitest";
import { countedStream } from "../../test/adapter-kit.js";
import type { WebhookVerificationError } from "../errors.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { standardWebhooks } from "../schemes/standard-webhooks.js";
import { createVerifier } from "../verify/create-verifier.js";
import { createWebhooks } from "./create-webhooks.js";

const scheme = standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
const NOW_S = 1_750_000_000;
const MiB = 1024 * 1024;
const anything: StandardSchemaV1 = {
  "~standard": { version: 1, vendor: "test", validate: (value) => ({ value }) },
};
const text = JSON.stringify({ type: "user.created", data: {} });

function router() {
  const rejected: string[] = [];
  const hooks = createWebhooks({
    scheme,
    events: { "user.created": anything },
    now: () => NOW_S * 1000,
    onRejected: (error: WebhookVerificationError) => {
      rejected.push(error.code);
    },
  }).on("user.created", () => {});
  return { hooks, rejected };
}

/** A body read on demand that records whether it was. */
function lazy(body: string) {
  const reads = { count: 0 };
  return {
    reads,
    body: () => {
      reads.count++;
      return Promise.resolve(new TextEncoder().encode(body));
    },
  };
}

describe("a request missing its signature headers is refused before its body is read", () => {
  it("handle(): 400 missing_header without pulling a byte of an 8 MiB body, and onRejected hears it", async () => {
    const { hooks, rejected } = router();
    const counter = { pulled: 0 };
    const request = new Request("https://app.example/webhooks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: countedStream(8 * MiB, counter),
      duplex: "half",
    } as RequestInit);
    const response = await hooks.handle(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "missing_header" } });
    expect(counter.pulled).toBe(0);
    expect(request.bodyUsed).toBe(false);
    expect(rejected).toEqual(["missing_header"]);
  });

  it("handle(): a signed request still streams its body, and is cut off at the limit", async () => {
    const { hooks } = router();
    const headers = await scheme.sign({ body: text, id: "msg_1", timestamp: NOW_S });
    const ok = await hooks.handle(
      new Request("https://app.example/webhooks", { method: "POST", headers, body: text }),
    );
    expect(ok.status).toBe(200);
    const counter = { pulled: 0 };
    const big = new Request("https://app.example/webhooks", {
      method: "POST",
      headers,
      body: countedStream(8 * MiB, counter),
      duplex: "half",
    } as RequestInit);
    expect((await hooks.handle(big)).status).toBe(413);
    expect(counter.pulled).toBeGreaterThan(MiB);
    expect(counter.pulled).toBeLessThanOrEqual(MiB + 64 * 1024);
  });

  it("process(): a lazy body is never called without the headers, called once with them", async () => {
    const { hooks, rejected } = router();
    const missing = lazy(text);
    expect(await hooks.process({ headers: { "webhook-id": "msg_1" }, body: missing.body })).toMatchObject({
      status: 400,
      body: expect.stringContaining("webhook-signature"),
    });
    expect(missing.reads.count).toBe(0);
    expect(rejected).toEqual(["missing_header"]);

    const present = lazy(text);
    const headers = await scheme.sign({ body: text, id: "msg_2", timestamp: NOW_S });
    expect(await hooks.process({ headers, body: present.body })).toMatchObject({ status: 200 });
    expect(present.reads.count).toBe(1);
  });

  it("process(): a refusal while reading the body is answered and reported like any other", async () => {
    const { hooks, rejected } = router();
    const headers = await scheme.sign({ body: text, id: "msg_3", timestamp: NOW_S });
    const result = await hooks.process({
      headers,
      body: () => Promise.reject(new Error("the connection closed")),
    });
    expect(result.status).toBe(500);
    expect(rejected).toEqual(["handler_failed"]);
    // A synchronous body works as well, with no promise in between.
    const sync = await hooks.process({ headers, body: () => text });
    expect(sync).toMatchObject({ status: 200 });
  });

  it("createVerifier().verify and hooks.verify: the same with a lazy body", async () => {
    const verifier = createVerifier({ scheme, now: () => NOW_S * 1000 });
    const { hooks } = router();
    for (const verify of [verifier.verify, hooks.verify]) {
      const missing = lazy(text);
      await expect(verify({ headers: new Headers(), body: missing.body })).rejects.toMatchObject({
        code: "missing_header",
        status: 400,
      });
      expect(missing.reads.count).toBe(0);
      const present = lazy(text);
      const headers = await scheme.sign({ body: text, id: "msg_4", timestamp: NOW_S });
      expect(await verify({ headers, body: present.body })).toMatchObject({ id: "msg_4" });
      expect(present.reads.count).toBe(1);
    }
  });

  it("a lazy body over the size limit is refused as payload_too_large after the header check", async () => {
    const verifier = createVerifier({ scheme, maxBodyBytes: 8, now: () => NOW_S * 1000 });
    const headers = await scheme.sign({ body: text, id: "msg_5", timestamp: NOW_S });
    await expect(verifier.verify({ headers, body: () => text })).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });
});
