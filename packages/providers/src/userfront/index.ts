/**
 * Userfront: `{ action, model, mode, record }` with a static bearer token.
 *
 * Sources: userfront/guide `all/docs/webhooks.md` (the token, the events, retries),
 * `all/.vuepress/components/webhook-payload.vue` (the envelope), `all/.vuepress/components/webhook-key.vue`;
 * userfront/userfront-core `ts/index.d.ts` (`User`, `SignupResponse`: the user record); userfront.com/docs/webhooks.
 * Userfront's server is closed source: this is docs-level. The token check is cross-checked by the bearer tests.
 * @module
 */
import type { BearerOptions, Tokens, WebhookProvider } from "@hookproof/core";
import { bearer } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type UserfrontEvents, userfrontCatalogue } from "./events.js";

export type {
  UserfrontEvent,
  UserfrontEventData,
  UserfrontEvents,
  UserfrontTenant,
  UserfrontUser,
} from "./events.js";
export { userfrontCatalogue } from "./events.js";

/** Options of {@link userfront}. */
export interface UserfrontOptions extends Pick<BearerOptions, "allowShortSecret"> {
  /** The webhook API key from the Userfront dashboard (sent as `Authorization: Bearer <key>`); a list while rotating. */
  token: Tokens;
}

/**
 * Userfront webhooks: `Authorization: Bearer <webhook API key>`, routed as `${model}.${action}`
 * (`user.create`, `tenant.delete`…).
 *
 * The token only proves the sender knows the key: it covers neither the body nor its freshness, so a
 * captured request can be replayed or altered by whoever saw it. Userfront sends no event id, so events
 * are deduped by the SHA-256 of the body — an identical replay inside the dedupe retention is caught,
 * a later one is not (the provider declares `replayBound: "retention"`). Use HTTPS (Userfront requires it in
 * live mode) and keep the key out of logs.
 *
 * @example
 * const hooks = createWebhooks({ provider: userfront({ token: process.env.USERFRONT_WEBHOOK_KEY! }) })
 *   .on("user.create", async (event) => { await db.users.insert(event.record) })
 *   .on("user.delete", async (event) => { if (event.record.userId) await db.users.delete(event.record.userId) });
 */
export function userfront(options: UserfrontOptions): WebhookProvider<UserfrontEvents> {
  return {
    name: "userfront",
    scheme: bearer({ token: options?.token, allowShortSecret: options?.allowShortSecret }),
    events: userfrontCatalogue,
    eventType(payload) {
      const model = stringField(payload, "model");
      const action = stringField(payload, "action");
      return model === undefined || action === undefined ? undefined : `${model}.${action}`;
    },
    // No id anywhere: the router falls back to the SHA-256 of the raw body.
    eventId: () => undefined,
    // Nothing signs a time: only the dedupe retention stops a replay, as the docs above say.
    replayBound: "retention",
  };
}

/**
 * Userfront, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body SHA-256 (Userfront sends no id)"
 */
export const about: ProviderInfo = {
  name: "userfront",
  preset: "userfront",
  title: "Userfront",
  scheme: "`Authorization: Bearer <webhook API key>` (no signature)",
  eventId: "body SHA-256 (Userfront sends no id)",
  replay: "dedupe retention only",
  handshake: "—",
  events: Object.keys(userfrontCatalogue).length,
  crossCheck: "Userfront's docs (no SDK signs)",
};
