#!/usr/bin/env node
/**
 * The `hookproof` CLI: send, sign and verify webhooks as providers send them, list the fixtures,
 * inspect deliveries live (`listen`), and list or replay a queue's dead letters (`queue`).
 * @module
 */
import { readFileSync } from "node:fs";
import { DEFAULT_TOLERANCE_SECONDS } from "@hookproof/core";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { CAPTURE_EXAMPLE } from "./cli/capture.js";
import { fixturesCommand } from "./cli/fixtures.js";
import { DEFAULT_PORT, listenCommand } from "./cli/listen.js";
import { EXIT, UsageError } from "./cli/output.js";
import { VARIANT_FLAGS } from "./cli/payload.js";
import { PROVIDERS } from "./cli/providers.js";
import { queueCommand } from "./cli/queue.js";
import { sendCommand } from "./cli/send.js";
import { DEFAULT_URL, signCommand } from "./cli/sign.js";
import { verifyCommand } from "./cli/verify.js";

// This file sits one level below package.json both as src/cli.ts and as the built dist/cli.js.
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const names = PROVIDERS.map((entry) => entry.name).join(", ");
const keyPairNames = PROVIDERS.filter((entry) => entry.keyPair !== undefined)
  .map((entry) => entry.name)
  .join(", ");
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function whole(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError("not a whole number.");
  return n;
}

function examples(lines: string[], note?: string): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n${note ? `\n${note}\n` : ""}`;
}

/** Options every command shares: the provider, its secrets, and the output mode. */
function withCommon(
  command: Command,
  secrets: "one" | "many" = "one",
  json = "print one JSON document, for scripts",
): Command {
  return command
    .addOption(new Option("-p, --provider <name>", `the sender: ${names}`))
    .addOption(
      new Option(
        "-s, --secret <secret>",
        secrets === "many"
          ? "a signing secret or token; repeat it to try several (rotation)"
          : "the signing secret or token",
      )
        .env("HOOKPROOF_SECRET")
        .argParser(collect),
    )
    .addOption(
      new Option(
        "--public-key <key>",
        `${keyPairNames}: the sender's public key to verify with; repeat it to try several`,
      )
        .env("HOOKPROOF_PUBLIC_KEY")
        .argParser(collect),
    )
    .addOption(
      new Option(
        "--private-key <key>",
        `${keyPairNames}: a test private key to sign with (the receiver verifies with its public half)`,
      ).env("HOOKPROOF_PRIVATE_KEY"),
    )
    .option(
      "--token-header <name>",
      "ferriskey up to v0.7.2: the custom header carrying a static token (its value is --secret)",
    )
    .option(
      "--allow-short-secret",
      "accept a secret or token under 16 bytes, when a sender you do not control forces one on you",
    )
    .option("--json", json)
    .option("--no-color", "plain output even on a terminal");
}

function withPayload(command: Command): Command {
  command.option("-e, --event <type>", "sign this event's fixture (see `hookproof fixtures <provider>`)");
  command.option("-d, --data <file>", "sign this JSON file instead (`-` reads standard input)");
  for (const [flags, help] of VARIANT_FLAGS) command.option(flags, help);
  return command;
}

const program = new Command("hookproof")
  .description("Send, sign, verify and inspect webhooks exactly as providers send them.")
  .version(version, "-V, --version", "print the version of @hookproof/testing")
  .exitOverride()
  .showHelpAfterError("(run with --help for usage)")
  .addHelpText(
    "after",
    examples(
      [
        "hookproof fixtures",
        "hookproof send http://localhost:3000/webhooks -p stack-auth -e user.created -s whsec_…",
        "hookproof sign -p clerk -e user.created -s whsec_… --curl http://localhost:3000/webhooks",
        "hookproof verify -p stack-auth -s whsec_… captured.http",
        "hookproof listen -p stack-auth -s whsec_… --forward http://localhost:3000/webhooks",
        "hookproof queue list --redis redis://localhost:6379",
      ],
      "Exit codes: 0 ok, 1 verification failed or a non-2xx answer, 2 usage error.",
    ),
  );

withPayload(withCommon(program.command("send").argument("<url>", "the receiver's webhook URL")))
  .description("Sign a fixture (or --data) and POST it; prints status, latency and the response body.")
  .option("-n, --repeat <n>", "send it n times, each freshly signed", whole)
  .option("--duplicate", "send the same signed delivery twice (or --repeat times), as a sender's retry does")
  .option("-H, --header <header>", "an extra header, `name: value`; repeatable", collect)
  .addHelpText(
    "after",
    examples(
      [
        "hookproof send http://localhost:3000/webhooks -p stack-auth -e user.created -s whsec_…",
        "hookproof send http://localhost:3000/webhooks -p stack-auth -e user.created -s whsec_… --tamper",
        "hookproof send http://localhost:3000/webhooks -p generic -d event.json -s $WEBHOOK_SECRET --repeat 5",
        "hookproof send http://localhost:3000/webhooks -p clerk -e user.created -s whsec_… --duplicate --json",
      ],
      "With --tamper, --wrong-secret, --expired, --future or --missing-header the exit code is 0 when the\nreceiver rejects every delivery and 1 when it accepts one.",
    ),
  )
  .action(async (url: string, options) => {
    process.exitCode = await sendCommand(url, options);
  });

withPayload(withCommon(program.command("sign")))
  .description("Print the headers a provider would send, or a ready curl command.")
  .option("--curl [url]", `print a curl command that sends it (default URL ${DEFAULT_URL})`)
  .option("--id <id>", "the event or delivery id to sign")
  .option("--timestamp <unix>", "the timestamp to sign, unix seconds", whole)
  .addHelpText(
    "after",
    examples([
      "hookproof sign -p stack-auth -e user.created -s whsec_…",
      "hookproof sign -p stack-auth -e user.created -s whsec_… --curl http://localhost:3000/webhooks | sh",
      "hookproof sign -p userfront -e user.create -s $USERFRONT_KEY --json",
    ]),
  )
  .action(async (options) => {
    process.exitCode = await signCommand(options);
  });

withCommon(
  program.command("verify").argument("<file>", "the captured request, or - for standard input"),
  "many",
)
  .summary("Say exactly why a captured request fails verification, or that it is valid.")
  .description(
    "Check a captured request (raw HTTP, or JSON { headers, body }) and say exactly why it fails: a missing header, no matching secret, clock skew, a re-serialised body — or that it is valid.",
  )
  .option("--now <time>", "the clock to check against: unix seconds or an ISO date (default: now)")
  .option(
    "--tolerance <seconds>",
    `the replay window, seconds each way (default: the provider's own, else ${DEFAULT_TOLERANCE_SECONDS})`,
    whole,
  )
  .option(
    "--url <url>",
    "senders that sign the URL (twilio, square, hubspot): the public URL they post to (default: the capture's request line and Host)",
  )
  .addHelpText(
    "after",
    examples(
      [
        "hookproof verify -p stack-auth -s whsec_… captured.http",
        "hookproof verify -p twilio -s $TWILIO_AUTH_TOKEN --url https://hooks.example.com/twilio captured.http",
        "hookproof verify -p stack-auth -s whsec_new… -s whsec_old… capture.json --json",
        "hookproof verify -p clerk -s whsec_… --now 2026-11-25T12:00:00Z captured.http",
        "pbpaste | hookproof verify -p ferriskey -s $FERRISKEY_SECRET -",
        "hookproof verify -p ferriskey --token-header x-webhook-token -s $TOKEN captured.http",
      ],
      CAPTURE_EXAMPLE,
    ),
  )
  .action(async (file: string, options) => {
    process.exitCode = await verifyCommand(file, options);
  });

withCommon(program.command("listen"), "many", "print one JSON line per delivery, for scripts")
  .summary("Receive, record, explain and forward deliveries, with a live inspector page.")
  .description(
    "Receive deliveries on 127.0.0.1, record each exactly (.hookproof/deliveries/), say why it passes or fails, forward it byte for byte to your app, and show it all live in the inspector page, where you can replay, re-sign, edit and send, or send a fixture.",
  )
  .option("-f, --forward <url>", "forward every delivery to your app, e.g. http://localhost:3000/webhooks")
  .option("--port <port>", `the port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)`, whole)
  .option("--dir <dir>", "where the deliveries are kept (default .hookproof)")
  .option(
    "--tolerance <seconds>",
    `the replay window, seconds each way (default ${DEFAULT_TOLERANCE_SECONDS})`,
    whole,
  )
  .option(
    "--allow-host <host>",
    "also accept deliveries (never the inspector) addressed to this Host, e.g. a tunnel's; repeatable",
    collect,
  )
  .option("--keep <n>", "keep the newest n deliveries (default 500)", whole)
  .addHelpText(
    "after",
    examples(
      [
        "hookproof listen -p stack-auth -s whsec_… --forward http://localhost:3000/webhooks/stack-auth",
        "hookproof send http://127.0.0.1:4400/webhooks -p stack-auth -e user.created -s whsec_…",
        "hookproof listen -p generic -s $WEBHOOK_SECRET --port 0 --json",
        "hookproof listen -p clerk -s whsec_… --allow-host abc123.ngrok.app",
      ],
      "Open the inspector at the address it prints. Only 127.0.0.1 is bound; the page and its actions answer\nonly to Host 127.0.0.1:<port> or localhost:<port>, and its actions need the page's session token.",
    ),
  )
  .action(async (options) => {
    process.exitCode = await listenCommand(options);
  });

program
  .command("fixtures")
  .argument("[provider]", "list this provider's events")
  .argument("[event]", "print this event's fixture")
  .description("List the providers, a provider's events, or print one fixture.")
  .option("--json", "print JSON (a fixture: its exact compact body)")
  .option("--no-color", "plain output even on a terminal")
  .addHelpText(
    "after",
    examples([
      "hookproof fixtures",
      "hookproof fixtures stack-auth",
      "hookproof fixtures stack-auth user.created --json",
    ]),
  )
  .action((provider: string | undefined, event: string | undefined, options) => {
    process.exitCode = fixturesCommand(provider, event, options);
  });

program
  .command("queue")
  .argument("[args...]", "list | replay <jobId> [--redis <url>] [--queue <name>] [--prefix <p>] [--json]")
  .summary("List the dead letters of a @hookproof/bullmq queue, or replay one.")
  .description(
    "List the events whose every run failed on the workers of a @hookproof/bullmq queue, or queue one again (its attempts reset). Needs @hookproof/bullmq installed; `hookproof queue --help` lists its options.",
  )
  .helpOption(false)
  .allowUnknownOption()
  .allowExcessArguments()
  .action(async (args: string[]) => {
    process.exitCode = await queueCommand(args);
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander already printed the message (or the help); only the exit code is ours.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof UsageError) {
    process.stderr.write(`hookproof: ${error.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    process.stderr.write(`hookproof: ${(error as Error).message ?? error}\n`);
    process.exitCode = EXIT.failed;
  }
}
