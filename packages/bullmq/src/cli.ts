#!/usr/bin/env node
/**
 * `hookproof-queue list | replay <jobId>`: the dead letters of a webhook queue, and replaying one.
 * @module
 */
import { parseArgs } from "node:util";
import { DEFAULT_QUEUE_NAME } from "./connection.js";
import { createQueue } from "./create-queue.js";

const USAGE = `Usage: hookproof-queue <command> [options]

Commands:
  list              the dead letters (events whose every run failed), newest first
  replay <jobId>    queue a dead letter again, its attempts reset

Options:
  --redis <url>     redis:// URL (default: $REDIS_URL, else redis://127.0.0.1:6379)
  --queue <name>    the queue's name (default: ${DEFAULT_QUEUE_NAME})
  --prefix <p>      BullMQ's key prefix (default: bull)
  --json            list as JSON
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      redis: { type: "string" },
      queue: { type: "string" },
      prefix: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, jobId] = positionals;
  if (values.help || (command !== "list" && command !== "replay") || (command === "replay" && !jobId)) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const queue = createQueue({
    connection: values.redis ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    ...(values.queue === undefined ? {} : { name: values.queue }),
    ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
  });
  try {
    await queue.queue.waitUntilReady();
    if (command === "replay") {
      if (await queue.replay(jobId as string)) {
        process.stdout.write(`replayed ${jobId}\n`);
        return 0;
      }
      process.stderr.write(`no dead letter ${jobId} in queue ${queue.queue.name}\n`);
      return 1;
    }
    const letters = await queue.deadLetters({ start: 0, end: 999 });
    if (values.json) process.stdout.write(`${JSON.stringify(letters, null, 2)}\n`);
    else if (letters.length === 0) process.stdout.write(`no dead letters in queue ${queue.queue.name}\n`);
    else {
      for (const letter of letters) {
        const when = letter.failedAt === undefined ? "" : new Date(letter.failedAt).toISOString();
        const reason = letter.reason.split("\n")[0];
        process.stdout.write(
          `${letter.jobId}  ${letter.type}  event ${letter.eventId}  ${letter.attempts} runs  ${when}  ${reason}\n`,
        );
      }
    }
    return 0;
  } finally {
    await queue.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hookproof-queue: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
