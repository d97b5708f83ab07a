/**
 * What the no-leak tests share: everything an error could show, the secret-looking values they plant, and a
 * router that runs a provider's catalogue behind a bearer token, so each case costs no signature.
 * @module
 */
import { bearer, createWebhooks, type EventMap, type WebhookProvider, type Webhooks } from "../src/index.js";

/** Everything an error could show: own properties (enumerable or not), message, stack, JSON, cause. */
export function everything(error: unknown): string {
  const own = error as Record<string, unknown>;
  const props = Object.fromEntries(Object.getOwnPropertyNames(error).map((key) => [key, String(own[key])]));
  const cause = own.cause;
  const causeProps =
    cause instanceof Object
      ? Object.fromEntries(
          Object.getOwnPropertyNames(cause).map((key) => [
            key,
            String((cause as Record<string, unknown>)[key]),
          ]),
        )
      : {};
  return [
    JSON.stringify(props),
    JSON.stringify(error),
    String(error),
    String(cause),
    JSON.stringify(causeProps),
  ].join("\n");
}

// Received values that look like secrets: what a payload may hold (an API key in metadata, a card number).
export const SECRET = "sk_live_51HxQ7aLkT9bZ3mN4pR8sV2wY6";
export const CARD = 4242424242424242;
export const TOKEN = "tok_leak_0123456789abcdef";
export const AUTH = { authorization: `Bearer ${TOKEN}` };

/** The provider's catalogue behind a bearer token, so each case costs no signature. */
export function tokenRouter(provider: WebhookProvider, rejected: unknown[]): Webhooks<EventMap> {
  return createWebhooks({
    provider: { ...provider, scheme: bearer({ token: TOKEN }) },
    dedupe: false,
    replayBound: "none", // a bearer token without dedupe: nothing stops a replay, which these cases never need
    now: () => 1_787_234_700_000, // 2026-08-20T14:05:00Z, a few minutes after the fixtures' events
    onRejected: (error) => rejected.push(error),
  });
}
