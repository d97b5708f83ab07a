import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { at, INVALID_UTF8, outcome, TEXT_BODIES, utf8 } from "../../test/helpers.js";
import { createVerifier, readHeaders, standardWebhooks } from "../index.js";

// 24 random bytes, as Svix makes its endpoint secrets.
const secret = "whsec_Yi/o7IWMLjSnvpgkSjXsPcQ8KWYrjWOR";
const id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("svix 1.99 → hookproof", () => {
  it.each(TEXT_BODIES.map((b) => [b.name, b] as const))("%s", async (_, { text, json }) => {
    const timestamp = 1732291200;
    const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), text);
    // svix signs a Buffer as its text: the same signature either way.
    expect(new Webhook(secret).sign(id, new Date(timestamp * 1000), Buffer.from(text))).toBe(signature);
    const headers = { "svix-id": id, "svix-timestamp": String(timestamp), "svix-signature": signature };
    const scheme = standardWebhooks({ secret });
    expect(await scheme.verify({ header: readHeaders(headers), body: utf8(text) })).toEqual({
      id,
      timestamp,
      keyIndex: 0,
    });
    if (json) {
      const verified = await createVerifier({ scheme, now: at(timestamp) }).verify({
        headers,
        body: Buffer.from(text),
      });
      expect(verified.payload).toEqual(JSON.parse(text));
    }
    // And the body one byte longer fails, so the pass above means something.
    expect(await outcome(() => scheme.verify({ header: readHeaders(headers), body: utf8(`${text} `) }))).toBe(
      "invalid_signature",
    );
  });
});

describe("hookproof → svix 1.99", () => {
  it.each(TEXT_BODIES.map((b) => [b.name, b] as const))(
    "%s, under svix-* and webhook-* names",
    async (_, { text, json }) => {
      for (const signHeaders of ["svix", "webhook"] as const) {
        const headers = await standardWebhooks({ secret, signHeaders }).sign({
          body: text,
          id,
          timestamp: nowSeconds(),
        });
        expect(Object.keys(headers).every((name) => name.startsWith(`${signHeaders}-`))).toBe(true);
        if (json) expect(new Webhook(secret).verify(text, headers)).toEqual(JSON.parse(text));
        // svix 1.99 (on standardwebhooks 1.0.0) parses JSON only after a signature matched, and "" is
        // not JSON: reaching that SyntaxError is svix accepting the signature.
        else expect(() => new Webhook(secret).verify(text, headers)).toThrow(SyntaxError);
        expect(() => new Webhook(secret).verify(`${text} `, headers)).toThrow(/No matching signature/);
      }
    },
  );

  it("svix accepts hookproof's signature when it is the second one of a rotation header", async () => {
    const timestamp = nowSeconds();
    const text = TEXT_BODIES[1]?.text ?? "";
    const old = new Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign(
      id,
      new Date(timestamp * 1000),
      text,
    );
    const headers = await standardWebhooks({ secret, signHeaders: "svix" }).sign({
      body: text,
      id,
      timestamp,
    });
    const both = { ...headers, "svix-signature": `${old} ${headers["svix-signature"]}` };
    expect(new Webhook(secret).verify(text, both)).toEqual(JSON.parse(text));
    expect(
      (await standardWebhooks({ secret }).verify({ header: readHeaders(both), body: utf8(text) })).keyIndex,
    ).toBe(0);
  });
});

describe("bytes that are not UTF-8", () => {
  it("hookproof signs and verifies the exact bytes", async () => {
    const scheme = standardWebhooks({ secret });
    const headers = await scheme.sign({ body: INVALID_UTF8, id, timestamp: 1732291200 });
    expect(await scheme.verify({ header: readHeaders(headers), body: INVALID_UTF8 })).toMatchObject({
      keyIndex: 0,
    });
  });

  it("svix decodes a Buffer to text first; hookproof does not accept that lossy signature for the raw bytes", async () => {
    const timestamp = 1732291200;
    const lossy = utf8(Buffer.from(INVALID_UTF8).toString());
    expect(lossy).not.toEqual(INVALID_UTF8);
    const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), Buffer.from(INVALID_UTF8));
    const headers = { "svix-id": id, "svix-timestamp": String(timestamp), "svix-signature": signature };
    const scheme = standardWebhooks({ secret });
    // What svix signed is the U+FFFD-replaced text, not the bytes on the wire.
    expect(await outcome(() => scheme.verify({ header: readHeaders(headers), body: lossy }))).toBe("ok");
    expect(await outcome(() => scheme.verify({ header: readHeaders(headers), body: INVALID_UTF8 }))).toBe(
      "invalid_signature",
    );
  });
});
