import { describe, expect, it } from "vitest";
import { signedPost, testProvider } from "../../test/framework-provider.js";
import { utf8 } from "../../test/helpers.js";
import { createWebhooks, parseForm, parseFormJson, type WebhookScheme } from "../index.js";

const URL_ = "https://hooks.example.com/webhooks";

describe("parseForm", () => {
  it("decodes names and values (+ is a space), keeps repeated names as lists, and has no prototype", () => {
    const fields = parseForm(
      utf8("From=%2B14155550100&Body=Hi+there%21&To=a&To=b&To=c&flag&__proto__=x&%C3%A9=%E2%82%AC"),
    );
    expect(Object.entries(fields)).toEqual([
      ["From", "+14155550100"],
      ["Body", "Hi there!"],
      ["To", ["a", "b", "c"]],
      ["flag", ""],
      ["__proto__", "x"],
      ["é", "€"],
    ]);
    expect(Object.getPrototypeOf(fields)).toBe(null);
    expect(parseForm(utf8(""))).toEqual({});
  });

  it("refuses a body that is not UTF-8 or has a broken escape (invalid_payload)", () => {
    expect(() => parseForm(new Uint8Array([0x61, 0x3d, 0xff]))).toThrow(
      expect.objectContaining({ code: "invalid_payload" }),
    );
    expect(() => parseForm(utf8("a=%E2%82"))).toThrow(expect.objectContaining({ code: "invalid_payload" }));
  });

  it("reads the JSON in one parameter (Slack interactivity's payload=)", () => {
    const raw = utf8(`payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"}}')}`);
    expect(parseFormJson(raw, "payload")).toEqual({ type: "block_actions", user: { id: "U1" } });
    expect(() => parseFormJson(utf8("other=1"), "payload")).toThrow(
      expect.objectContaining({ code: "invalid_payload" }),
    );
    expect(() => parseFormJson(utf8("payload=%7Bno"), "payload")).toThrow(
      expect.objectContaining({ code: "invalid_json" }),
    );
  });
});

describe("a provider's decode", () => {
  it("decodes the authenticated bytes as the provider says, after the signature passed", async () => {
    const provider = {
      ...testProvider(),
      decode: (raw: Uint8Array) => parseForm(raw),
      eventType: () => "ping",
    };
    const payloads: unknown[] = [];
    const hooks = createWebhooks({ provider }).on("ping", (event) => {
      payloads.push({ ...(event as object) });
    });
    const body = "id=SM1&Body=Hello+world";
    expect((await hooks.handle(signedPost(provider, URL_, body))).status).toBe(200);
    expect(payloads).toEqual([{ id: "SM1", Body: "Hello world" }]);
    const forged = new Request(URL_, {
      method: "POST",
      headers: { "x-url-signature": "00".repeat(32) },
      body,
    });
    let decoded = 0;
    const counting = createWebhooks({
      provider: {
        ...provider,
        decode: (raw: Uint8Array) => {
          decoded++;
          return parseForm(raw);
        },
      },
    });
    expect((await counting.handle(forged)).status).toBe(401);
    expect(decoded).toBe(0);
  });

  it("uses the payload the scheme authenticated, and neither decode nor JSON", async () => {
    const scheme: WebhookScheme = {
      name: "in-body",
      signsTimestamp: false,
      verify: () => ({ keyIndex: 0, payload: { id: "m1", type: "ping" } }),
      sign: () => ({}),
    };
    const provider = {
      ...testProvider(),
      scheme,
      challenge: undefined,
      decode: () => {
        throw new Error("not called");
      },
    };
    const ids: string[] = [];
    const hooks = createWebhooks({ provider: provider as never }).on(
      "ping" as never,
      (_: unknown, context: { id: string }) => {
        ids.push(context.id);
      },
    );
    expect((await hooks.handle(new Request(URL_, { method: "POST", body: "not json" }))).status).toBe(200);
    expect(ids).toEqual(["m1"]);
  });
});
