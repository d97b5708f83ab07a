/**
 * What the CLI signs: a fixture (`--event`) or a file (`--data`), and which negative variant, if any.
 * @module
 */
import { readFileSync } from "node:fs";
import { dateNow } from "../event-time.js";
import { fixturesOf, providerKey } from "../fixtures.js";
import type { Variant } from "../variants.js";
import { UsageError } from "./output.js";
import type { ProviderEntry } from "./providers.js";

export interface PayloadOptions {
  event?: string;
  data?: string;
}

export interface VariantOptions {
  tamper?: boolean;
  wrongSecret?: boolean;
  expired?: boolean;
  future?: boolean;
  missingHeader?: string | boolean;
}

/** Reads a file, or standard input for `-`. */
export function readInput(path: string): Buffer {
  try {
    return readFileSync(path === "-" ? 0 : path);
  } catch (error) {
    throw new UsageError(
      `Cannot read ${path === "-" ? "standard input" : path}: ${(error as Error).message}`,
    );
  }
}

/**
 * The payload: the fixture for `--event` dated now, or `--data`'s JSON (sent compact, as providers send it; a file
 * that is not JSON is sent as its exact text).
 */
export function loadPayload(
  entry: ProviderEntry,
  options: PayloadOptions,
): { payload: unknown; event: string | undefined } {
  if (options.data !== undefined) {
    const text = readInput(options.data).toString("utf8");
    try {
      const payload: unknown = JSON.parse(text);
      return { payload, event: options.event ?? eventType(payload) };
    } catch {
      return { payload: text, event: options.event };
    }
  }
  if (options.event === undefined) {
    throw new UsageError("Say what to sign: --event <type> for a fixture, or --data <file.json>.");
  }
  const events = fixturesOf(entry.name);
  if (!Object.hasOwn(events, options.event)) {
    const known = Object.keys(events).join(", ") || "none yet";
    throw new UsageError(`No fixture "${options.event}" for ${entry.name}. Its events: ${known}.`);
  }
  // Dated now, as the sender would date an event it sends now (see `fixture()`).
  const payload = dateNow(providerKey(entry.name) ?? "", structuredClone(events[options.event]), Date.now());
  return { payload, event: options.event };
}

function eventType(payload: unknown): string | undefined {
  const record = payload as Record<string, unknown> | null;
  for (const field of ["type", "event"]) {
    if (typeof record?.[field] === "string") return record[field] as string;
  }
  return undefined;
}

/** The one variant the flags ask for, if any. */
export function variantOf(options: VariantOptions): { variant?: Variant; missingHeader?: string } {
  const chosen: { variant: Variant; missingHeader?: string }[] = [];
  if (options.tamper) chosen.push({ variant: "tampered" });
  if (options.wrongSecret) chosen.push({ variant: "wrongSecret" });
  if (options.expired) chosen.push({ variant: "expired" });
  if (options.future) chosen.push({ variant: "future" });
  if (options.missingHeader !== undefined && options.missingHeader !== false) {
    const name = typeof options.missingHeader === "string" ? options.missingHeader : undefined;
    chosen.push(
      name === undefined ? { variant: "missingHeader" } : { variant: "missingHeader", missingHeader: name },
    );
  }
  if (chosen.length > 1) {
    throw new UsageError("Choose one of --tamper, --wrong-secret, --expired, --future, --missing-header.");
  }
  return chosen[0] ?? {};
}

/** Variant flags shared by `send` and `sign`, as commander option specs with their help. */
export const VARIANT_FLAGS: readonly [string, string][] = [
  ["--tamper", "change the body after signing (a receiver must answer 401)"],
  ["--wrong-secret", "sign as if with another secret"],
  ["--expired", "sign with a timestamp past the tolerance (schemes that sign one)"],
  ["--future", "sign with a timestamp beyond the tolerance in the future"],
  ["--missing-header [name]", "drop a header (default: the signature or token header)"],
];
