/**
 * A variant the scheme cannot express (`--expired` for a scheme without a signed timestamp) is a usage error.
 * @module
 */
import { UsageError } from "./output.js";

export function signError(error: unknown): never {
  if (error instanceof TypeError)
    throw new UsageError(error.message.replace(/^\[@hookproof\/testing\] /, ""));
  throw error;
}
