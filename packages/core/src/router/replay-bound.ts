/**
 * What stops a captured request from being handled again: a signed timestamp, a signed creation time with
 * `maxAge`, or, when nothing signs a time, only the dedupe retention, which a router must accept explicitly.
 * @module
 */
import { configError } from "../errors.js";
import type { EventMap, WebhookProvider } from "./types.js";

/**
 * How far replay protection reaches when nothing signs a time: `"retention"`, until the dedupe store
 * forgets the event id (`retainMs`, or sooner if a full store evicts it); `"none"`, not at all (`dedupe: false`).
 */
export type ReplayBound = "retention" | "none";

/** Whether a replay of an event is refused after some time, whatever the dedupe store remembers. */
function timeBound(provider: WebhookProvider<EventMap>, maxAge: number | undefined): boolean {
  return provider.scheme.signsTimestamp || (maxAge !== undefined && provider.eventTime !== undefined);
}

/**
 * Throws a `[@hookproof/core]` TypeError when nothing bounds replays in time and the options do not say that
 * this is accepted: a router on a scheme that signs no timestamp (`githubHmac`, `bearer`, `headerToken`)
 * without `maxAge` replays forever once the dedupe store forgets an id.
 */
export function checkReplayBound(
  provider: WebhookProvider<EventMap>,
  maxAge: number | undefined,
  dedupe: boolean,
  chosen: unknown,
): void {
  if (chosen !== undefined && chosen !== "retention" && chosen !== "none") {
    throw configError('`replayBound` must be "retention" or "none".');
  }
  if (maxAge !== undefined && provider.eventTime === undefined) {
    throw configError(
      `\`maxAge\` needs the event's signed creation time, and ${provider.name} events have none: pass \`eventTime\` (a custom router), or drop maxAge.`,
    );
  }
  if (timeBound(provider, maxAge)) return;
  const scheme = `\`${provider.scheme.name}\``;
  if (!dedupe) {
    if (chosen === "none") return;
    throw configError(
      `${provider.name}'s scheme ${scheme} signs no timestamp and \`dedupe\` is false, so nothing stops a replay: a captured request is handled again every time it is sent. Keep a dedupe store, or pass \`replayBound: "none"\` to accept that.`,
    );
  }
  if (chosen === "retention" || provider.replayBound === "retention") return;
  throw configError(
    `${provider.name}'s scheme ${scheme} signs no timestamp and there is no \`maxAge\` over a signed creation time, so the dedupe store is the only replay protection: a request captured now is handled again once its id is forgotten (\`retainMs\`, default 72 h, or sooner when a full memoryStore evicts it). Pass \`replayBound: "retention"\` to accept that, or sign a time (a scheme with a timestamp, or \`maxAge\` with \`eventTime\`).`,
  );
}

/**
 * When a replay of this event stops passing verification, ms since the epoch (exclusive): its signed
 * timestamp + `tolerance`, or its signed creation time + `maxAge`, whichever ends first; `undefined` when
 * nothing signs a time, and the retention is the only bound.
 */
export function replayEnd(
  provider: WebhookProvider<EventMap>,
  event: { timestamp: number | undefined; payload: unknown },
  tolerance: number,
  maxAge: number | undefined,
): number | undefined {
  // The replay window compares whole seconds: a timestamp `tolerance` seconds old passes for a whole second.
  let end = event.timestamp === undefined ? undefined : (event.timestamp + tolerance + 1) * 1000;
  const createdAt = maxAge === undefined ? undefined : provider.eventTime?.(event.payload);
  if (createdAt !== undefined && maxAge !== undefined) {
    const aged = createdAt + maxAge * 1000 + 1;
    end = end === undefined ? aged : Math.min(end, aged);
  }
  return end;
}
