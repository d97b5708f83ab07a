/**
 * Signs payloads the way a provider does, with the provider's own scheme, into a delivery, its headers,
 * or a Web `Request`.
 * @module
 */
import type { EventMap, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { DEFAULT_TOLERANCE_SECONDS } from "@hookproof/core";
import { signatureHeaders, tamper, type Variant, withWrongSecret } from "./variants.js";

/** What signs: a provider (`stackAuth({ secret })`) or a scheme (`standardWebhooks({ secret })`). */
export type SignTarget = WebhookProvider<EventMap> | WebhookScheme;

/** Options of {@link signRequest}, {@link signHeaders}, {@link signDelivery} and {@link signDuplicate}. */
export interface SignOptions {
  /** The event or delivery id, for schemes that sign or send one. Default: a fresh random id. */
  id?: string;
  /** The signed timestamp, unix seconds. Default: now. */
  timestamp?: number;
  /** Default `http://localhost/webhooks`. */
  url?: string | URL;
  /** Default `POST`. */
  method?: string;
  /** Extra headers, added after the signed ones (so they can override them). */
  headers?: Record<string, string>;
  /** A negative case to produce instead of a valid delivery; see {@link Variant}. */
  variant?: Variant;
  /** With `variant: "missingHeader"`, the header to drop. Default: the signature (or token) header. */
  missingHeader?: string;
  /** The receiver's tolerance, seconds, that `expired` and `future` step past. Default: the provider's own, else 300. */
  tolerance?: number;
  /** The clock, ms. Default `Date.now`. */
  now?: () => number;
}

/** A signed delivery as plain data; `{ headers, body }` is also what `hooks.process()` takes. */
export interface SignedDelivery {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The exact bytes sent: compact JSON of the payload, or the string or bytes given. */
  body: string | Uint8Array;
}

function schemeOf(target: SignTarget): WebhookScheme {
  const scheme = "scheme" in target ? target.scheme : target;
  if (!scheme || typeof scheme.sign !== "function") {
    throw new TypeError("[@hookproof/testing] Sign with a provider (`stackAuth({ secret })`) or a scheme.");
  }
  return scheme;
}

function randomId(scheme: WebhookScheme): string {
  // Svix's ids look like `msg_<27 chars>`; other senders use UUIDs (FerrisKey's delivery id is a UUIDv7).
  if (scheme.name !== "standard-webhooks") return crypto.randomUUID();
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(27));
  return `msg_${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("")}`;
}

/** A payload as the bytes a sender puts on the wire: compact JSON, or the string or bytes as given. */
export function serialize(payload: unknown): string | Uint8Array {
  if (typeof payload === "string" || payload instanceof Uint8Array) return payload;
  const text = JSON.stringify(payload);
  if (text === undefined) throw new TypeError("[@hookproof/testing] The payload cannot be sent as JSON.");
  return text;
}

/**
 * Signs `payload` for `target` and returns the delivery as data: method, URL, headers and the exact body.
 *
 * @example
 * const { headers, body } = await signDelivery(stackAuth({ secret }), fixtures.stackAuth["user.created"]);
 * const result = await hooks.process({ headers, body });
 */
export async function signDelivery(
  target: SignTarget,
  payload: unknown,
  options: SignOptions = {},
): Promise<SignedDelivery> {
  const scheme = schemeOf(target);
  const body = serialize(payload);
  const nowSeconds = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const own = "scheme" in target ? target.tolerance : undefined;
  const tolerance = options.tolerance ?? own ?? DEFAULT_TOLERANCE_SECONDS;
  const variant = options.variant;
  let timestamp = options.timestamp ?? nowSeconds;
  if (variant === "expired" || variant === "future") {
    if (!scheme.signsTimestamp) {
      throw new TypeError(
        `[@hookproof/testing] The ${scheme.name} scheme signs no timestamp, so a request cannot be "${variant}"; its replay defence is the dedupe store.`,
      );
    }
    // One minute past the edge of the window, well clear of rounding.
    timestamp = nowSeconds + (variant === "expired" ? -1 : 1) * (tolerance + 60);
  }
  const url = String(options.url ?? "http://localhost/webhooks");
  const method = options.method ?? "POST";
  const input = { body, id: options.id ?? randomId(scheme), timestamp, method, url };
  // A scheme whose proof travels in the body, or that sends another encoding (Twilio's form), writes the body too.
  const wrapped = scheme.signBody ? await scheme.signBody(input) : undefined;
  let signed = wrapped ? wrapped.headers : await scheme.sign(input);
  let sent = wrapped ? wrapped.body : body;
  let drop: string[] = [];
  if (variant === "tampered") sent = tamper(sent);
  else if (variant === "wrongSecret") signed = await withWrongSecret(scheme, signed, input);
  else if (variant === "missingHeader") {
    const named = options.missingHeader?.toLowerCase();
    drop = named ? [named] : (await signatureHeaders(scheme, signed, input)).names;
  }
  const headers: Record<string, string> = { "content-type": "application/json", ...signed };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  for (const name of drop) delete headers[name];
  return {
    method,
    url,
    headers,
    body: sent,
  };
}

/**
 * The headers a provider would send with `payload`: `content-type` and the signed ones.
 *
 * @example
 * const headers = await signHeaders(stackAuth({ secret }), fixtures.stackAuth["user.created"]);
 * // { "content-type": "application/json", "svix-id": "msg_…", "svix-timestamp": "…", "svix-signature": "v1,…" }
 */
export async function signHeaders(
  target: SignTarget,
  payload: unknown,
  options?: SignOptions,
): Promise<Record<string, string>> {
  return (await signDelivery(target, payload, options)).headers;
}

/** A Web `Request` carrying a signed delivery. */
export function toRequest(delivery: SignedDelivery): Request {
  const { method, url, headers, body } = delivery;
  // A copy backed by a plain ArrayBuffer, which is what `BodyInit` accepts.
  const bytes = typeof body === "string" ? body : new Uint8Array(body);
  return new Request(url, { method, headers, body: method === "GET" || method === "HEAD" ? null : bytes });
}

/**
 * A Web `Request` whose body is `payload` signed exactly as the provider signs it, or one of the
 * negative {@link Variant}s of it.
 *
 * @example
 * const response = await hooks.handle(await signRequest(stackAuth({ secret }), fixtures.stackAuth["user.created"]));
 * const rejected = await hooks.handle(await signRequest(provider, payload, { variant: "tampered" })); // 401
 */
export async function signRequest(
  target: SignTarget,
  payload: unknown,
  options?: SignOptions,
): Promise<Request> {
  return toRequest(await signDelivery(target, payload, options));
}

/**
 * The same delivery `count` times (default 2): one id, one timestamp, one body, as a sender's retry
 * sends it. A receiver handles the first and acknowledges the rest without running the handler again.
 *
 * @example
 * const [first, again] = await signDuplicate(provider, payload);
 * await hooks.handle(first); // handled
 * await hooks.handle(again); // 200 {"ok":true,"duplicate":true}
 */
export async function signDuplicate(
  target: SignTarget,
  payload: unknown,
  options: SignOptions & { count?: number } = {},
): Promise<[Request, Request, ...Request[]]> {
  const delivery = await signDelivery(target, payload, options);
  const count = Math.max(2, options.count ?? 2);
  return Array.from({ length: count }, () => toRequest(delivery)) as [Request, Request, ...Request[]];
}
