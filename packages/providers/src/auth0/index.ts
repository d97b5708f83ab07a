/**
 * Auth0 log streams (Custom Webhook): log entries `{ log_id, data }` posted in batches, authenticated only by a
 * static `Authorization` header value.
 *
 * Sources: auth0.com/docs/customize/log-streams/custom-log-streams (the settings: Payload URL, "Authorization
 * Token" sent as the `Authorization` header's value, content format JSON Lines, JSON Array or JSON Object; "we will
 * retry up to three times"), auth0.com/docs/deploy-monitor/logs/log-event-type-codes (the codes); npm `auth0` 7.1.0
 * `dist/cjs/management/api/types/types.d.ts` (`Log`, `LogStreamHttpContentFormatEnum`); auth0/auth0-log-schemas at
 * 8b58c73f `schemas/log-types/*.schema.json`. Auth0's sender is closed source, signs nothing, and Auth0 ships no
 * receiver library: the format is tested with Auth0's documented content formats.
 * @module
 */
import type { Tokens, WebhookProvider } from "@hookproof/core";
import { headerToken, WebhookVerificationError } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { arrayItems } from "../kit/array-items.js";
import { stringField } from "../kit/string-field.js";
import { type Auth0Events, auth0Catalogue } from "./events.js";

export type {
  Auth0ApiDetails,
  Auth0EventData,
  Auth0Events,
  Auth0Log,
  Auth0LogEntry,
  Auth0MemberAddedDetails,
} from "./events.js";
export { auth0Catalogue } from "./events.js";

/** Auth0 gives no retry span: a day is past its three retries and under the 72 h dedupe retention. */
const MAX_AGE_SECONDS = 24 * 60 * 60;

/** Options of {@link auth0}. */
export interface Auth0Options {
  /**
   * The stream's "Authorization Token", exactly as typed in Auth0 (Monitoring → Streams → the Custom Webhook):
   * Auth0 sends it verbatim as the `Authorization` header, so include `Bearer ` if you typed it. A list while rotating.
   */
  token: Tokens;
  /** Accept a token under 16 bytes, when an existing stream forces one on you. */
  allowShortSecret?: boolean;
}

const decoder = new TextDecoder();

/** A body in any of the stream's content formats: a JSON array or object, or JSON Lines (one entry a line). */
function decodeLogs(raw: Uint8Array): unknown {
  const text = decoder.decode(raw);
  try {
    return JSON.parse(text);
  } catch {
    const lines = text.split("\n").filter((line) => line.trim() !== "");
    try {
      return lines.map((line) => JSON.parse(line) as unknown);
    } catch {
      throw new WebhookVerificationError(
        "invalid_json",
        "The Auth0 log stream body is not JSON, a JSON array, or JSON Lines: set the stream's content format to one of them.",
      );
    }
  }
}

/** `data.<key>` of an entry, when it is a string. */
function dataField(entry: unknown, key: string): string | undefined {
  return stringField((entry as { data?: unknown } | null)?.data, key);
}

/**
 * Auth0 log streams: the `Authorization` value compared whole in constant time; each entry of a delivery (`split`)
 * typed by `data.type` (the log code), deduped by `log_id`, refused once its `data.date` is over a day old.
 *
 * Auth0 signs nothing: the token authenticates the whole body, so each entry's `log_id` is exactly as trustworthy
 * as the rest, and anyone holding the token can forge any log. Entries are handled and deduped each on its own, so
 * a batch that fails on one entry and is resent does not run the others twice.
 *
 * @example
 * const hooks = createWebhooks({ provider: auth0({ token: process.env.AUTH0_LOG_STREAM_TOKEN! }) })
 *   .on("ss", async (entry) => { await db.users.insert({ id: entry.data.user_id }) })
 *   .on("sdu", async (entry) => { if (entry.data.user_id) await db.users.delete(entry.data.user_id) });
 */
export function auth0(options: Auth0Options): WebhookProvider<Auth0Events> {
  return {
    name: "auth0",
    scheme: headerToken({
      header: "authorization",
      token: options?.token,
      allowShortSecret: options?.allowShortSecret,
    }),
    events: auth0Catalogue,
    decode: decodeLogs,
    split: arrayItems,
    eventType: (entry) => dataField(entry, "type"),
    // Authenticated with the rest of the body by the token (nothing is signed): the log's own id.
    eventId: (entry) => stringField(entry, "log_id") ?? dataField(entry, "log_id"),
    eventTime(entry) {
      const date = dataField(entry, "date");
      const time = date === undefined ? Number.NaN : Date.parse(date);
      return Number.isNaN(time) ? undefined : time;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Auth0 log streams, as the providers table lists them.
 *
 * @example
 * about.eventId; // "each entry's `log_id` (authenticated by the token only)"
 */
export const about: ProviderInfo = {
  name: "auth0",
  preset: "auth0",
  title: "Auth0 log streams",
  scheme: "static `Authorization` header value",
  eventId: "each entry's `log_id` (authenticated by the token only)",
  replay: "`data.date` within 24 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(auth0Catalogue).length,
  crossCheck: "Auth0's content formats (no SDK: nothing is signed)",
};
