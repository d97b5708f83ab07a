import { describe, expect, it } from "vitest";
import { rejectionCases } from "../test/rejections/index.js";

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
    let error: unknown;
    try {
      await c.run();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeDefined();
    const text = everything(error);
    expect(text).toContain(c.code);
    // Forms that are too short to mean anything (an empty prefix strip) would match by chance.
    const secrets = c.secrets.filter((s) => s.length >= 8);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text, `leaks ${c.name}`).not.toContain(secret);
  });
});
