/**
 * `hookproof queue list | replay <jobId>`: the dead letters of a `@hookproof/bullmq` queue. That package is
 * an optional peer, loaded only when this command runs; without it the command says how to install it.
 * @module
 */
import { EXIT } from "./output.js";

/** What `hookproof queue` needs of `@hookproof/bullmq`. */
export interface QueueModule {
  queueCommand(argv: readonly string[], program?: string): Promise<number>;
}

export const INSTALL_BULLMQ =
  "`hookproof queue` needs @hookproof/bullmq, the queue your receivers hand events off to: `npm install @hookproof/bullmq bullmq`.";

function isMissing(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    typeof message === "string" &&
    message.includes("bullmq")
  );
}

/**
 * Runs `@hookproof/bullmq`'s queue command line with `argv`; resolves its exit code, or prints how to install
 * the package and resolves 2 when it is not installed. `load` is the import (replaceable in tests).
 *
 * @example
 * process.exitCode = await queueCommand(["list", "--redis", "redis://127.0.0.1:6379"]);
 */
export async function queueCommand(
  argv: readonly string[],
  load: () => Promise<QueueModule> = () => import("@hookproof/bullmq"),
): Promise<number> {
  let queue: QueueModule;
  try {
    queue = await load();
  } catch (error) {
    if (!isMissing(error)) throw error;
    process.stderr.write(`hookproof: ${INSTALL_BULLMQ}\n`);
    return EXIT.usage;
  }
  return queue.queueCommand(argv, "hookproof queue");
}
