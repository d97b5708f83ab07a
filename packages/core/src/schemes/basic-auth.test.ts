import { describe, expect, it } from "vitest";
import { creationError, outcome, rejection } from "../../test/helpers.js";
import { basicAuth, readHeaders } from "../index.js";

const basic = (text: string) => ({ authorization: `Basic ${Buffer.from(text).toString("base64")}` });
const check = (scheme: ReturnType<typeof basicAuth>, headers: Record<string, string>) =>
  outcome(() => scheme.verify({ header: readHeaders(headers), body: new Uint8Array() }));

describe("basicAuth", () => {
  const old = { username: "postmark", password: "old-pass:with-colons-0123456789" };
  const next = { username: "postmark", password: "n3w-Pa55word-0123456789abcdef" };

  it("accepts each configured pair and reports which matched; the password may hold colons", async () => {
    const scheme = basicAuth({ credentials: [old, next] });
    const header = readHeaders(basic(`${next.username}:${next.password}`));
    expect(await scheme.verify({ header, body: new Uint8Array() })).toEqual({ keyIndex: 1 });
    expect(await check(scheme, basic(`${old.username}:${old.password}`))).toBe("ok");
    expect(
      await check(scheme, {
        authorization: `bAsIc ${basic(`${old.username}:${old.password}`).authorization.slice(6)}`,
      }),
    ).toBe("ok");
    expect(scheme.signsTimestamp).toBe(false);
  });

  it("refuses a wrong username or a wrong password with invalid_token, never echoing either", async () => {
    const scheme = basicAuth(old);
    for (const text of [
      `other:${old.password}`,
      `${old.username}:${old.password}x`,
      `${old.username}:${next.password}`,
    ]) {
      const error = await rejection(() =>
        scheme.verify({ header: readHeaders(basic(text)), body: new Uint8Array() }),
      );
      expect([error.code, error.status, error.header]).toEqual(["invalid_token", 401, "authorization"]);
      expect(error.message).not.toContain(old.password);
      expect(error.message).not.toContain(next.password);
    }
  });

  it("refuses a missing header, another scheme, non-base64, and credentials without a colon", async () => {
    const scheme = basicAuth(old);
    expect(await check(scheme, {})).toBe("missing_header");
    expect(await check(scheme, { authorization: `Bearer ${old.password}` })).toBe("malformed_header");
    expect(await check(scheme, { authorization: "Basic not*base64" })).toBe("malformed_header");
    expect(await check(scheme, basic("no-colon-here"))).toBe("malformed_header");
    expect(await check(scheme, basic(`:${old.password}`))).toBe("malformed_header");
    expect(() => scheme.checkHeaders?.(readHeaders({}))).toThrow(/`authorization` header is missing/);
  });

  it("signs what it verifies", async () => {
    const scheme = basicAuth({ username: "Zoë", password: "pässwörd-0123456789" });
    expect(await check(scheme, await scheme.sign({ body: "{}" }))).toBe("ok");
  });

  it("checks its options when created", () => {
    expect(creationError(() => basicAuth({ username: "a:b", password: next.password })).message).toContain(
      "without a colon",
    );
    expect(creationError(() => basicAuth({ username: "", password: next.password })).message).toContain(
      "non-empty",
    );
    expect(creationError(() => basicAuth({ credentials: [] })).message).toContain("credentials");
    expect(creationError(() => basicAuth({ username: "u", password: "short" })).message).toContain(
      "under 16 bytes",
    );
    expect(basicAuth({ username: "u", password: "short", allowShortSecret: true }).name).toBe("basic-auth");
  });
});
