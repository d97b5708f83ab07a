import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../index.js";

describe("sha256Hex", () => {
  it("hashes FIPS 180-2's vectors, on whichever backend this project runs", async () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(await sha256Hex(text("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(await sha256Hex(new Uint8Array(0))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  it("agrees with node:crypto on a 64 KiB body of every byte value", async () => {
    const body = Uint8Array.from({ length: 65_536 }, (_, index) => (index * 31) % 256);
    expect(await sha256Hex(body)).toBe(createHash("sha256").update(body).digest("hex"));
  });
});
