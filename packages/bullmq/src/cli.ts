#!/usr/bin/env node
/**
 * `hookproof-queue list | replay <jobId>`: the dead letters of a webhook queue, and replaying one.
 * @module
 */
import { queueCommand } from "./queue-command.js";

queueCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hookproof-queue: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
