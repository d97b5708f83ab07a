import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script without type declarations.
import { runLoad } from "./run.mjs";

// The short form that runs in CI; `pnpm test:load` runs the same for 30 s.
describe("load: the Express example at a fixed rate", () => {
  it("answers every genuine, tampered and duplicate delivery right, handles each event once, memory steady", async () => {
    const report = await runLoad({ durationSeconds: 15, rate: 200, connections: 10 });
    console.log(
      `load: ${report.requests} requests at ${report.rps} req/s, p99 ${report.p99Ms} ms, ` +
        `${report.handled} handled, RSS ${report.rssMiB.warm} → ${report.rssMiB.end} MiB`,
    );
    expect(report.problems).toEqual([]);
    expect(report.requests).toBe(3000);
    expect(report.handled).toBe(report.counts.genuine);
    expect(report.counts.tampered).toBeGreaterThan(0);
    expect(report.counts.duplicate).toBeGreaterThan(0);
  });
});
