/**
 * What `hookproof listen` keeps of each delivery: the request exactly as it arrived, the verdict of
 * hookproof's pipeline on it, and the app's answer when it was forwarded.
 * @module
 */

/** The verdict on one delivery. */
export interface Verdict {
  /** `valid`, a `duplicate` of an earlier valid delivery, or `rejected`. */
  status: "valid" | "duplicate" | "rejected";
  /** The core's error code when rejected; `null` otherwise. */
  code: string | null;
  /** One sentence: why it was rejected, or which event it is. */
  reason: string;
  /** What else helps: a second problem behind the first, which secret matched. */
  notes: string[];
  /** The dedupe id, when the delivery authenticated. */
  eventId?: string;
  /** The event type: authenticated when valid, as the body claims it otherwise. */
  type?: string;
  /** The earlier delivery this one repeats. */
  duplicateOf?: number;
  /** Where the first schema problem is, for `invalid_payload`. */
  path?: string;
  /** Seconds between the signed timestamp and arrival; positive when it lies in the past. */
  skewSeconds?: number;
}

/** What the app answered a forwarded delivery, or why it could not be reached. */
export type AppAnswer =
  | {
      status: number;
      latencyMs: number;
      contentType: string | null;
      /** The answer's text, cut at 64 KiB. */
      body: string;
      truncated: boolean;
    }
  | { error: string; latencyMs: number };

/** One delivery as stored in `.hookproof/deliveries/<seq>.json`. */
export interface DeliveryRecord {
  /** 1, 2, 3…, across restarts. */
  seq: number;
  /** ISO 8601, ms. */
  receivedAt: string;
  /** The provider it was checked as (the CLI name). */
  provider: string;
  /** `http` for a request that arrived, or the inspector action that made it (`re-signed #3`). */
  source: string;
  method: string;
  /** Path and query, as requested. */
  path: string;
  /** Every header in arrival order, names as sent. */
  headers: [string, string][];
  /** The body's exact bytes. */
  bodyBase64: string;
  verdict: Verdict;
  /** Set once the app answered, when forwarding. */
  answer?: AppAnswer;
}

/** A request to record: what arrived, or what an inspector action built. */
export interface Arrival {
  method: string;
  path: string;
  headers: [string, string][];
  body: Uint8Array;
  source: string;
}

/**
 * The headers as one record, lower-case names, repeated fields joined by commas (RFC 9110 §5.3).
 *
 * @example
 * headerRecord([["Svix-Id", "msg_1"]]); // { "svix-id": "msg_1" }
 */
export function headerRecord(headers: readonly [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
  }
  return out;
}

/**
 * The body bytes of a record.
 *
 * @example
 * bodyOf(record); // Uint8Array
 */
export function bodyOf(record: DeliveryRecord): Uint8Array {
  return new Uint8Array(Buffer.from(record.bodyBase64, "base64"));
}
