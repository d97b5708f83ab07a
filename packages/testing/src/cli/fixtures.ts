/**
 * `hookproof fixtures [provider] [event]`: the providers, a provider's events, or one fixture.
 * @module
 */
import { fixturesOf } from "../fixtures.js";
import { createOutput, UsageError } from "./output.js";
import { findProvider, PROVIDERS } from "./providers.js";

export interface FixturesCommandOptions {
  json?: boolean;
  color?: boolean;
}

export function fixturesCommand(
  provider: string | undefined,
  event: string | undefined,
  options: FixturesCommandOptions,
): number {
  const out = createOutput(options);
  if (provider === undefined) {
    const list = PROVIDERS.map((entry) => ({
      name: entry.name,
      events: Object.keys(fixturesOf(entry.name)),
    }));
    out.result({ providers: list });
    for (const item of list) {
      out.line(
        `${out.style("bold", item.name.padEnd(12))} ${out.style("dim", `${item.events.length} events`)}`,
      );
    }
    return 0;
  }
  const entry = findProvider(provider);
  const events = Object.keys(fixturesOf(entry.name));
  if (event === undefined) {
    out.result({ provider: entry.name, events });
    for (const name of events) out.line(name);
    return 0;
  }
  if (!events.includes(event)) {
    throw new UsageError(
      `No fixture "${event}" for ${entry.name}. Its events: ${events.join(", ") || "none yet"}.`,
    );
  }
  const payload = fixturesOf(entry.name)[event];
  // `--json` prints the exact compact body a sender signs; the terminal gets it readable.
  if (out.json) process.stdout.write(`${JSON.stringify(payload)}\n`);
  else out.line(JSON.stringify(payload, null, 2));
  return 0;
}
