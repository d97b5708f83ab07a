/**
 * Tesseral: thin `sync.*` events sent through hosted Svix.
 * @module
 */
import type { EventCatalogue, Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import * as v from "valibot";
import { catalogue, shape, stringField } from "./schema-kit.js";

/**
 * A user was created, updated or deleted: the event says which user, nothing else. Fetch it with
 * Tesseral's `GetUser`; a 404 means it was deleted.
 */
export interface TesseralSyncUser {
  type: "sync.user";
  /** `user_` followed by 25 characters of `[0-9a-z]`. */
  userId: string;
}

/**
 * An organization was created, updated or deleted. Fetch it with `GetOrganization`; a 404 means it was
 * deleted.
 */
export interface TesseralSyncOrganization {
  type: "sync.organization";
  /** `org_` followed by 25 characters of `[0-9a-z]`. */
  organizationId: string;
}

/** Tesseral's events: event type → payload. */
export type TesseralEvents = {
  "sync.user": TesseralSyncUser;
  "sync.organization": TesseralSyncOrganization;
};

/**
 * The runtime schemas of Tesseral's events (Standard Schema v1).
 *
 * @example
 * const result = await tesseralCatalogue["sync.user"]["~standard"].validate(body);
 */
// No schema upstream: the payload maps passed to Svix's `Message.Create` in tesseral-labs/tesseral
// (eaf6e666) `internal/backend/store/{users,organizations}.go`, `internal/frontend/store/{users,organizations}.go`,
// `internal/intermediate/store/{exchange,organizations}.go`: always both keys, both strings.
export const tesseralCatalogue: EventCatalogue<TesseralEvents> = catalogue<TesseralEvents>({
  "sync.user": shape<TesseralSyncUser>({ type: v.literal("sync.user"), userId: v.string() }),
  "sync.organization": shape<TesseralSyncOrganization>({
    type: v.literal("sync.organization"),
    organizationId: v.string(),
  }),
});

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
