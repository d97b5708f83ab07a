import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { at, SW_VECTOR, utf8 } from "../../test/helpers.js";
import { createVerifier, headerToken, readHeaders, standardWebhooks } from "../index.js";

const { secret, id, body, signature, timestamp } = SW_VECTOR;
const verifier = () => createVerifier({ scheme: standardWebhooks({ secret }), now: at(timestamp) });

describe("readHeaders", () => {
  it("reads Web Headers case-insensitively", () => {
    const header = readHeaders(new Headers({ "Svix-Id": id, "X-Count": "3" }));
    expect([header("svix-id"), header("x-count"), header("svix-timestamp")]).toEqual([id, "3", undefined]);
  });

  it("reads any object with get(), treating null as absent", () => {
    const map = new Map([["webhook-id", id]]);
    const header = readHeaders({ get: (name: string) => map.get(name) ?? null });
    expect([header("webhook-id"), header("webhook-signature")]).toEqual([id, undefined]);
  });

  it("reads a plain record in mixed case, merging keys that differ only in case", () => {
    const header = readHeaders({
      "Webhook-Id": id,
      "WEBHOOK-TIMESTAMP": 1614265330,
      "x-sig": "a",
      "X-Sig": "b",
    });
    expect(header("webhook-id")).toBe(id);
    expect(header("webhook-timestamp")).toBe("1614265330");
    expect(header("x-sig")).toBe("a");
    expect(readHeaders({ "X-Sig": "b", "x-Sig": "c" })("x-sig")).toBe("b, c");
    expect(header("missing")).toBeUndefined();
  });

  it("reads Node-style array values: equal values collapse, different ones join with `, `", () => {
    const headers: IncomingHttpHeaders = {
      "x-one": ["v", "v"],
      "x-two": ["a", "b"],
      "x-none": [],
      "x-u": undefined,
    };
    const header = readHeaders(headers);
    expect([header("x-one"), header("x-two"), header("x-none"), header("x-u")]).toEqual([
      "v",
      "a, b",
      undefined,
      undefined,
    ]);
  });

  it("verifies through Web Headers, a Node record with arrays, and a mixed-case record", async () => {
    const shapes = [
      new Headers({
        "Webhook-Id": id,
        "Webhook-Timestamp": String(timestamp),
        "Webhook-Signature": signature,
      }),
      { "svix-id": [id], "svix-timestamp": String(timestamp), "svix-signature": ["v1,bm90IGl0", signature] },
      { "SVIX-ID": id, "Svix-Timestamp": timestamp, "svix-Signature": signature },
    ];
    for (const headers of shapes) {
      expect(await verifier().verify({ headers, body })).toMatchObject({ id, timestamp, keyIndex: 0 });
    }
  });

  it("verifies what a real node:http server hands over (headers and headersDistinct, header sent twice)", async () => {
    const seen: { headers: IncomingHttpHeaders; distinct: NodeJS.Dict<string[]>; raw: Buffer }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        seen.push({ headers: req.headers, distinct: req.headersDistinct, raw: Buffer.concat(chunks) });
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ port, host: "127.0.0.1", method: "POST", path: "/" }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", reject);
      req.setHeader("Svix-Id", id);
      req.setHeader("Svix-Timestamp", String(timestamp));
      req.setHeader("Svix-Signature", ["v1,d3JvbmcgYnV0IGJhc2U2NA==", signature]);
      req.end(body);
    });
    await new Promise((resolve) => server.close(resolve));
    const [got] = seen;
    if (!got) throw new Error("the server saw no request");
    expect(await verifier().verify({ headers: got.headers, body: got.raw })).toMatchObject({
      id,
      keyIndex: 0,
    });
    expect(await verifier().verify({ headers: got.distinct, body: got.raw })).toMatchObject({
      id,
      keyIndex: 0,
    });
  });
});

describe("readHeaders reads a record's own keys only", () => {
  const INHERITED = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "__defineGetter__"];

  it("finds no header in a key inherited from Object.prototype", () => {
    const header = readHeaders({ "x-one": "1" });
    expect(INHERITED.map((name) => header(name))).toEqual(INHERITED.map(() => undefined));
  });

  it("finds an own header whose name is an Object.prototype key, in any case", () => {
    const header = readHeaders({ Constructor: "a", TOSTRING: "b", valueOf: "c" });
    expect([header("constructor"), header("tostring"), header("valueOf"), header("hasownproperty")]).toEqual([
      "a",
      "b",
      "c",
      undefined,
    ]);
    expect(readHeaders(JSON.parse('{"__proto__":"d"}'))("__proto__")).toBe("d");
  });

  it("takes no header from a polluted Object.prototype: a planted token does not authenticate", async () => {
    const token = "planted-token-0123456789abcdef";
    const verifier = createVerifier({ scheme: headerToken({ header: "x-webhook-token", token }) });
    const prototype = Object.prototype as Record<string, unknown>;
    prototype["x-webhook-token"] = token;
    try {
      expect(readHeaders({})("x-webhook-token")).toBeUndefined();
      // The lowered-name path too: the own mixed-case key wins over the planted lower-case one.
      expect(readHeaders({ "X-Webhook-Token": "own" })("x-webhook-token")).toBe("own");
      const error = await verifier.verify({ headers: {}, body: "{}" }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "missing_header", header: "x-webhook-token" });
    } finally {
      delete prototype["x-webhook-token"];
    }
  });
});

describe("raw body shapes", () => {
  const headers = {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signature,
  };
  const bytes = utf8(body);

  /** `bytes` inside a larger buffer, with other bytes on both sides. */
  function embedded(): Uint8Array {
    const backing = new Uint8Array(bytes.length + 37);
    backing.fill(0x7b);
    backing.set(bytes, 13);
    return backing.subarray(13, 13 + bytes.length);
  }

  it.each([
    ["string", () => body],
    ["Buffer", () => Buffer.from(body)],
    ["Buffer sliced from a larger one", () => Buffer.from(`xx${body}yy`).subarray(2, 2 + bytes.length)],
    ["Uint8Array", () => bytes.slice()],
    ["Uint8Array view with byteOffset ≠ 0", embedded],
    ["ArrayBuffer", () => bytes.slice().buffer],
    [
      "DataView with byteOffset ≠ 0",
      () => {
        const view = embedded();
        return new DataView(view.buffer, view.byteOffset, view.byteLength);
      },
    ],
  ])("%s", async (_, make) => {
    const input = make();
    if (ArrayBuffer.isView(input) && input.constructor !== DataView)
      expect(input.byteLength).toBe(bytes.length);
    const result = await verifier().verify({ headers, body: input });
    expect(result.payload).toEqual(JSON.parse(body));
    expect(Array.from(result.raw)).toEqual(Array.from(bytes));
  });

  it("the view's neighbouring bytes are not signed: the whole backing buffer fails", async () => {
    const view = embedded();
    expect(view.byteOffset).toBe(13);
    const error = await verifier()
      .verify({ headers, body: new Uint8Array(view.buffer) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_signature" });
  });
});
