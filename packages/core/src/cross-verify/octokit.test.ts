import { createHash, createHmac } from "node:crypto";
import { sign, verify } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";
import { INVALID_UTF8, outcome, TEXT_BODIES, utf8 } from "../../test/helpers.js";
import { createVerifier, githubHmac, readHeaders } from "../index.js";

const secret = "It's a Secret to Everybody";
// @octokit/webhooks-methods refuses an empty payload (TypeError), so the empty body is checked below against node:crypto.
const bodies = TEXT_BODIES.filter((b) => b.text !== "");

describe("@octokit/webhooks-methods → hookproof githubHmac", () => {
  it.each(bodies.map((b) => [b.name, b] as const))("%s", async (_, { text }) => {
    const signature = await sign(secret, text);
    const headers = { "x-hub-signature-256": signature, "x-github-delivery": "d-42" };
    const verified = await createVerifier({ scheme: githubHmac({ secret }) }).verify({
      headers,
      body: Buffer.from(text),
    });
    // The delivery id header is unsigned, so the event id is the signed body's hash.
    const hash = createHash("sha256").update(text).digest("hex");
    expect(verified).toMatchObject({ id: `sha256:${hash}`, keyIndex: 0, payload: JSON.parse(text) });
    const scheme = githubHmac({ secret: "not the secret at all" });
    expect(await outcome(() => scheme.verify({ header: readHeaders(headers), body: utf8(text) }))).toBe(
      "invalid_signature",
    );
  });
});

describe("hookproof githubHmac → @octokit/webhooks-methods", () => {
  it.each(bodies.map((b) => [b.name, b] as const))("%s", async (_, { text }) => {
    const headers = await githubHmac({ secret }).sign({ body: text, id: "d-42" });
    const signature = headers["x-hub-signature-256"] ?? "";
    expect(signature).toBe(await sign(secret, text));
    expect(await verify(secret, text, signature)).toBe(true);
    expect(await verify(secret, `${text} `, signature)).toBe(false);
  });

  it("the GitHub docs example", async () => {
    const headers = await githubHmac({ secret }).sign({ body: "Hello, World!" });
    expect(await verify(secret, "Hello, World!", headers["x-hub-signature-256"] ?? "")).toBe(true);
  });
});

describe("bodies @octokit/webhooks-methods cannot carry", () => {
  it.each([
    ["0 B", new Uint8Array(0)],
    ["bytes that are not UTF-8", INVALID_UTF8],
  ])("%s: hookproof matches node:crypto's HMAC over the raw bytes", async (_, body) => {
    const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const scheme = githubHmac({ secret });
    expect((await scheme.sign({ body }))["x-hub-signature-256"]).toBe(expected);
    expect(
      await outcome(() => scheme.verify({ header: readHeaders({ "x-hub-signature-256": expected }), body })),
    ).toBe("ok");
  });
});
