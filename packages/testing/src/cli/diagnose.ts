/**
 * Says exactly why a captured request fails: a missing header, no secret matching, clock skew, a body
 * re-serialised on the way, or that it is valid and which event it is.
 * @module
 */
import {
  checkReplayWindow,
  createWebhooks,
  type EventMap,
  isWebhookVerificationError,
  readHeaders,
  type SchemeResult,
  type WebhookErrorCode,
  type WebhookProvider,
} from "@hookproof/core";
import type { Capture } from "./capture.js";
import { UsageError } from "./output.js";

export interface Diagnosis {
  valid: boolean;
  /** The core's error code; `null` when valid. */
  code: WebhookErrorCode | null;
  /** One sentence: what is wrong, or which event this is. */
  reason: string;
  header?: string;
  /** Where the first schema problem is, for `invalid_payload`: `data.primary_email`. */
  path?: string;
  /** Seconds between the signed timestamp and now; positive when it lies in the past. */
  skewSeconds?: number;
  tolerance: number;
  /** How the body was re-serialised after signing, when a re-serialised form verifies. */
  reserialised?: string;
  id?: string;
  type?: string;
  /** Which `--secret` matched (0-based). */
  keyIndex?: number;
  notes: string[];
}

export interface DiagnoseOptions {
  /** The clock, ms. */
  now: number;
  tolerance: number;
  /** How many secrets, tokens or public keys were given. */
  secrets: number;
  /** What they are called in the answer: `"secret"` unless the sender signs with a key pair. */
  credential?: "secret" | "public key";
  /** The URL the request was sent to, for senders that sign it; default the capture's own. */
  url?: string;
}

const encoder = new TextEncoder();

const CHANGED_BODY =
  "Either the secret is not the one this request was signed with, or the body changed after signing: " +
  "a proxy or framework re-encoded it, a parser re-serialised it in a form not tried here, or the " +
  "capture is not byte for byte what arrived (an editor's line endings, a logger's truncation).";

/** Forms a JSON body commonly takes after a parser or a logger rewrote it, by what the sender signed. */
const FORMS: readonly [string, (text: string, parsed: unknown) => string | undefined][] = [
  ["compact", (_, parsed) => (parsed === undefined ? undefined : JSON.stringify(parsed))],
  ["pretty (2 spaces)", (_, parsed) => (parsed === undefined ? undefined : JSON.stringify(parsed, null, 2))],
  ["pretty (4 spaces)", (_, parsed) => (parsed === undefined ? undefined : JSON.stringify(parsed, null, 4))],
  ["without the trailing newline", (text) => text.replace(/\r?\n$/, "")],
  ["with a trailing newline", (text) => `${text}\n`],
];

/** The request as a scheme sees it: the URL and method only when the capture (or `--url`) gave them. */
type Target = { method?: string; url?: string };

async function schemeCheck(
  provider: WebhookProvider<EventMap>,
  headers: Capture["headers"],
  body: Uint8Array,
  target: Target,
): Promise<SchemeResult | Error> {
  try {
    return await provider.scheme.verify({ header: readHeaders(headers), body, ...target });
  } catch (error) {
    if (
      error instanceof TypeError &&
      target.url === undefined &&
      /needs the request URL/.test(error.message)
    ) {
      throw new UsageError(
        `${provider.name} signs the URL it sends to: pass it with --url (the public URL given to ${provider.name}), or capture the request line and its Host header.`,
      );
    }
    return error as Error;
  }
}

/** The form of the body that the signature does match, if it is a re-serialisation of what arrived. */
async function findReserialised(
  provider: WebhookProvider<EventMap>,
  capture: Capture,
  target: Target,
): Promise<string | undefined> {
  const text = new TextDecoder().decode(capture.body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  for (const [label, form] of FORMS) {
    const candidate = form(text, parsed);
    if (candidate === undefined || candidate === text) continue;
    const result = await schemeCheck(provider, capture.headers, encoder.encode(candidate), target);
    if (!(result instanceof Error)) return label;
  }
  return undefined;
}

/** A signed unix timestamp from the headers (`*-timestamp`, or a Stripe-style `t=`), for skew notes. */
function headerTimestamp(headers: Capture["headers"]): number | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.endsWith("timestamp") && /^\d+$/.test(value.trim())) return Number(value.trim());
    const field = /(?:^|,)\s*t=(\d+)/.exec(value);
    if (name.endsWith("signature") && field) return Number(field[1]);
  }
  return undefined;
}

/** The replay window's refusal of a signed timestamp, if it refuses it: the core's own check, so both agree. */
function windowError(timestamp: number, nowMs: number, tolerance: number): WebhookErrorCode | undefined {
  try {
    checkReplayWindow(timestamp, nowMs, tolerance);
    return undefined;
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error;
    return error.code;
  }
}

function skewText(skew: number, tolerance: number): string {
  const where = skew >= 0 ? `${skew} s in the past` : `${-skew} s in the future`;
  return `clock skew: the signed timestamp is ${where} (tolerance ±${tolerance} s)`;
}

/**
 * Diagnoses `capture` against `provider` (built with every secret to try).
 *
 * @example
 * const diagnosis = await diagnose(stackAuth({ secret }), parseCapture(bytes), { now: Date.now(), tolerance: 300, secrets: 1 });
 */
export async function diagnose(
  provider: WebhookProvider<EventMap>,
  capture: Capture,
  options: DiagnoseOptions,
): Promise<Diagnosis> {
  const { tolerance } = options;
  const notes = capture.note ? [capture.note] : [];
  const base = { tolerance, notes };
  const nowSeconds = Math.floor(options.now / 1000);
  const url = options.url ?? capture.url;
  const target: Target = {
    ...(capture.method === undefined ? {} : { method: capture.method }),
    ...(url === undefined ? {} : { url }),
  };
  const checked = await schemeCheck(provider, capture.headers, capture.body, target);

  if (checked instanceof Error) {
    if (!isWebhookVerificationError(checked)) throw checked;
    const header = checked.header;
    const signedAt = headerTimestamp(capture.headers);
    if (signedAt !== undefined && windowError(signedAt, options.now, tolerance) !== undefined) {
      notes.push(`Once that is fixed it will still fail on ${skewText(nowSeconds - signedAt, tolerance)}.`);
    }
    const where = header ? { header } : {};
    if (checked.code === "missing_header") {
      return { ...base, ...where, valid: false, code: checked.code, reason: `missing header \`${header}\`` };
    }
    if (checked.code === "invalid_signature" || checked.code === "invalid_token") {
      const reserialised =
        checked.code === "invalid_signature" ? await findReserialised(provider, capture, target) : undefined;
      if (reserialised) {
        const reason = `the body looks re-serialised: the signature matches it as ${reserialised} JSON, not the bytes received — something parsed and re-wrote the body before verification; verify the raw bytes`;
        return { ...base, ...where, valid: false, code: checked.code, reason, reserialised };
      }
      const what = checked.code === "invalid_token" ? "token" : "signature";
      const noun = what === "token" ? "token" : (options.credential ?? "secret");
      const secrets = `${options.secrets} ${noun}${options.secrets === 1 ? "" : "s"}`;
      const reason = `the ${what}${header ? ` in \`${header}\`` : ""} matches none of the ${secrets} given`;
      // A wrong secret and a changed body fail the same way; a token covers no body, so only the first applies.
      if (what === "signature") notes.push(CHANGED_BODY);
      if (what === "signature" && options.url === undefined && capture.urlFromHost) {
        notes.push(
          `Checked against ${url}, put together from the capture's Host and path: a sender that signs the URL signed the one it was given; pass that with --url.`,
        );
      }
      return { ...base, ...where, valid: false, code: checked.code, reason };
    }
    return { ...base, ...where, valid: false, code: checked.code, reason: checked.message };
  }

  const skewSeconds = checked.timestamp === undefined ? undefined : nowSeconds - checked.timestamp;
  const skew = skewSeconds === undefined ? {} : { skewSeconds };
  const matched = { keyIndex: checked.keyIndex, ...(checked.id === undefined ? {} : { id: checked.id }) };
  const code =
    checked.timestamp === undefined ? undefined : windowError(checked.timestamp, options.now, tolerance);
  if (skewSeconds !== undefined && code !== undefined) {
    return { ...base, ...skew, ...matched, valid: false, code, reason: skewText(skewSeconds, tolerance) };
  }
  if (checked.keyIndex > 0)
    notes.push(
      `Matched --${options.credential === "public key" ? "public-key" : "secret"} #${checked.keyIndex + 1}; the ones before it did not match this request.`,
    );
  // Verifies one captured request and handles nothing: no dedupe, so no replay bound to keep.
  const hooks = createWebhooks({
    provider,
    dedupe: false,
    replayBound: "none",
    tolerance,
    now: () => options.now,
  });
  try {
    const event = await hooks.verify({ headers: capture.headers, body: capture.body, ...target });
    const reason = `valid: event ${event.id} of type ${event.type}`;
    return { ...base, ...skew, ...matched, valid: true, code: null, reason, id: event.id, type: event.type };
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error;
    const path = error.path === undefined ? {} : { path: error.path };
    return { ...base, ...skew, ...matched, ...path, valid: false, code: error.code, reason: error.message };
  }
}
