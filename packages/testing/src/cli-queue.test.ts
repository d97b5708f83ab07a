import { describe, expect, it, vi } from "vitest";
import { hookproof } from "../test/cli.js";
import { INSTALL_BULLMQ, queueCommand } from "./cli/queue.js";

/** The error Node's ESM loader throws for a package that is not installed. */
function notInstalled(name: string): Error {
  return Object.assign(new Error(`Cannot find package '${name}' imported from /app/node_modules/x.js`), {
    code: "ERR_MODULE_NOT_FOUND",
  });
}

describe("hookproof queue", () => {
  it("runs @hookproof/bullmq's queue command line, named `hookproof queue` (usage error: exit 2)", async () => {
    const result = await hookproof(["queue", "replay"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Usage: hookproof queue <command> [options]");
    expect(result.stdout).toContain("replay <jobId>");
  });

  it("passes its options through: --help prints the queue command's own usage; exit 0", async () => {
    const result = await hookproof(["queue", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--redis <url>");
  });

  it("an unreachable Redis: exit 1 after a bounded wait, naming the option to check", async () => {
    const result = await hookproof(["queue", "list", "--redis", "redis://127.0.0.1:1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Redis did not answer within 5 s: check --redis");
  });

  it.each(["@hookproof/bullmq", "bullmq"])(
    "without %s installed, says how to install it; exit 2",
    async (name) => {
      const stderr = vi.spyOn(process.stderr, "write").mockReturnValue(true);
      try {
        const code = await queueCommand(["list"], () => Promise.reject(notInstalled(name)));
        expect(code).toBe(2);
        expect(stderr).toHaveBeenCalledWith(`hookproof: ${INSTALL_BULLMQ}\n`);
        expect(INSTALL_BULLMQ).toContain("npm install @hookproof/bullmq bullmq");
      } finally {
        stderr.mockRestore();
      }
    },
  );

  it("any other failure to load is not mistaken for a missing package", async () => {
    const broken = Object.assign(new Error("Cannot find module './chunk.js'"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    await expect(queueCommand(["list"], () => Promise.reject(broken))).rejects.toBe(broken);
  });
});
