import { describe, expect, it } from "vitest";
import { sha256Hex } from "../index.js";

describe("sha256Hex on node:crypto", () => {
  it("answers at once, with no promise and no thread-pool round trip", () => {
    const hash = sha256Hex(new TextEncoder().encode("abc"));
    expect(hash).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
