import { describe, expect, it } from "vitest";
import { SW_VECTOR } from "../test/helpers.js";
import {
  bearer,
  createVerifier,
  type HmacAlgorithm,
  headerToken,
  hmac,
  type Secrets,
  standardWebhooks,
  type WebhookScheme,
} from "./index.js";

/** Runs `create` and returns the TypeError it threw. */
function configError(create: () => unknown): TypeError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toMatch(/^\[@hookproof\/core\] /);
    return error as TypeError;
  }
  throw new Error("expected a TypeError at creation");
}

// Options as a caller without TypeScript might pass them.
const loose = <T>(value: unknown): T => value as T;

describe("caller mistakes throw a TypeError when the scheme is created", () => {
  it.each([
    ["no secret", undefined, "`secret` is required"],
    ["an empty string", "", "`secret` is an empty string"],
    ["a bare `whsec_` prefix", "whsec_", "bare `whsec_` prefix"],
    ["a bare `whpk_` prefix", "whpk_", "bare `whpk_` prefix"],
    ["text that is not base64", "whsec_not base64!!", "`secret` is not base64"],
    ["base64url", "whsec_-_-_-_-_", "`secret` is not base64"],
    ["an empty list", [], "`secret` is required"],
    ["an empty key", new Uint8Array(0), "`secret` has no bytes"],
    ["a number", 42, "`secret` must be a string or a Uint8Array"],
  ])("standardWebhooks: %s", (_, secret, says) => {
    expect(configError(() => standardWebhooks({ secret: loose<Secrets>(secret) })).message).toContain(says);
  });

  it("names the position of the bad secret in a list", () => {
    const error = configError(() => standardWebhooks({ secret: [SW_VECTOR.secret, "whsec_"] }));
    expect(error.message).toContain("`secret[1]`");
  });

  it.each([
    ["no secret", { header: "x-sig" }, "`secret` is required"],
    ["an empty secret", { secret: "", header: "x-sig" }, "`secret` is an empty string"],
    ["an empty list", { secret: [], header: "x-sig" }, "`secret` is required"],
    ["no header", { secret: "s" }, "`header` is required"],
    ["a blank header", { secret: "s", header: "  " }, "`header` is required"],
    ["an unknown algorithm", { secret: "s", header: "x", algorithm: "md5" }, "`algorithm` must be one of"],
    ["an upper-case algorithm", { secret: "s", header: "x", algorithm: "SHA256" }, "`algorithm`"],
    ["an unknown encoding", { secret: "s", header: "x", encoding: "base64url" }, "`encoding` must be"],
  ])("hmac: %s", (_, options, says) => {
    expect(configError(() => hmac(loose(options))).message).toContain(says);
  });

  it("hmac takes only the algorithms it names", () => {
    for (const algorithm of ["sha1", "sha256", "sha512"] satisfies HmacAlgorithm[]) {
      expect(hmac({ secret: "s", header: "x", algorithm }).name).toBe("hmac");
    }
  });

  it.each([
    ["bearer: no token", () => bearer(loose({})), "`token` is required"],
    ["bearer: an empty list", () => bearer({ token: [] }), "`token` is required"],
    ["bearer: an empty token", () => bearer({ token: "" }), "`token` must be a non-empty string"],
    ["bearer: an empty one in a list", () => bearer({ token: ["a", ""] }), "`token[1]`"],
    ["headerToken: no header", () => headerToken(loose({ token: "t" })), "`header` is required"],
    ["headerToken: an empty list", () => headerToken({ header: "x", token: [] }), "`token` is required"],
  ])("%s", (_, create, says) => {
    expect(configError(create).message).toContain(says);
  });
});

describe("caller mistakes throw a TypeError when the verifier is created", () => {
  const scheme: WebhookScheme = standardWebhooks({ secret: SW_VECTOR.secret });

  it("requires a scheme", () => {
    expect(configError(() => createVerifier(loose({}))).message).toContain("`scheme` is required");
    expect(configError(() => createVerifier(loose({ scheme: {} }))).message).toContain("`scheme`");
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, "300"])("refuses tolerance %s", (tolerance) => {
    expect(configError(() => createVerifier({ scheme, tolerance: loose(tolerance) })).message).toContain(
      "`tolerance` must be a non-negative finite number",
    );
  });

  it("refuses a negative maxBodyBytes", () => {
    expect(configError(() => createVerifier({ scheme, maxBodyBytes: -5 })).message).toContain(
      "`maxBodyBytes`",
    );
  });
});
