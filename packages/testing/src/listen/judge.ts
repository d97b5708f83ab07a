/**
 * The verdict on a delivery, from hookproof's own pipeline: `diagnose` (the core's scheme, replay window and
 * event stage, with the reasons `hookproof verify` gives) plus what only a history knows, a duplicate.
 * @module
 */
import { type EventMap, readHeaders, type WebhookProvider } from "@hookproof/core";
import { requestUrl } from "../cli/capture.js";
import { diagnose } from "../cli/diagnose.js";
import { type Arrival, headerRecord, type Verdict } from "./record.js";

export interface JudgeOptions {
  /** Arrival time, ms. */
  now: number;
  tolerance: number;
  /** How many secrets were given. */
  secrets: number;
  /** The earlier valid delivery of this event id, if any. */
  firstOf(eventId: string): number | undefined;
}

/** The type a body claims, for a delivery that did not authenticate: shown and filtered on, never trusted. */
function claimedType(
  provider: WebhookProvider<EventMap>,
  headers: Record<string, string>,
  body: Uint8Array,
): string | undefined {
  try {
    const type = provider.eventType(JSON.parse(new TextDecoder().decode(body)), readHeaders(headers));
    return typeof type === "string" ? type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Judges one arrival against `provider`.
 *
 * @example
 * const verdict = await judge(provider, arrival, { now: Date.now(), tolerance: 300, secrets: 1, firstOf });
 */
export async function judge(
  provider: WebhookProvider<EventMap>,
  arrival: Arrival,
  options: JudgeOptions,
): Promise<Verdict> {
  const headers = headerRecord(arrival.headers);
  // Senders that sign the URL (Twilio, Square, HubSpot) signed the public one: a tunnel passes its Host on.
  const found = await diagnose(
    provider,
    { headers, body: arrival.body, method: arrival.method, ...requestUrl(arrival.path, headers) },
    { now: options.now, tolerance: options.tolerance, secrets: options.secrets },
  );
  const type = found.type ?? claimedType(provider, headers, arrival.body);
  const known = {
    notes: found.notes,
    ...(found.id === undefined ? {} : { eventId: found.id }),
    ...(type === undefined ? {} : { type }),
    ...(found.skewSeconds === undefined ? {} : { skewSeconds: found.skewSeconds }),
  };
  if (!found.valid) {
    const at = found.code === "invalid_payload" && found.path ? { path: found.path } : {};
    const reason = at.path === undefined ? found.reason : `schema issue at ${at.path}: ${found.reason}`;
    return { status: "rejected", code: found.code, reason, ...known, ...at };
  }
  const first = found.id === undefined ? undefined : options.firstOf(found.id);
  if (first !== undefined) {
    const reason = `duplicate of delivery #${first} (event ${found.id})`;
    return { status: "duplicate", code: null, reason, ...known, duplicateOf: first };
  }
  return { status: "valid", code: null, reason: found.reason, ...known };
}
