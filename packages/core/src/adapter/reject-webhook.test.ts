import { describe, expect, it } from "vitest";
import { WebhookVerificationError } from "../errors.js";
import { createWebhooks } from "../router/create-webhooks.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { standardWebhooks } from "../schemes/standard-webhooks.js";
import { createVerifier } from "../verify/create-verifier.js";
import { rejectWebhook } from "./reject-webhook.js";

const scheme = standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
const anything: StandardSchemaV1 = {
  "~standard": { version: 1, vendor: "test", validate: (value) => ({ value }) },
};

function refusal(): WebhookVerificationError {
  return new WebhookVerificationError("invalid_signature", "No signature matched.");
}

describe("rejectWebhook", () => {
  it("answers the error as JSON with its status", () => {
    expect(rejectWebhook(refusal())).toEqual({
      status: 401,
      headers: { "content-type": "application/json" },
      body: '{"error":{"code":"invalid_signature","message":"No signature matched."}}',
    });
  });

  it("says when to retry for an error that has a Retry-After", () => {
    const busy = new WebhookVerificationError("duplicate_in_flight", "Being handled.", { retryAfter: 30 });
    const result = rejectWebhook(busy);
    expect(result.status).toBe(409);
    expect(result.headers["retry-after"]).toBe("30");
  });

  it("answers through the router given, so its onRejected hears the refusal", () => {
    const rejected: string[] = [];
    const hooks = createWebhooks({
      scheme,
      events: { "user.created": anything },
      onRejected: (error) => {
        rejected.push(error.code);
      },
    });
    const error = refusal();
    expect(rejectWebhook(error, hooks)).toEqual(rejectWebhook(error));
    expect(rejected).toEqual(["invalid_signature"]);
  });

  it("answers a bare verifier's refusal the same way, there being no hook to tell", () => {
    const error = refusal();
    expect(rejectWebhook(error, createVerifier({ scheme }))).toEqual(rejectWebhook(error));
  });
});
