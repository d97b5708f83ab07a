import { describe, expect, it } from "vitest";
import { ferriskey } from "../providers/ferriskey.js";
import { readHeaders } from "../verify/read-headers.js";
import { genericHmac, githubHmac, hmac, stripeHmac } from "./hmac.js";
import { standardWebhooks } from "./standard-webhooks.js";
import { bearer, headerToken } from "./tokens.js";
import type { WebhookScheme } from "./types.js";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const TEXT_SECRET = "a text secret of some length 0123";
const TOKEN = "a-static-token-0123456789abcdef";
const body = '{"type":"user.created","id":"evt_1"}';

const schemes: [string, WebhookScheme][] = [
  ["standardWebhooks (webhook-*)", standardWebhooks({ secret: SECRET })],
  ["standardWebhooks (svix-*)", standardWebhooks({ secret: SECRET, signHeaders: "svix" })],
  ["genericHmac", genericHmac({ secret: TEXT_SECRET })],
  ["githubHmac", githubHmac({ secret: TEXT_SECRET })],
  ["stripeHmac", stripeHmac({ secret: SECRET })],
  [
    "hmac with a timestamp header",
    hmac({ secret: TEXT_SECRET, header: "x-sig", timestamp: { header: "x-sig-timestamp" } }),
  ],
  ["bearer", bearer({ token: TOKEN })],
  ["headerToken", headerToken({ header: "x-token", token: TOKEN })],
  [
    "whenHeader (FerrisKey, signature or token)",
    ferriskey({ secret: TEXT_SECRET, token: { header: "x-hook-key", token: TOKEN } }).scheme,
  ],
];

/** What a call threw (or `undefined`), awaiting a promise the scheme returned. */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return error;
  }
}

function fields(error: unknown) {
  const { code, header, status, message } = error as Record<string, unknown>;
  return { code, header, status, message };
}

/** Every header set to try: the signed one, each with one header dropped, and none at all. */
function variants(signed: Record<string, string>): [string, Record<string, string>][] {
  const names = Object.keys(signed);
  return [
    ["all signed headers", signed],
    ...names.map((name): [string, Record<string, string>] => [
      `without ${name}`,
      Object.fromEntries(Object.entries(signed).filter(([key]) => key !== name)),
    ]),
    ["no headers", {}],
  ];
}

describe.each(schemes)("%s: checkHeaders", (_, scheme) => {
  it("throws exactly the header error verify throws first, from the headers alone", async () => {
    const signed = await scheme.sign({ body, id: "msg_1", timestamp: 1_750_000_000 });
    let missing = 0;
    for (const [label, headers] of variants(signed)) {
      const header = readHeaders(headers);
      const early = await thrown(() => scheme.checkHeaders?.(header));
      const late = await thrown(() => scheme.verify({ header, body: new TextEncoder().encode(body) }));
      if (early !== undefined) {
        // Refused before the body: the same code, header, status and message verify gives.
        expect(late, label).toBeDefined();
        expect(fields(early), label).toEqual(fields(late));
        missing++;
      } else {
        // Let through: verify never answers it with a missing header.
        expect(late, label).not.toMatchObject({ code: "missing_header" });
      }
    }
    expect(missing, "at least the request without headers is refused early").toBeGreaterThan(0);
    expect(await thrown(() => scheme.checkHeaders?.(readHeaders({})))).toMatchObject({
      code: "missing_header",
      status: 400,
    });
  });
});

describe("checkHeaders names what is missing", () => {
  it("standardWebhooks: each of id, timestamp and signature, in the family the sender uses", async () => {
    const scheme = standardWebhooks({ secret: SECRET });
    const check = (headers: Record<string, string>) =>
      thrown(() => scheme.checkHeaders?.(readHeaders(headers)));
    expect(await check({})).toMatchObject({ code: "missing_header", header: "svix-signature" });
    expect(await check({ "webhook-id": "msg_1" })).toMatchObject({ header: "webhook-signature" });
    expect(await check({ "webhook-signature": "v1,x" })).toMatchObject({ header: "webhook-id" });
    expect(await check({ "svix-signature": "v1,x", "svix-id": "m" })).toMatchObject({
      header: "svix-timestamp",
    });
    expect(await check({ "svix-signature": "v1,x", "svix-id": "m", "svix-timestamp": "soon" })).toMatchObject(
      {
        code: "malformed_header",
        header: "svix-timestamp",
      },
    );
    expect(await check({ "svix-signature": "v1,x", "svix-id": "m", "svix-timestamp": "1" })).toBeUndefined();
  });

  it("hmac: the signature header, then a timestamp header when the scheme has one", async () => {
    const scheme = hmac({ secret: TEXT_SECRET, header: "X-Sig", timestamp: { header: "X-Sig-Timestamp" } });
    const check = (headers: Record<string, string>) =>
      thrown(() => scheme.checkHeaders?.(readHeaders(headers)));
    expect(await check({ "x-sig-timestamp": "1" })).toMatchObject({
      code: "missing_header",
      header: "x-sig",
    });
    expect(await check({ "x-sig": "ab" })).toMatchObject({
      code: "missing_header",
      header: "x-sig-timestamp",
    });
    expect(await check({ "x-sig": "ab", "x-sig-timestamp": "1" })).toBeUndefined();
    expect(await thrown(() => stripeHmac({ secret: SECRET }).checkHeaders?.(readHeaders({})))).toMatchObject({
      header: "stripe-signature",
    });
  });

  it("tokens: `authorization` for bearer, the configured header for headerToken", async () => {
    expect(
      await thrown(() => bearer({ token: TOKEN }).checkHeaders?.(readHeaders({ "x-a": "1" }))),
    ).toMatchObject({ code: "missing_header", header: "authorization" });
    const scheme = headerToken({ header: "X-Token", token: TOKEN });
    expect(await thrown(() => scheme.checkHeaders?.(readHeaders({ "x-a": "1" })))).toMatchObject({
      header: "x-token",
    });
    // Present is enough here: whether the token matches is verify's question, asked with the body.
    expect(await thrown(() => scheme.checkHeaders?.(readHeaders({ "x-token": "wrong" })))).toBeUndefined();
  });

  it("whenHeader: the signed scheme's headers once its header is there, else the token's", async () => {
    const { scheme } = ferriskey({ secret: TEXT_SECRET, token: { header: "x-hook-key", token: TOKEN } });
    const check = (headers: Record<string, string>) =>
      thrown(() => scheme.checkHeaders?.(readHeaders(headers)));
    expect(await check({})).toMatchObject({ header: "x-hook-key" });
    expect(await check({ "x-ferriskey-signature": "ab" })).toMatchObject({ header: "x-ferriskey-timestamp" });
    expect(await check({ "x-hook-key": "anything" })).toBeUndefined();
  });
});
