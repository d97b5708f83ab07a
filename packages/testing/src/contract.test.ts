import { createWebhooks } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { PROVIDERS, typeHeaders } from "../test/providers.js";
import { deliver } from "./deliver.js";
import { fixture, fixtures, type ProviderKey } from "./fixtures.js";
import { signDelivery, signRequest, toRequest } from "./sign-request.js";

// The contract: every fixture of every provider, signed as its provider signs it, is accepted by the router for
// that provider, and reaches the handler as the payload that was signed.
describe.each(Object.keys(fixtures) as ProviderKey[])("%s fixtures", (key) => {
  const types = Object.keys(fixtures[key]);

  it("has a provider and at least one fixture", () => {
    expect(PROVIDERS[key]).toBeTypeOf("function");
    expect(types.length).toBeGreaterThan(0);
  });

  it.each(types)("%s is accepted and handled", async (type) => {
    const provider = PROVIDERS[key]!();
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider }).onAny((event) => {
      seen.push(event);
    });
    const payload = fixture(key, type as never);
    const headers = typeHeaders(key, type);
    const delivery = await signDelivery(provider, payload, { headers });
    const result = await deliver(hooks.handle, toRequest(delivery));
    expect(result).toMatchObject({ status: 200, body: { ok: true } });
    expect(seen).toHaveLength(1);
    if (provider.scheme.signBody === undefined) expect(seen).toEqual([payload]);
    // A scheme that writes the body (SNS's signature fields, Kinde's JWT claims, Twilio's form) hands the
    // handler the fixture's fields with its own around them; a field the fixture leaves empty is the scheme's, and
    // so is Mailgun's `signature` block, signed at the fixture's time with the test key and signed afresh here.
    else {
      const fields = Object.entries(payload as object).map(([name, value]) => [
        name,
        value === ""
          ? expect.any(String)
          : key === "mailgun" && name === "signature"
            ? expect.any(Object)
            : value,
      ]);
      expect(seen[0]).toMatchObject(Object.fromEntries(fields));
    }
  });
});

describe("dating", () => {
  it("fixtures.generic as stored is older than the generic provider's maxAge; fixture() dates it now", async () => {
    const provider = PROVIDERS.generic!();
    const hooks = createWebhooks({ provider });
    const stale = await deliver(hooks.handle, signRequest(provider, fixtures.generic["user.created"]));
    expect(stale).toMatchObject({ status: 401, body: { error: { code: "timestamp_expired" } } });
    const fresh = await deliver(hooks.handle, signRequest(provider, fixture("generic", "user.created")));
    expect(fresh.status).toBe(200);
  });
});
