import { describe, expect, it } from "vitest";
import { outcome, rejection } from "../../test/helpers.js";
import { bearer, headerToken, readHeaders } from "../index.js";

const TOKEN = "uf_live_8Jq2vX0pLm4nR7sT";
const OLD = "uf_live_oldOldOldOldOld1";

const request = (headers: Record<string, string>) => ({
  header: readHeaders(headers),
  body: new Uint8Array(),
});

/** The token with its last byte changed to another printable character. */
const lastByteOff = (token: string) =>
  token.slice(0, -1) + String.fromCharCode(token.charCodeAt(token.length - 1) ^ 1);

describe("bearer", () => {
  it("accepts `Bearer <token>` and reports which token of the list matched", async () => {
    const scheme = bearer({ token: [OLD, TOKEN] });
    expect(await scheme.verify(request({ Authorization: `Bearer ${TOKEN}` }))).toEqual({ keyIndex: 1 });
    expect(await scheme.verify(request({ authorization: `Bearer ${OLD}` }))).toEqual({ keyIndex: 0 });
  });

  it("takes the scheme name case-insensitively (RFC 9110 §11.1)", async () => {
    const scheme = bearer({ token: TOKEN });
    for (const word of ["bearer", "BEARER", "BeArEr"]) {
      expect(await outcome(() => scheme.verify(request({ authorization: `${word} ${TOKEN}` })))).toBe("ok");
    }
  });

  it("rejects a token that differs only in its last byte, a prefix of it, and one longer", async () => {
    const scheme = bearer({ token: TOKEN });
    for (const wrong of [lastByteOff(TOKEN), TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      const error = await rejection(() => scheme.verify(request({ authorization: `Bearer ${wrong}` })));
      expect([error.code, error.status, error.header]).toEqual(["invalid_token", 401, "authorization"]);
      expect(error.message).toContain("`authorization`");
    }
  });

  it("reports a missing header and a non-Bearer value distinctly", async () => {
    const scheme = bearer({ token: TOKEN });
    const missing = await rejection(() => scheme.verify(request({})));
    expect([missing.code, missing.status, missing.header]).toEqual(["missing_header", 400, "authorization"]);
    expect(missing.message).toContain("Bearer <token>");
    for (const value of [TOKEN, `Basic ${TOKEN}`, `Token ${TOKEN}`]) {
      const error = await rejection(() => scheme.verify(request({ authorization: value })));
      expect([error.code, error.status]).toEqual(["malformed_header", 400]);
      expect(error.message).toContain("`Bearer <token>`");
    }
  });

  it("signs with the first token", async () => {
    expect(await bearer({ token: [TOKEN, OLD] }).sign({ body: "" })).toEqual({
      authorization: `Bearer ${TOKEN}`,
    });
    expect(bearer({ token: TOKEN }).signsTimestamp).toBe(false);
  });
});

describe("headerToken", () => {
  const header = "X-FerrisKey-Token";

  it("reads the configured header case-insensitively and reports keyIndex", async () => {
    const scheme = headerToken({ header, token: [OLD, TOKEN] });
    expect(await scheme.verify(request({ "x-ferriskey-token": TOKEN }))).toEqual({ keyIndex: 1 });
    expect(await scheme.verify(request({ "X-FERRISKEY-TOKEN": OLD }))).toEqual({ keyIndex: 0 });
    expect(await scheme.sign({ body: "" })).toEqual({ "x-ferriskey-token": OLD });
  });

  it("compares the whole value: last byte changed, prefix, or extra text are rejected", async () => {
    const scheme = headerToken({ header, token: TOKEN });
    for (const wrong of [lastByteOff(TOKEN), TOKEN.slice(0, 8), `${TOKEN}${TOKEN}`, `Bearer ${TOKEN}`]) {
      const error = await rejection(() => scheme.verify(request({ "x-ferriskey-token": wrong })));
      expect([error.code, error.status, error.header]).toEqual(["invalid_token", 401, "x-ferriskey-token"]);
    }
  });

  it("names the header when it is missing or blank", async () => {
    const scheme = headerToken({ header, token: TOKEN });
    for (const headers of [{}, { "x-ferriskey-token": "   " }] as Record<string, string>[]) {
      const error = await rejection(() => scheme.verify(request(headers)));
      expect([error.code, error.header]).toEqual(["missing_header", "x-ferriskey-token"]);
      expect(error.message).toContain("`x-ferriskey-token`");
    }
  });
});
