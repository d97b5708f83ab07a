import { describe, expect, it } from "vitest";
import { SW_VECTOR } from "../test/helpers.js";
import { createVerifier, createWebhooks, memoryStore, standardWebhooks } from "./index.js";

// Every duration and count option is a positive integer in a sane range, refused when something is created
// (security review, finding 6: `retainMs: Infinity` became `PX Infinity`, which Redis refuses).

const scheme = standardWebhooks({ secret: SW_VECTOR.secret });
const events = {};
const BAD: readonly unknown[] = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "10", 2 ** 53];

/** Each option, how it is created, and its range as the message says it. */
const OPTIONS: readonly [string, (value: never) => unknown, string][] = [
  ["retainMs", (retainMs) => createWebhooks({ scheme, events, retainMs }), "from 1 to 2592000000"],
  ["lockMs", (lockMs) => createWebhooks({ scheme, events, lockMs }), "from 1 to 3600000"],
  ["timeoutMs", (timeoutMs) => createWebhooks({ scheme, events, timeoutMs }), "from 1 to 3600000"],
  ["tolerance", (tolerance) => createWebhooks({ scheme, events, tolerance }), "from 1 to 86400"],
  ["maxBodyBytes", (maxBodyBytes) => createWebhooks({ scheme, events, maxBodyBytes }), "from 1 to 67108864"],
  ["maxAge", (maxAge) => createWebhooks({ provider: dated(maxAge) }), "from 1 to 2592000"],
  ["tolerance", (tolerance) => createVerifier({ scheme, tolerance }), "from 1 to 86400"],
  ["maxBodyBytes", (maxBodyBytes) => createVerifier({ scheme, maxBodyBytes }), "from 1 to 67108864"],
  ["maxEntries", (maxEntries) => memoryStore({ maxEntries }), "from 1 to 10000000"],
];

/** A provider whose events carry a signed creation time, so `maxAge` applies. */
function dated(maxAge: number) {
  return {
    name: "dated",
    scheme,
    events,
    eventType: () => "ping",
    eventTime: () => 0,
    maxAge,
  };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("duration and count options", () => {
  describe.each(OPTIONS)("%s", (name, create, range) => {
    it.each(BAD.map((value) => [String(value), value]))(
      "refuses %s when created, naming the option and its range",
      (_, value) => {
        const error = thrown(() => create(value as never));
        expect(error).toBeInstanceOf(TypeError);
        expect((error as Error).message).toBe(`[@hookproof/core] \`${name}\` must be an integer ${range}.`);
      },
    );
  });

  it.each(BAD.map((value) => [String(value), value]))(
    "refuses graceMs %s when close() is called",
    async (_, value) => {
      const hooks = createWebhooks({ scheme, events });
      await expect(hooks.close({ graceMs: value as number })).rejects.toThrow(
        new TypeError("[@hookproof/core] `graceMs` must be an integer from 1 to 3600000."),
      );
      // A refused call does not start a shutdown: the router still takes events.
      expect((await hooks.process({ headers: {}, body: "{}" })).status).not.toBe(503);
    },
  );

  it("accepts the defaults and the ends of each range", async () => {
    expect(() => createWebhooks({ scheme, events })).not.toThrow();
    expect(() => createVerifier({ scheme })).not.toThrow();
    expect(() => memoryStore()).not.toThrow();
    expect(() =>
      createWebhooks({
        provider: dated(30 * 86_400),
        retainMs: 30 * 86_400_000,
        lockMs: 3_600_000,
        timeoutMs: 1,
      }),
    ).not.toThrow();
    expect(() =>
      createWebhooks({ scheme, events, tolerance: 1, maxBodyBytes: 64 * 1024 * 1024 }),
    ).not.toThrow();
    expect(() => createWebhooks({ scheme, events, tolerance: 86_400, maxBodyBytes: 1 })).not.toThrow();
    expect(() => memoryStore({ maxEntries: 1 })).not.toThrow();
    expect(() => memoryStore({ maxEntries: 10_000_000 })).not.toThrow();
    await expect(createWebhooks({ scheme, events }).close({ graceMs: 1 })).resolves.toBeUndefined();
  });
});
