import type { StandardSchemaV1, WebhookProvider } from "@hookproof/core";
import { bearer, createWebhooks, type WebhookVerificationError } from "@hookproof/core";
import { clerk, ferriskey, generic, stackAuth, tesseral, userfront } from "@hookproof/core/providers";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { thrown } from "../test/helpers.js";
import { rejectionCases } from "../test/rejections/index.js";
import { clock, fixtureText, fixtureTypes } from "./providers/test-support.js";

const cases = await rejectionCases();

/** Everything an error could show: own properties (enumerable or not), message, stack, JSON, cause. */
function everything(error: unknown): string {
  const own = error as Record<string, unknown>;
  const props = Object.fromEntries(Object.getOwnPropertyNames(error).map((key) => [key, String(own[key])]));
  const cause = own.cause;
  const causeProps =
    cause instanceof Object
      ? Object.fromEntries(
          Object.getOwnPropertyNames(cause).map((key) => [
            key,
            String((cause as Record<string, unknown>)[key]),
          ]),
        )
      : {};
  return [
    JSON.stringify(props),
    JSON.stringify(error),
    String(error),
    String(cause),
    JSON.stringify(causeProps),
  ].join("\n");
}

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

// Received values that look like secrets: what a payload may hold (an API key in metadata, a card number).
const SECRET = "sk_live_51HxQ7aLkT9bZ3mN4pR8sV2wY6";
const CARD = 4242424242424242;
const TOKEN = "tok_leak_0123456789abcdef";
const AUTH = { authorization: `Bearer ${TOKEN}` };

const PROVIDERS: readonly [string, () => WebhookProvider][] = [
  ["stack-auth", () => stackAuth({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" })],
  ["clerk", () => clerk({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" })],
  ["tesseral", () => tesseral({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" })],
  [
    "ferriskey",
    () => ferriskey({ secret: "c38438574a5bd28986b74cfff7ea59b1a2e933ae9c97579db03c881e534ca069" }),
  ],
  ["userfront", () => userfront({ token: "example3c5cc4491eb422d48c8f78c2f" })],
  ["generic", () => generic({ secret: "whsk-generic-7f3a9c2e51b84d06" })],
];

/** Every path in `value` below its root, each with the value there. */
function* nodes(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], unknown]> {
  if (path.length > 0) yield [path, value];
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    yield* nodes(child, [...path, Array.isArray(value) ? Number(key) : key]);
  }
}

/** `body` with the value at `path` replaced. */
function replaced(body: unknown, path: (string | number)[], value: unknown): string {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = value;
  return JSON.stringify(copy);
}

/** The provider's catalogue behind a bearer token, so each case costs no signature. */
function tokenRouter(provider: WebhookProvider, rejected: unknown[]) {
  return createWebhooks({
    provider: { ...provider, scheme: bearer({ token: TOKEN }) },
    dedupe: false,
    replayBound: "none", // a bearer token without dedupe: nothing stops a replay, which these cases never need
    now: clock,
    onRejected: (error) => rejected.push(error),
  });
}

describe("no received value appears in an invalid_payload or invalid_json answer", () => {
  it.each(PROVIDERS)(
    "%s: a secret-looking value in any field of any event is refused without being echoed",
    async (name, provider) => {
      const rejected: unknown[] = [];
      const hooks = tokenRouter(provider(), rejected);
      const catalogue = provider().events as Record<string, StandardSchemaV1>;
      let refused = 0;
      for (const type of fixtureTypes(name)) {
        const before = refused;
        const fixture = JSON.parse(fixtureText(name, type));
        for (const [path, value] of nodes(fixture)) {
          // A string where a number, boolean or object belongs, and a number where a string does; a string
          // also breaks literals and closed enums (`object: "user"`, `mode`).
          const values = typeof value === "string" ? [CARD, SECRET, [SECRET]] : [SECRET];
          for (const bad of values) {
            const body = replaced(fixture, path, bad);
            const answer = await hooks.process({ headers: AUTH, body });
            if (answer.status === 200) continue;
            refused++;
            expect(answer.status, `${type} ${path.join(".")}`).toBe(400);
            expect(answer.body).not.toContain(SECRET);
            expect(answer.body).not.toContain(String(CARD));
            // The catalogue's own issues, for whoever runs its schemas directly, hold no value either.
            const own = JSON.stringify(await catalogue[type]?.["~standard"].validate(JSON.parse(body)));
            expect(own).not.toContain(SECRET);
            expect(own).not.toContain(String(CARD));
          }
        }
        expect(refused, `no change to ${type} was refused`).toBeGreaterThan(before);
      }
      expect(rejected).toHaveLength(refused);
      for (const error of rejected) {
        expect(everything(error)).not.toContain(SECRET);
        expect(everything(error)).not.toContain(String(CARD));
      }
    },
  );

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
    const hooks = tokenRouter(stackAuth({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }), rejected);
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
