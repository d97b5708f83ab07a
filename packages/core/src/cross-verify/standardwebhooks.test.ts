import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { at, outcome, SW_VECTOR, TEXT_BODIES, utf8 } from "../../test/helpers.js";
import { createVerifier, readHeaders, standardWebhooks } from "../index.js";

const { secret, id } = SW_VECTOR;
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("standardwebhooks (reference library) ↔ hookproof", () => {
  it.each(TEXT_BODIES.map((b) => [b.name, b] as const))(
    "%s: signed by the reference, verified by hookproof",
    async (_, { text, json }) => {
      const timestamp = 1614265330;
      const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), text);
      const headers = {
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
      };
      const scheme = standardWebhooks({ secret });
      expect(await scheme.verify({ header: readHeaders(headers), body: utf8(text) })).toEqual({
        id,
        timestamp,
        keyIndex: 0,
      });
      if (json) {
        const verifier = createVerifier({ scheme, now: at(timestamp) });
        expect((await verifier.verify({ headers: new Headers(headers), body: utf8(text) })).payload).toEqual(
          JSON.parse(text),
        );
      }
    },
  );

  it.each(TEXT_BODIES.map((b) => [b.name, b] as const))(
    "%s: signed by hookproof, verified by the reference",
    async (_, { text }) => {
      const headers = await standardWebhooks({ secret }).sign({ body: text, id, timestamp: nowSeconds() });
      expect(() => new Webhook(secret).verify(text, headers, { jsonParse: false })).not.toThrow();
      expect(() => new Webhook(secret).verify(`${text}x`, headers, { jsonParse: false })).toThrow(
        /No matching signature/,
      );
    },
  );

  it("agrees on the published vector", () => {
    const reference = new Webhook(secret).sign(id, new Date(SW_VECTOR.timestamp * 1000), SW_VECTOR.body);
    expect(reference).toBe(SW_VECTOR.signature);
  });

  it('agrees with the reference\'s raw-key form (`format: "raw"`) given the same bytes', async () => {
    const key = utf8("a raw 32-byte key for this test!");
    const text = '{"raw":true}';
    const timestamp = nowSeconds();
    const reference = new Webhook(key, { format: "raw" });
    const headers = await standardWebhooks({ secret: key }).sign({ body: text, id, timestamp });
    expect(reference.verify(text, headers)).toEqual({ raw: true });
    expect(headers["webhook-signature"]).toBe(reference.sign(id, new Date(timestamp * 1000), text));
  });

  it("both reject a stale request; hookproof says which way the clock is off", async () => {
    const timestamp = nowSeconds() - 301;
    const headers = await standardWebhooks({ secret }).sign({ body: "{}", id, timestamp });
    expect(() => new Webhook(secret).verify("{}", headers)).toThrow(/too old/);
    expect(
      await outcome(() =>
        createVerifier({ scheme: standardWebhooks({ secret }) }).verify({ headers, body: "{}" }),
      ),
    ).toBe("timestamp_expired");
  });
});
