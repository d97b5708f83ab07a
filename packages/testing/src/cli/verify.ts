/**
 * `hookproof verify`: reads a captured request and says exactly why it fails, or that it is valid.
 * @module
 */
import { DEFAULT_TOLERANCE_SECONDS } from "@hookproof/core";
import { parseCapture } from "./capture.js";
import { diagnose } from "./diagnose.js";
import { createOutput, UsageError } from "./output.js";
import { readInput } from "./payload.js";
import { buildProvider, findProvider, type SecretOptions } from "./providers.js";

export interface VerifyCommandOptions extends SecretOptions {
  provider?: string;
  now?: string;
  tolerance?: number;
  /** `--url`: the URL the sender signed, for senders that sign it (default: the capture's). */
  url?: string;
  json?: boolean;
  color?: boolean;
}

/** `--now`: unix seconds, unix milliseconds (13+ digits) or an ISO 8601 date; default the clock. */
export function parseNow(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed)
    ? Number(trimmed) * (trimmed.length >= 13 ? 1 : 1000)
    : /^\d{4}-\d{2}-\d{2}/.test(trimmed)
      ? Date.parse(trimmed)
      : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(
      `--now "${value}" must be unix seconds or an ISO date such as 2026-11-25T12:00:00Z.`,
    );
  }
  return ms;
}

/** `--url`: an absolute http(s) URL, as the sender was given it. */
function parseUrl(value: string): string {
  if (!/^https?:\/\/[^/]/i.test(value)) {
    throw new UsageError(
      `--url "${value}" must be the absolute URL the sender posts to, e.g. https://hooks.example.com/twilio.`,
    );
  }
  return value;
}

export async function verifyCommand(file: string, options: VerifyCommandOptions): Promise<number> {
  const out = createOutput(options);
  const entry = findProvider(options.provider);
  const provider = buildProvider(entry, options);
  const tolerance = options.tolerance ?? provider.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isInteger(tolerance) || tolerance < 1 || tolerance > 86_400) {
    throw new UsageError("--tolerance must be whole seconds from 1 to 86400.");
  }
  const now = parseNow(options.now);
  const capture = parseCapture(readInput(file));
  const result = await diagnose(provider, capture, {
    now,
    tolerance,
    secrets: entry.keyPair ? (options.publicKey?.length ?? 1) : (options.secret?.length ?? 0),
    ...(entry.keyPair ? { credential: "public key" as const } : {}),
    ...(options.url === undefined ? {} : { url: parseUrl(options.url) }),
  });
  out.result({ provider: entry.name, ...result });
  out.line(result.valid ? out.style("green", `✓ ${result.reason}`) : out.style("red", `✗ ${result.reason}`));
  if (
    result.skewSeconds !== undefined &&
    result.code !== "timestamp_expired" &&
    result.code !== "timestamp_in_future"
  ) {
    out.line(out.style("dim", `  signed ${result.skewSeconds} s before now (tolerance ±${tolerance} s)`));
  }
  for (const note of result.notes) out.line(out.style("yellow", `  ${note}`));
  return result.valid ? 0 : 1;
}
