import { describe, expect, it } from "vitest";
import { anything, bodyOnly, clock, standard, T } from "../../test/deliveries.js";
import { at } from "../../test/helpers.js";
import { githubHmac } from "../../test/hmac-presets.js";
import { createVerifier, createWebhooks, type WebhookScheme } from "../index.js";

const { now } = clock();

/** The same request through `createVerifier` and through a router with the default rules: both events. */
async function both(scheme: WebhookScheme, body: string, id?: string) {
  const headers = await scheme.sign({ body, id, timestamp: T });
  const verified = await createVerifier({ scheme, now: at(T) }).verify({ headers, body });
  const hooks = createWebhooks({ scheme, events: { ping: anything }, now, replayBound: "retention" });
  const routed = await hooks.verify({ headers, body });
  return { verified, routed };
}

describe("one event stage for createVerifier and the router", () => {
  it.each([
    ["a signed id header", standard, '{"id":"evt_body","type":"ping"}', "msg_signed", "msg_signed"],
    ["the body's own id, no signed one", bodyOnly, '{"id":"evt_body","type":"ping"}', undefined, "evt_body"],
    [
      "an unsigned delivery id header",
      githubHmac({ secret: "gh-secret-7Qm2vX9pL4sT" }),
      '{"type":"ping"}',
      "d-1",
    ],
    ["no id anywhere", bodyOnly, '{"type":"ping"}', undefined],
  ] as const)(
    "gives the same id, timestamp, payload, bytes and key from %s",
    async (_, scheme, body, id, expected?) => {
      const { verified, routed } = await both(scheme, body, id);
      expect(verified.id).toBe(expected ?? verified.id);
      if (expected === undefined) expect(verified.id).toMatch(/^sha256:[0-9a-f]{64}$/);
      const { type, provider, ...rest } = routed;
      expect(rest).toEqual(verified);
      expect([type, provider]).toEqual(["ping", "custom"]);
    },
  );
});
