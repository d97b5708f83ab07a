/**
 * Signed test deliveries for a `createWebhooks({ scheme, events })` router with one event type.
 * @module
 */
import { hmac, type StandardSchemaV1, type WebhookScheme } from "@hookproof/core";

export const SECRET = "redis-store-test-secret";

/** The generic sender's layout: `X-Webhook-Signature: sha256=<hex>`, event id from the body's `id`. */
export const scheme: WebhookScheme = hmac({
  secret: SECRET,
  header: "x-webhook-signature",
  prefix: "sha256=",
});

export interface UserCreated {
  id: string;
  type: "user.created";
  data: { name: string };
}

/** A Standard Schema that accepts any payload: these tests are about dedupe, not validation. */
export const userCreated: StandardSchemaV1<UserCreated> = {
  "~standard": { version: 1, vendor: "test", validate: (value) => ({ value: value as UserCreated }) },
};

export const events: { "user.created": StandardSchemaV1<UserCreated> } = { "user.created": userCreated };

export function userEvent(id: string, data: Partial<UserCreated["data"]> = {}): UserCreated {
  return { id, type: "user.created", data: { name: `user ${id}`, ...data } };
}

/** A POST of `event` signed as the generic sender signs it. */
export async function signedRequest(url: string, event: UserCreated): Promise<Request> {
  const body = JSON.stringify(event);
  const headers = await scheme.sign({ body });
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

/** What a sender sees of one delivery. */
export interface Delivery {
  status: number;
  retryAfter: string | null;
  body: { ok?: boolean; duplicate?: boolean; error?: { code: string } };
}

export async function read(response: Response): Promise<Delivery> {
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as Delivery["body"],
  };
}
