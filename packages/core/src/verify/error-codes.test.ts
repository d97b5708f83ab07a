import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers.js";
import { rejectionCases } from "../../test/rejections/index.js";
import { isWebhookVerificationError, WebhookVerificationError } from "../index.js";

const cases = await rejectionCases();

describe("every rejection carries a stable code, its HTTP status and a message saying what to fix", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const error = await thrown(c.run);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    const e = error as WebhookVerificationError;
    expect({ code: e.code, status: e.status }).toEqual({ code: c.code, status: c.status });
    expect(e.name).toBe("WebhookVerificationError");
    expect(e.message).toContain(c.says);
    if (c.header) {
      expect(e.header).toBe(c.header);
      expect(e.message).toContain(`\`${c.header}\``);
    }
    expect(e.toJSON()).toEqual({ error: { code: c.code, message: e.message } });
    expect(isWebhookVerificationError(e)).toBe(true);
  });

  it("covers every code the verifier and schemes can raise", () => {
    const raised = new Set(cases.map((c) => c.code));
    expect([...raised].sort()).toEqual(
      [
        "payload_too_large",
        "missing_header",
        "malformed_header",
        "invalid_signature",
        "invalid_token",
        "timestamp_expired",
        "timestamp_in_future",
        "invalid_json",
        "body_already_parsed",
      ].sort(),
    );
  });
});

describe("isWebhookVerificationError", () => {
  it("recognises a copy from another bundle by name and code, and nothing else", () => {
    const copy = Object.assign(new Error("x"), { name: "WebhookVerificationError", code: "invalid_token" });
    expect(isWebhookVerificationError(copy)).toBe(true);
    expect(isWebhookVerificationError(new Error("x"))).toBe(false);
    expect(
      isWebhookVerificationError(Object.assign(new Error("x"), { name: "WebhookVerificationError" })),
    ).toBe(false);
    expect(isWebhookVerificationError({ name: "WebhookVerificationError", code: "invalid_token" })).toBe(
      false,
    );
  });

  it("keeps the cause and details it was given", () => {
    const cause = new SyntaxError("bad");
    const error = new WebhookVerificationError("duplicate_in_flight", "busy", { retryAfter: 7, cause });
    expect([error.status, error.retryAfter, error.cause]).toEqual([409, 7, cause]);
  });
});
