/**
 * The router's durations and limits, each checked once, when the router is created.
 * @module
 */
import { configError } from "../errors.js";
import { integerOption } from "../integer-option.js";
import { type Authenticator, createAuthenticator, type UrlResolver } from "../verify/authenticate.js";
import { DEFAULT_TOLERANCE_SECONDS } from "../verify/replay-window.js";
import type { RouterOptions } from "./options.js";
import { urlResolver } from "./public-url.js";
import { checkReplayBound } from "./replay-bound.js";
import type { EventMap, WebhookProvider } from "./types.js";

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** What {@link routerSettings} checked and settled on. */
export interface RouterSettings {
  /** Authentication under the checked `tolerance` and `maxBodyBytes`. */
  authenticator: Authenticator;
  /** How the URL an adapter saw becomes the public one (`publicUrl`, `trustProxy`), when it changes. */
  resolveUrl: UrlResolver | undefined;
  /** Seconds. */
  tolerance: number;
  retainMs: number;
  lockMs: number;
  timeoutMs: number;
  /** Seconds, when the provider's events carry a signed creation time that bounds their age. */
  maxAge: number | undefined;
}

/**
 * Checks the router's options: each duration and count an integer in its range (retention up to 30 days;
 * lock and timeout up to an hour; `maxAge` up to 30 days and within the retention; `tolerance` (the router's,
 * else the provider's own) and `maxBodyBytes` as `createVerifier` takes them), the lock longer than the timeout, and replays bounded in
 * time or the lack of it accepted (`replayBound`). Throws a `[@hookproof/core]` TypeError otherwise.
 *
 * @example
 * const { authenticator, retainMs, lockMs } = routerSettings(options, provider, Date.now);
 */
export function routerSettings(
  options: Pick<
    RouterOptions<EventMap>,
    | "tolerance"
    | "maxBodyBytes"
    | "retainMs"
    | "lockMs"
    | "timeoutMs"
    | "maxAge"
    | "dedupe"
    | "replayBound"
    | "publicUrl"
    | "trustProxy"
  >,
  provider: WebhookProvider<EventMap>,
  now: () => number,
): RouterSettings {
  const { maxBodyBytes } = options;
  // The router's option wins; else the sender's own window (Mailgun retries with the original signature for 8 h).
  const own = options.tolerance === undefined ? provider.tolerance : undefined;
  const tolerance = integerOption(
    own === undefined ? "tolerance" : `${provider.name}.tolerance`,
    options.tolerance ?? own ?? DEFAULT_TOLERANCE_SECONDS,
    86_400,
  );
  const authenticator = createAuthenticator({ scheme: provider.scheme, now, tolerance, maxBodyBytes });
  const retainMs = integerOption("retainMs", options.retainMs ?? 72 * HOUR, 30 * DAY);
  const lockMs = integerOption("lockMs", options.lockMs ?? 60_000, HOUR);
  const timeoutMs = integerOption("timeoutMs", options.timeoutMs ?? 25_000, HOUR);
  const age = options.maxAge ?? provider.maxAge;
  const maxAge = age === undefined ? undefined : integerOption("maxAge", age, (30 * DAY) / 1000);
  const dedupe = options.dedupe !== false;
  checkReplayBound(provider, maxAge, dedupe, options.replayBound);
  if (maxAge !== undefined && dedupe && maxAge * 1000 > retainMs) {
    throw configError(
      `\`maxAge\` (${maxAge} s) is longer than the dedupe retention \`retainMs\` (${retainMs} ms): a replay older than the retention would be handled again. Lower maxAge or raise retainMs.`,
    );
  }
  if (dedupe && lockMs <= timeoutMs) {
    throw configError("`lockMs` must be longer than `timeoutMs`, or a running handler could lose its claim.");
  }
  return {
    authenticator,
    resolveUrl: urlResolver(options),
    tolerance,
    retainMs,
    lockMs,
    timeoutMs,
    maxAge,
  };
}
