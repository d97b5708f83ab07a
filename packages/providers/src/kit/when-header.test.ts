import { readHeaders } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { checkHeadersContract, thrown } from "../../../core/test/check-headers-contract.js";
import { ferriskey } from "../ferriskey/index.js";

const TEXT_SECRET = "a text secret of some length 0123";
const TOKEN = "a-static-token-0123456789abcdef";
// FerrisKey's pair while migrating: the signature when `x-ferriskey-signature` is there, else the token.
const scheme = () => ferriskey({ secret: TEXT_SECRET, token: { header: "x-hook-key", token: TOKEN } }).scheme;

checkHeadersContract([["whenHeader (FerrisKey, signature or token)", scheme()]]);

describe("whenHeader: checkHeaders names what is missing", () => {
  it("whenHeader: the signed scheme's headers once its header is there, else the token's", async () => {
    const check = (headers: Record<string, string>) =>
      thrown(() => scheme().checkHeaders?.(readHeaders(headers)));
    expect(await check({})).toMatchObject({ header: "x-hook-key" });
    expect(await check({ "x-ferriskey-signature": "ab" })).toMatchObject({ header: "x-ferriskey-timestamp" });
    expect(await check({ "x-hook-key": "anything" })).toBeUndefined();
  });
});
