/**
 * Signed deliveries of one `ping` event type, for the router's dedupe and replay tests: a scheme that signs a
 * timestamp (Standard Webhooks), one that signs only the body (the generic sender's), and a settable clock.
 * @module
 */
import type { ProcessResult, StandardSchemaV1, WebhookScheme } from "../src/index.js";
import { standardWebhooks } from "../src/index.js";
import { genericHmac } from "./hmac-presets.js";

/** When the deliveries are signed, unix seconds. */
export const T = 1_750_000_000;

/** Accepts any payload: these tests are about dedupe and replay, not validation. */
export const anything: StandardSchemaV1<unknown, { type: string }> = {
  "~standard": { version: 1, vendor: "test", validate: (value) => ({ value: value as { type: string } }) },
};

export const events: { ping: typeof anything } = { ping: anything };

/** Signs a timestamp: a replay is refused outside ±tolerance. */
export const standard: WebhookScheme = standardWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });

/** Signs the body only: the dedupe store is the only replay bound. */
export const bodyOnly: WebhookScheme = genericHmac({ secret: "generic-secret-0123456789" });

/** A clock the test moves, ms; starts at `T`. */
export function clock(start: number = T * 1000): { now: () => number; advance(ms: number): void } {
  let at = start;
  return {
    now: () => at,
    advance(ms: number) {
      at += ms;
    },
  };
}

/** A signed delivery of event `id` (body `{ id, type: "ping" }`), as its sender makes it at `timestamp`. */
export async function delivery(
  scheme: WebhookScheme,
  id: string,
  timestamp: number = T,
): Promise<{ headers: Record<string, string>; body: string }> {
  const body = JSON.stringify({ id, type: "ping" });
  return { headers: await scheme.sign({ body, id, timestamp }), body };
}

/** The parsed JSON body of an answer. */
export const json = (
  result: ProcessResult,
): { ok?: boolean; duplicate?: boolean; error?: { code: string; message: string } } =>
  JSON.parse(result.body);
