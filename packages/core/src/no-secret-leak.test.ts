import type { WebhookProvider } from "@hookproof/core";
import { bearer, createWebhooks, type WebhookVerificationError } from "@hookproof/core";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { thrown } from "../test/helpers.js";
import { AUTH, everything, SECRET, TOKEN, tokenRouter } from "../test/leaks.js";
import { rejectionCases } from "../test/rejections/index.js";

const cases = await rejectionCases();

// Routed by the body's `type`, like most senders (the providers' own catalogues run in @hookproof/providers).
const typed: WebhookProvider = {
  name: "typed",
  scheme: bearer({ token: TOKEN }),
  events: {},
  eventType: (payload) => (payload as { type?: string } | null)?.type,
};

describe("no secret, token or expected signature appears in any error", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const error = await thrown(c.run);
    expect(error).toBeDefined();
    const text = everything(error);
    expect(text).toContain(c.code);
    // Forms that are too short to mean anything (an empty prefix strip) would match by chance.
    const secrets = c.secrets.filter((s) => s.length >= 8);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text, `leaks ${c.name}`).not.toContain(secret);
  });
});

describe("no received value appears in an invalid_payload or invalid_json answer", () => {
  it("says the path and the expected type for user schemas in zod and valibot, whatever their messages quote", async () => {
    const events = {
      zod: z.object({
        type: z.literal("zod"),
        plan: z.enum(["free", "pro"]),
        amount: z.number(),
        tag: z.literal("a"),
        // A custom message that quotes the input: the library would put the secret in `message`.
        key: z.string().refine(() => false, { error: (issue) => `bad key ${String(issue.input)}` }),
      }),
      valibot: v.object({
        type: v.literal("valibot"),
        plan: v.picklist(["free", "pro"]),
        key: v.pipe(
          v.string(),
          v.check(
            () => false,
            (issue) => `bad key ${String(issue.input)}`,
          ),
        ),
      }),
    };
    const rejected: WebhookVerificationError[] = [];
    const hooks = createWebhooks({
      scheme: bearer({ token: TOKEN }),
      events,
      dedupe: false,
      replayBound: "none",
      onRejected: (error) => rejected.push(error),
    });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ type: "zod", plan: SECRET }, "plan", 'expected one of "free" | "pro"'],
      [{ type: "zod", plan: "pro", amount: SECRET }, "amount", "expected number"],
      [{ type: "zod", plan: "pro", amount: 1, tag: SECRET }, "tag", 'expected one of "a"'],
      [{ type: "zod", plan: "pro", amount: 1, tag: "a", key: SECRET }, "key", "fails its `custom` rule"],
      [{ type: "valibot", plan: SECRET }, "plan", 'expected ("free" | "pro")'],
      [{ type: "valibot", plan: "pro", key: SECRET }, "key", "fails its `check` rule"],
      [{ type: "valibot", key: SECRET }, "plan", "missing"],
    ];
    for (const [payload, path, expected] of cases) {
      const answer = await hooks.process({ headers: AUTH, body: JSON.stringify(payload) });
      expect(answer.body).not.toContain(SECRET);
      const error = rejected.at(-1) as WebhookVerificationError;
      expect([error.code, error.path]).toEqual(["invalid_payload", path]);
      expect(error.message).toContain(`at \`${path}\`: ${expected}.`);
      expect(everything(error)).not.toContain(SECRET);
    }
    expect(rejected).toHaveLength(cases.length);
  });

  it.each([
    ["a bare secret", SECRET],
    ["a truncated object", `{"key":"${SECRET}"`],
    ["trailing text", `{"key":"${SECRET}"}${SECRET}`],
    ["a control character in a string", `{"key":"${SECRET}\u0001"}`],
    ["a missing colon after a secret key", `{"${SECRET}" 1}`],
  ])("invalid JSON (%s): the cause is a SyntaxError without the body", async (_, body) => {
    const rejected: WebhookVerificationError[] = [];
    const hooks = tokenRouter(typed, rejected);
    const answer = await hooks.process({ headers: AUTH, body });
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain(SECRET);
    const [error] = rejected;
    expect(error?.code).toBe("invalid_json");
    expect(error?.cause).toBeInstanceOf(SyntaxError);
    expect(everything(error)).not.toContain(SECRET);
    expect(everything(error)).not.toContain("sk_live");
  });
});
