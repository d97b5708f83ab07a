/**
 * The end-to-end cases every example's webhook route must pass, over HTTP against the running server.
 * @module
 */
import { describe, expect, it } from "vitest";
import { deliver, MAX_BODY_BYTES, type Provider, post, tampered } from "./deliveries.js";
import type { Receiver } from "./receiver.js";

/** A webhook route of an example, and the handlers it has. */
export interface WebhookRoute {
  provider: Provider;
  /** e.g. `/webhooks/stack-auth`. */
  path: string;
  /** Where the route's handled log is listed. Default `/handled`. */
  handledPath?: string;
  /** The event types the example handles; each is delivered once. */
  handledTypes: string[];
  /** An event type in the provider's catalogue that the example has no handler for. */
  unhandledType: string;
}

/** One entry of `GET /handled`. */
export interface HandledEvent {
  provider: string;
  type: string;
  id: string;
  subject: string;
  at: string;
}

/** The entries of `path`'s handled log. */
export async function handledLog(receiver: Receiver, path = "/handled"): Promise<HandledEvent[]> {
  const response = await fetch(`${receiver.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as HandledEvent[];
}

/** Declares the cases for one route; `receiver()` is the server started in `beforeAll`. */
export function describeWebhookRoute(receiver: () => Receiver, route: WebhookRoute): void {
  // Stack Auth signs a timestamp (±300 s); the generic sender signs its body's `created_at` (24 h maxAge).
  const expired = route.provider === "stack-auth" ? 600 : 25 * 3600;
  const age = route.provider === "stack-auth" ? "signed 10 minutes ago" : "created 25 hours ago";

  describe(`${route.provider} events at ${route.path}`, () => {
    const send = (delivery: Parameters<typeof post>[1]) => post(`${receiver().url}${route.path}`, delivery);
    const handledIds = async (id: string) =>
      (await handledLog(receiver(), route.handledPath)).filter((entry) => entry.id === id);

    it.each(route.handledTypes)("handles a genuine %s event and records it at /handled", async (type) => {
      const delivery = await deliver(route.provider, type);
      expect(await send(delivery)).toEqual({ status: 200, json: { ok: true } });
      expect(await handledIds(delivery.id)).toEqual([
        {
          provider: route.provider,
          type,
          id: delivery.id,
          subject: expect.any(String),
          at: expect.any(String),
        },
      ]);
    });

    it("answers the same delivery again 200 duplicate, without handling it twice", async () => {
      const delivery = await deliver(route.provider, route.handledTypes[0] as string);
      expect((await send(delivery)).status).toBe(200);
      expect(await send(delivery)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
      expect(await handledIds(delivery.id)).toHaveLength(1);
    });

    it("rejects a body changed after signing with 401 invalid_signature", async () => {
      const delivery = await deliver(route.provider, route.handledTypes[0] as string);
      const answer = await send(tampered(delivery));
      expect(answer.status).toBe(401);
      expect(answer.json.error?.code).toBe("invalid_signature");
      expect(await handledIds(delivery.id)).toEqual([]);
    });

    it(`rejects a delivery ${age} with 401 timestamp_expired`, async () => {
      const delivery = await deliver(route.provider, route.handledTypes[0] as string, {
        ageSeconds: expired,
      });
      const answer = await send(delivery);
      expect(answer.status).toBe(401);
      expect(answer.json.error?.code).toBe("timestamp_expired");
      expect(await handledIds(delivery.id)).toEqual([]);
    });

    it("refuses a signed body over MAX_BODY_BYTES with 413 payload_too_large", async () => {
      const type = route.handledTypes[0] as string;
      const delivery = await deliver(route.provider, type, { padTo: 2 * MAX_BODY_BYTES });
      const answer = await send(delivery);
      expect(answer.status).toBe(413);
      expect(answer.json.error?.code).toBe("payload_too_large");
      expect(await handledIds(delivery.id)).toEqual([]);
    });

    it("rejects an unsigned request with 400 missing_header", async () => {
      const { body } = await deliver(route.provider, route.handledTypes[0] as string);
      const answer = await send({ headers: {}, body });
      expect(answer.status).toBe(400);
      expect(answer.json.error?.code).toBe("missing_header");
    });

    it(`acknowledges ${route.unhandledType}, which it has no handler for, and records nothing`, async () => {
      const delivery = await deliver(route.provider, route.unhandledType);
      expect(await send(delivery)).toEqual({ status: 200, json: { ok: true, unhandled: true } });
      expect(await handledIds(delivery.id)).toEqual([]);
    });
  });
}
