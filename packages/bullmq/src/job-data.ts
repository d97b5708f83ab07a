/**
 * What a queued webhook job holds: the verified event's raw bytes and where they came from, and how a worker
 * turns them back into the event its handlers receive.
 * @module
 */
import {
  type EventMap,
  formatPath,
  type StandardSchemaV1,
  type VerifiedEvent,
  type WebhookProvider,
} from "@hookproof/core";
import { UnrecoverableError } from "bullmq";

/** The data of one webhook job: JSON, so any BullMQ tool can show it. */
export interface WebhookJobData {
  /** The layout of this record; a worker refuses one it does not know. */
  v: 1;
  /** The router's dedupe key (provider, endpoint, event id): also, escaped, the job id. */
  key: string;
  type: string;
  /** The event id, as handlers see it in `context.id`. */
  id: string;
  provider: string;
  /** The signed timestamp, unix seconds, when the scheme had one. */
  timestamp?: number;
  keyIndex: number;
  /** The exact bytes the receiver verified, base64. */
  raw: string;
  /**
   * The payload as the receiver decoded it, when it is not the JSON of `raw` (a form body, a JWT's claims, one
   * event of a batch): the worker validates this instead of parsing `raw`.
   */
  decoded?: unknown;
}

/**
 * The job id of a dedupe key. BullMQ refuses ids with `:` (its key separator) or that look like integers, so
 * `%` and `:` are escaped: two keys never share an id, and the id reads like the key.
 *
 * @example
 * jobIdOf("stack-auth:default:msg_2Z"); // "stack-auth%3Adefault%3Amsg_2Z"
 */
export function jobIdOf(key: string): string {
  return key.replace(/[%:]/g, (char) => (char === "%" ? "%25" : "%3A"));
}

/**
 * The job data of an event handed off under `key`.
 *
 * @example
 * await queue.add(event.type, toJobData(event, key), { jobId: jobIdOf(key) });
 */
export function toJobData(event: VerifiedEvent, key: string): WebhookJobData {
  const data: WebhookJobData = {
    v: 1,
    key,
    type: event.type,
    id: event.id,
    provider: event.provider,
    keyIndex: event.keyIndex,
    raw: Buffer.from(event.raw.buffer, event.raw.byteOffset, event.raw.byteLength).toString("base64"),
  };
  if (event.timestamp !== undefined) data.timestamp = event.timestamp;
  if (event.decoded !== undefined) data.decoded = event.decoded;
  return data;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The event a job holds, its payload parsed from the verified bytes (or as the receiver decoded it) and validated
 * again against the worker's
 * own catalogue: the handlers get exactly what they would get in the request (a schema's transforms
 * included), typed by the code that runs them, even when the worker was deployed with a newer catalogue than
 * the receiver that queued it. A job that cannot be turned back into an event throws an `UnrecoverableError`:
 * it goes straight to the dead letters, since retrying cannot fix it.
 *
 * @example
 * const event = await toEvent(hooks.provider, job.data);
 * await hooks.run(event);
 */
export async function toEvent<Events extends EventMap>(
  provider: WebhookProvider<Events>,
  data: WebhookJobData,
): Promise<VerifiedEvent<Events>> {
  if (data?.v !== 1 || typeof data.raw !== "string" || typeof data.type !== "string") {
    throw new UnrecoverableError("This job is not a hookproof webhook job (or one of a newer layout).");
  }
  if (data.provider !== provider.name) {
    throw new UnrecoverableError(
      `This job holds a \`${data.provider}\` event, but the worker's router is for \`${provider.name}\`: give each router its own queue name.`,
    );
  }
  const raw = new Uint8Array(Buffer.from(data.raw, "base64"));
  let parsed: unknown = data.decoded;
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(utf8.decode(raw));
    } catch {
      throw new UnrecoverableError(`The queued \`${data.type}\` event ${data.id} is not valid JSON.`);
    }
  }
  const events = provider.events as Record<string, StandardSchemaV1 | undefined>;
  const schema = Object.hasOwn(events, data.type) ? events[data.type] : undefined;
  let payload = parsed;
  if (schema !== undefined) {
    const result = await schema["~standard"].validate(parsed);
    if (result.issues !== undefined) {
      const paths = result.issues.map((issue) => formatPath(issue.path) || "(root)").join(", ");
      throw new UnrecoverableError(
        `The queued \`${data.type}\` event ${data.id} no longer matches the worker's schema (at ${paths}): fix the catalogue, then replay it.`,
      );
    }
    payload = result.value;
  }
  const { type, id, keyIndex, timestamp, decoded } = data;
  const event = { type, payload, id, provider: provider.name, timestamp, raw, keyIndex };
  return (decoded === undefined ? event : { ...event, decoded }) as VerifiedEvent<Events>;
}
