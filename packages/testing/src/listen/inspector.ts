/**
 * The inspector's core: every arrival is judged, stored, forwarded when asked, and announced to the page and
 * the terminal; the page's actions (replay, re-sign, edit and send, send a fixture) arrive the same way.
 * @module
 */
import { type EventMap, readHeaders, type WebhookProvider } from "@hookproof/core";
import { dateNow } from "../event-time.js";
import { fixturesOf, providerKey } from "../fixtures.js";
import { signDelivery } from "../sign-request.js";
import { forward, forwardHeaders } from "./forward.js";
import { judge } from "./judge.js";
import { type Arrival, bodyOf, type DeliveryRecord, headerRecord } from "./record.js";
import type { DeliveryStore } from "./store.js";

export interface InspectorOptions {
  /** The provider, built with every secret given. */
  provider: WebhookProvider<EventMap>;
  /** The provider's CLI name: `stack-auth`. */
  name: string;
  /** How many secrets were given (for the reasons). */
  secrets: number;
  store: DeliveryStore;
  /** The app to forward to, if any. */
  forwardTo?: URL;
  tolerance: number;
}

/** The inspector: what arrives, and what the page can ask for. */
export interface Inspector {
  /** Judges, stores and (when forwarding) forwards `arrival`; resolves once the app answered. */
  ingest(arrival: Arrival): Promise<DeliveryRecord>;
  /** Sends a stored delivery again exactly as captured. */
  replay(seq: number): Promise<DeliveryRecord>;
  /** Sends a stored delivery's body again, signed now (the same event id when it authenticated). */
  resign(seq: number): Promise<DeliveryRecord>;
  /** Signs `body` (sent as given) and sends it; `from` names the delivery it was edited from. */
  send(body: string, from?: number): Promise<DeliveryRecord>;
  /** Signs the provider's fixture of `event`, dated now, and sends it. */
  sendFixture(event: string): Promise<DeliveryRecord>;
  /** The event types with a fixture. */
  readonly fixtures: readonly string[];
  /** Calls `listener` with each new or updated delivery; returns the unsubscribe. */
  subscribe(listener: (record: DeliveryRecord) => void): () => void;
}

/** A request the page made that cannot be carried out: answered 400 / 404 with this message. */
export class ActionError extends Error {
  override name = "ActionError";
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

/** Standard Webhooks reads either prefix (`webhook-*` first), so a re-signed delivery drops both. */
function signedNames(signed: Record<string, string>): Set<string> {
  const names = new Set<string>();
  for (const name of Object.keys(signed)) {
    names.add(name);
    names.add(name.replace(/^svix-/, "webhook-"));
    names.add(name.replace(/^webhook-/, "svix-"));
  }
  return names;
}

/**
 * Creates the inspector over an open store.
 *
 * @example
 * const inspector = createInspector({ provider, name: "stack-auth", secrets: 1, store, tolerance: 300 });
 */
export function createInspector(options: InspectorOptions): Inspector {
  const { provider, name, store } = options;
  const listeners = new Set<(record: DeliveryRecord) => void>();
  const emit = (record: DeliveryRecord) => {
    for (const listener of listeners) listener(record);
  };
  // The first valid delivery of each event id, across restarts: what a later one is a duplicate of.
  const first = new Map<string, number>();
  const key = (provider: string, eventId: string) => `${provider}\n${eventId}`;
  for (const record of store.list()) {
    const { status, eventId } = record.verdict;
    if (status === "valid" && eventId !== undefined && !first.has(key(record.provider, eventId)))
      first.set(key(record.provider, eventId), record.seq);
  }
  // Judging and numbering run one arrival at a time, so two copies arriving together are told apart.
  let turn: Promise<unknown> = Promise.resolve();

  async function admit(arrival: Arrival): Promise<DeliveryRecord> {
    const now = Date.now();
    const verdict = await judge(provider, arrival, {
      now,
      tolerance: options.tolerance,
      secrets: options.secrets,
      firstOf: (eventId) => first.get(key(name, eventId)),
    });
    const record = store.add({
      receivedAt: new Date(now).toISOString(),
      provider: name,
      source: arrival.source,
      method: arrival.method,
      path: arrival.path,
      headers: arrival.headers,
      bodyBase64: Buffer.from(arrival.body).toString("base64"),
      verdict,
    });
    if (verdict.status === "valid" && verdict.eventId !== undefined)
      first.set(key(name, verdict.eventId), record.seq);
    return record;
  }

  async function ingest(arrival: Arrival): Promise<DeliveryRecord> {
    const admitted = turn.then(() => admit(arrival));
    turn = admitted.catch(() => undefined);
    const record = await admitted;
    emit(record);
    if (options.forwardTo !== undefined) {
      record.answer = await forward(options.forwardTo, arrival);
      store.update(record);
      emit(record);
    }
    return record;
  }

  function stored(seq: number): DeliveryRecord {
    const record = store.get(seq);
    if (record === undefined) throw new ActionError(`There is no delivery #${seq}.`, 404);
    if (record.provider !== name) {
      throw new ActionError(
        `Delivery #${seq} came from ${record.provider}; this inspector was started for ${name}. Start \`hookproof listen -p ${record.provider}\` to send it again.`,
        400,
      );
    }
    return record;
  }

  async function signed(
    body: string | Uint8Array,
    source: string,
    from: { path?: string; headers?: [string, string][]; id?: string | undefined } = {},
  ): Promise<DeliveryRecord> {
    const { path = "/", headers: extra = [], id } = from;
    const delivery = await signDelivery(provider, body, id === undefined ? {} : { id });
    const drop = signedNames(delivery.headers);
    const kept = extra.filter(([header]) => !drop.has(header.toLowerCase()));
    const headers: [string, string][] = [...kept, ...Object.entries(delivery.headers)];
    const bytes = typeof delivery.body === "string" ? new TextEncoder().encode(delivery.body) : delivery.body;
    return ingest({ method: "POST", path, headers, body: bytes, source });
  }

  return {
    ingest,
    fixtures: Object.keys(fixturesOf(name)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async replay(seq) {
      const record = stored(seq);
      const { method, path, headers } = record;
      return ingest({ method, path, headers, body: bodyOf(record), source: `replay of #${seq}` });
    },
    async resign(seq) {
      const record = stored(seq);
      let body: string | Uint8Array = bodyOf(record);
      const header = readHeaders(headerRecord(record.headers));
      const checked = await Promise.resolve()
        .then(() => provider.scheme.verify({ header, body: body as Uint8Array }))
        .catch(() => undefined);
      if (!provider.scheme.signsTimestamp) {
        // No signed timestamp: a body that dates its event (the generic `created_at`) is dated now instead.
        try {
          const text = new TextDecoder().decode(body);
          const dated = JSON.stringify(dateNow(providerKey(name) ?? "", JSON.parse(text), Date.now()));
          if (dated !== JSON.stringify(JSON.parse(text))) body = dated;
        } catch {
          // Not JSON: its bytes are signed as they are.
        }
      }
      const headers = forwardHeaders(record.headers);
      return signed(body, `re-signed #${seq}`, { path: record.path, headers, id: checked?.id });
    },
    async send(body, from) {
      if (from === undefined) return signed(body, "edited body");
      const { path } = stored(from);
      return signed(body, `edited #${from}`, { path });
    },
    async sendFixture(event) {
      const events = fixturesOf(name);
      if (!Object.hasOwn(events, event)) {
        throw new ActionError(`${name} has no fixture "${event}".`, 404);
      }
      const payload = dateNow(providerKey(name) ?? "", structuredClone(events[event]), Date.now());
      return signed(JSON.stringify(payload), `fixture ${event}`);
    },
  };
}
