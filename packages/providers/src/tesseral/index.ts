/**
 * Tesseral: thin `sync.*` events sent through hosted Svix.
 *
 * Sources (tesseral-labs/tesseral at eaf6e666): `internal/backend/store/{users,organizations}.go`,
 * `internal/frontend/store/{users,organizations,me}.go`, `internal/intermediate/store/{exchange,organizations}.go`
 * (what is sent, through Svix's `Message.Create`), `internal/intermediate/store/{webhooks,projects}.go`
 * (one Svix application per project), `internal/store/idformat/idformat.go` (the ids);
 * tesseral-labs/docs `fern/pages/features/webhooks.md`. The scheme is Standard Webhooks, cross-checked
 * against the vector in PROVIDERS.md §1 and `svix` (core's cross-check).
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type TesseralEvents, tesseralCatalogue } from "./events.js";

export type {
  TesseralEvent,
  TesseralEventData,
  TesseralEvents,
  TesseralOrganizationRef,
  TesseralSyncOrganization,
  TesseralSyncUser,
  TesseralUserRef,
} from "./events.js";
export { tesseralCatalogue } from "./events.js";

/** Options of {@link tesseral}. */
export interface TesseralOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** The endpoint's `whsec_…` signing secret from the Svix App Portal in Tesseral's dashboard; a list while rotating. */
  secret: Secrets;
}

/**
 * Tesseral webhooks: Standard Webhooks signatures in `svix-*` headers, deduped by `svix-id`.
 *
 * Events are thin — `{ type, userId }` or `{ type, organizationId }` — with no created/updated/deleted
 * distinction: fetch the object from Tesseral's API in the handler, and treat a 404 as "deleted".
 * SCIM-provisioned changes send no event.
 *
 * @example
 * const hooks = createWebhooks({ provider: tesseral({ secret: process.env.TESSERAL_WEBHOOK_SECRET! }) })
 *   .on("sync.user", async (event) => {
 *     const user = await tesseralClient.users.getUser({ id: event.userId }).catch(notFoundAsNull);
 *     await (user ? db.users.upsert(user) : db.users.delete(event.userId));
 *   });
 */
export function tesseral(options: TesseralOptions): WebhookProvider<TesseralEvents> {
  return {
    name: "tesseral",
    scheme: standardWebhooks({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      signHeaders: "svix",
    }),
    events: tesseralCatalogue,
    eventType: (payload) => stringField(payload, "type"),
  };
}

/**
 * Tesseral, as the providers table lists it.
 *
 * @example
 * about.eventId; // "`svix-id` (signed)"
 */
export const about: ProviderInfo = {
  name: "tesseral",
  preset: "tesseral",
  title: "Tesseral",
  scheme: "Standard Webhooks (`svix-*` headers)",
  eventId: "`svix-id` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(tesseralCatalogue).length,
  crossCheck: "PROVIDERS.md §1 vector",
};
