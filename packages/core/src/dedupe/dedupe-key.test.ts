import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { delivery, events, json, bodyOnly as scheme } from "../../test/deliveries.js";
import { createWebhooks } from "../router/create-webhooks.js";
import { dedupeKeys } from "./dedupe-key.js";
import { memoryStore } from "./memory-store.js";
import type { DedupeStore } from "./types.js";

// Dedupe keys (security review, findings 4 and 5): bounded whatever the id, unambiguous across endpoints.

/** A real memoryStore that also lists the keys it was given. */
function recording(): { store: DedupeStore; keys: string[] } {
  const inner = memoryStore();
  const keys: string[] = [];
  const store: DedupeStore = {
    begin(key, lockMs) {
      keys.push(key);
      return inner.begin(key, lockMs);
    },
    complete: (key, retainMs, pinMs) => inner.complete(key, retainMs, pinMs),
    abort: (key) => inner.abort(key),
  };
  return { store, keys };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("dedupe keys", () => {
  it("hashes an id over 256 characters before it becomes a key: a 1 MB id is a short key, still deduped", async () => {
    const { store, keys } = recording();
    let runs = 0;
    const hooks = createWebhooks({ scheme, events, dedupe: store, replayBound: "retention" }).on(
      "ping",
      () => {
        runs++;
      },
    );
    const huge = `evt_${"x".repeat(1_000_000)}`; // 1 MB: the body stays under the 1 MiB limit
    const request = await delivery(scheme, huge);
    expect((await hooks.process(request)).status).toBe(200);
    expect(json(await hooks.process(request))).toEqual({ ok: true, duplicate: true });
    expect(runs).toBe(1);
    expect(keys).toEqual([`custom:default:sha256:${sha256(huge)}`, `custom:default:sha256:${sha256(huge)}`]);

    const edge = "e".repeat(256);
    await hooks.process(await delivery(scheme, edge));
    await hooks.process(await delivery(scheme, `${edge}f`));
    expect(keys.slice(2)).toEqual([`custom:default:${edge}`, `custom:default:sha256:${sha256(`${edge}f`)}`]);
  });

  it("keeps endpoint `shop` with id `x:evt_1` apart from endpoint `shop:x` with id `evt_1` in one store", async () => {
    const store = memoryStore();
    const handled: string[] = [];
    const router = (endpoint: string) =>
      createWebhooks({ scheme, events, dedupe: store, endpoint, replayBound: "retention" }).on(
        "ping",
        (_event, context) => {
          handled.push(`${endpoint} ${context.id}`);
        },
      );
    expect(json(await router("shop").process(await delivery(scheme, "x:evt_1")))).toEqual({ ok: true });
    expect(json(await router("shop:x").process(await delivery(scheme, "evt_1")))).toEqual({ ok: true });
    expect(handled).toEqual(["shop x:evt_1", "shop:x evt_1"]);
  });

  it("escapes `%` and `:` in the provider and endpoint, and leaves other keys as they were", async () => {
    expect(await dedupeKeys("stack-auth", "default")("msg_2Z")).toBe("stack-auth:default:msg_2Z");
    expect(await dedupeKeys("custom", "shop")("x:evt_1")).toBe("custom:shop:x:evt_1");
    expect(await dedupeKeys("custom", "shop:x")("evt_1")).toBe("custom:shop%3Ax:evt_1");
    expect(await dedupeKeys("custom", "shop%3Ax")("evt_1")).toBe("custom:shop%253Ax:evt_1");
  });
});
