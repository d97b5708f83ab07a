/**
 * The Hono app every runtime serves, as a user deploys it: `@hookproof/hono` answering a Standard Webhooks
 * route, `@hookproof/core`'s router with its default in-memory dedupe, and the log of what it handled.
 * @module
 */
import { createWebhooks, type StandardSchemaV1, standardWebhooks } from "@hookproof/core";
import { handleWebhooks } from "@hookproof/hono";
import { Hono } from "hono";

interface UserCreated {
  type: "user.created";
  data: { id: string };
}

// Any Standard Schema library fits here (zod, valibot…); a hand-written one keeps the app to these packages.
const userCreated: StandardSchemaV1<unknown, UserCreated> = {
  "~standard": {
    version: 1,
    vendor: "app",
    validate: (value) =>
      typeof (value as Partial<UserCreated> | null)?.data?.id === "string"
        ? { value: value as UserCreated }
        : { issues: [{ message: "data.id must be a string", path: ["data", "id"] }] },
  },
};

/**
 * `POST /webhooks` (hookproof), `GET /handled` (the user ids handled, in order) and `GET /health`. `secrets`
 * is space-separated, as a rotation has them: `whsec_…` (HMAC, `v1`) and `whpk_…` (Ed25519, `v1a`) alike.
 *
 * @example
 * export default { fetch: createApp(process.env.WEBHOOK_SECRETS ?? "").fetch };
 */
export function createApp(secrets: string): Hono {
  const handled: string[] = [];
  const hooks = createWebhooks({
    scheme: standardWebhooks({ secret: secrets.split(" ") }),
    events: { "user.created": userCreated },
  }).on("user.created", (event) => {
    handled.push(event.data.id);
  });
  return new Hono()
    .post("/webhooks", handleWebhooks(hooks))
    .get("/handled", (c) => c.json(handled))
    .get("/health", (c) => c.json({ ok: true }));
}
