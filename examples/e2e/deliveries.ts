/**
 * Signed deliveries built from the fixture files of @hookproof/providers, signed by the providers' own schemes
 * exactly as Stack Auth and the generic sender sign them.
 * @module
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { generic, stackAuth } from "@hookproof/providers";

/** The secrets the example servers are started with. */
export const secrets = {
  stackAuth: `whsec_${Buffer.from("hookproof examples e2e stack auth").toString("base64")}`,
  generic: "hookproof examples e2e generic secret",
};

/** The servers' `MAX_BODY_BYTES` in these tests. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The environment every example server gets. */
export const serverEnv: Record<string, string> = {
  STACK_WEBHOOK_SECRET: secrets.stackAuth,
  GENERIC_WEBHOOK_SECRET: secrets.generic,
  MAX_BODY_BYTES: String(MAX_BODY_BYTES),
};

export type Provider = "stack-auth" | "generic";

/** A request as the sender makes it; `id` is the event id the receiver dedupes by. */
export interface Delivery {
  id: string;
  headers: Record<string, string>;
  body: string;
}

/** How to vary a delivery. */
export interface DeliveryOptions {
  /** Signed this many seconds ago (Stack Auth's signed timestamp; the generic body's `created_at`). */
  ageSeconds?: number;
  /** Pads the body with an extra field to at least this many bytes. */
  padTo?: number;
}

const providers = new URL("../../packages/providers/src/", import.meta.url);
const stackAuthScheme = stackAuth({ secret: secrets.stackAuth }).scheme;
const genericScheme = generic({ secret: secrets.generic }).scheme;

/** A fixture body exactly as stored, e.g. `fixture("stack-auth", "user.created")`. */
export function fixture(provider: Provider, type: string): string {
  return readFileSync(new URL(`${provider}/fixtures/${type}.json`, providers), "utf8");
}

function pad(body: string, padTo: number | undefined): string {
  if (padTo === undefined) return body;
  return JSON.stringify({ ...JSON.parse(body), padding: "x".repeat(padTo) });
}

/**
 * A fresh, genuinely signed delivery of the fixture for `type`: its own event id, signed now (or
 * `ageSeconds` ago). Stack Auth bodies go out byte for byte as the fixture stores them.
 */
export async function deliver(
  provider: Provider,
  type: string,
  options: DeliveryOptions = {},
): Promise<Delivery> {
  const signedAt = Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0);
  if (provider === "stack-auth") {
    const id = `msg_${randomUUID()}`;
    const body = pad(fixture(provider, type), options.padTo);
    const headers = await stackAuthScheme.sign({ body, id, timestamp: signedAt });
    return { id, headers, body };
  }
  // The generic sender signs its body's own id and creation time; the fixture's are months old.
  const id = `evt_${randomUUID()}`;
  const event = { ...JSON.parse(fixture(provider, type)), id, created_at: new Date(signedAt * 1000) };
  const body = pad(JSON.stringify(event), options.padTo);
  return { id, headers: await genericScheme.sign({ body }), body };
}

/** The same delivery with one byte of its body changed after signing. */
export function tampered(delivery: Delivery): Delivery {
  const at = delivery.body.indexOf('"id":"') + 6;
  const flipped = delivery.body[at] === "a" ? "b" : "a";
  return { ...delivery, body: delivery.body.slice(0, at) + flipped + delivery.body.slice(at + 1) };
}

/** What a server answered. */
export interface Answer {
  status: number;
  json: { ok?: boolean; duplicate?: boolean; unhandled?: boolean; error?: { code: string; message: string } };
}

/** POSTs a delivery as the sender does, with `Content-Type: application/json`. */
export async function post(url: string, delivery: Pick<Delivery, "headers" | "body">): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...delivery.headers },
    body: delivery.body,
  });
  return { status: response.status, json: (await response.json()) as Answer["json"] };
}
