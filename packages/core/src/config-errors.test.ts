import { describe, expect, it } from "vitest";
import { creationError, SW_VECTOR } from "../test/helpers.js";
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

// Realistic secrets, so that each case below fails for the reason it names and not for being short.
const SECRET = "k7Qm2vX9pL4sT8wZ1nB6cR3d";
const TOKEN = "uf_live_8Jq2vX0pLm4nR7sT";

// Options as a caller without TypeScript might pass them.
const loose = <T>(value: unknown): T => value as T;

describe("caller mistakes throw a TypeError when the scheme is created", () => {
  it.each([
    ["no secret", undefined, "`secret` is required"],
    ["an empty string", "", "`secret` is blank"],
    ["a bare `whsec_` prefix", "whsec_", "bare prefix"],
    ["a bare `whpk_` prefix", "whpk_", "bare prefix"],
    ["text that is not base64", "whsec_not base64!!", "`secret` is not base64"],
    ["base64url", "whsec_-_-_-_-_", "`secret` is not base64"],
    ["an empty list", [], "`secret` is required"],
    ["an empty key", new Uint8Array(0), "`secret` is blank"],
    ["a number", 42, "`secret` must be a string or a Uint8Array"],
  ])("standardWebhooks: %s", (_, secret, says) => {
    expect(creationError(() => standardWebhooks({ secret: loose<Secrets>(secret) })).message).toContain(says);
  });

  it("names the position of the bad secret in a list", () => {
    const error = creationError(() => standardWebhooks({ secret: [SW_VECTOR.secret, "whsec_"] }));
    expect(error.message).toContain("`secret[1]`");
  });

  it.each([
    ["no secret", { header: "x-sig" }, "`secret` is required"],
    ["an empty secret", { secret: "", header: "x-sig" }, "`secret` is blank"],
    ["an empty list", { secret: [], header: "x-sig" }, "`secret` is required"],
    ["no header", { secret: SECRET }, "`header` is required"],
    ["a blank header", { secret: SECRET, header: "  " }, "`header` is required"],
    ["an unknown algorithm", { secret: SECRET, header: "x", algorithm: "md5" }, "`algorithm` must be one of"],
    ["an upper-case algorithm", { secret: SECRET, header: "x", algorithm: "SHA256" }, "`algorithm`"],
    ["an unknown encoding", { secret: SECRET, header: "x", encoding: "base64url" }, "`encoding` must be"],
  ])("hmac: %s", (_, options, says) => {
    expect(creationError(() => hmac(loose(options))).message).toContain(says);
  });

  it("hmac takes only the algorithms it names", () => {
    for (const algorithm of ["sha1", "sha256", "sha512"] satisfies HmacAlgorithm[]) {
      expect(hmac({ secret: SECRET, header: "x", algorithm }).name).toBe("hmac");
    }
  });

  it.each([
    ["bearer: no token", () => bearer(loose({})), "`token` is required"],
    ["bearer: an empty list", () => bearer({ token: [] }), "`token` is required"],
    ["bearer: an empty token", () => bearer({ token: "" }), "`token` is blank"],
    ["bearer: an empty one in a list", () => bearer({ token: [TOKEN, ""] }), "`token[1]`"],
    ["headerToken: no header", () => headerToken(loose({ token: TOKEN })), "`header` is required"],
    ["headerToken: an empty list", () => headerToken({ header: "x", token: [] }), "`token` is required"],
  ])("%s", (_, create, says) => {
    expect(creationError(create).message).toContain(says);
  });
});

describe("caller mistakes throw a TypeError when the verifier is created", () => {
  const scheme: WebhookScheme = standardWebhooks({ secret: SW_VECTOR.secret });

  it("requires a scheme", () => {
    expect(creationError(() => createVerifier(loose({}))).message).toContain("`scheme` is required");
    expect(creationError(() => createVerifier(loose({ scheme: {} }))).message).toContain("`scheme`");
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "300"])("refuses tolerance %s", (tolerance) => {
    expect(creationError(() => createVerifier({ scheme, tolerance: loose(tolerance) })).message).toContain(
      "`tolerance` must be an integer from 1 to 86400",
    );
  });

  it("refuses a negative maxBodyBytes", () => {
    expect(creationError(() => createVerifier({ scheme, maxBodyBytes: -5 })).message).toContain(
      "`maxBodyBytes`",
    );
  });
});
