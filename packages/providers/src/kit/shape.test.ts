import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { jsonObject, shape } from "./shape.js";

describe("jsonObject", () => {
  it("takes an object of any content", () => {
    expect(v.parse(jsonObject, { plan: "pro", nested: [1, { a: null }] })).toEqual({
      plan: "pro",
      nested: [1, { a: null }],
    });
    expect(v.parse(jsonObject, {})).toEqual({});
  });

  it("refuses an array, null, a string and a number, saying what it received", () => {
    expect(v.safeParse(jsonObject, ["a", "b"]).issues?.[0]?.message).toBe(
      "Invalid type: Expected a JSON object but received an array",
    );
    for (const input of [null, "x", 3]) expect(v.safeParse(jsonObject, input).success).toBe(false);
  });

  it("names the field of a shape that got an array where an object belongs", () => {
    const schema = shape<{ metadata: Record<string, unknown> }>({ metadata: jsonObject });
    const result = v.safeParse(schema, { metadata: [] });
    expect(result.success).toBe(false);
    expect(v.getDotPath(result.issues?.[0] as v.BaseIssue<unknown>)).toBe("metadata");
  });
});
