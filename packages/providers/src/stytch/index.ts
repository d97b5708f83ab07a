/**
 * Stytch: `{ project_id, event_id, action, object_type, source, id, timestamp, <object> }` events about
 * organizations, members and users, sent through hosted Svix.
 *
 * Sources: stytch.com/docs "Webhooks" (workspace-management/webhooks: the payload structure, the event types
 * `source.object_type.action`, "verify with Svix", the secret); Stytch's public Svix event catalogs
 * (svix.com/event-types/us/org_2XtyUqbN4SKO3pqtd1Yp5eNLYas for B2B, org_2olWIePjxAFYube1xW8DoQUEnyY for
 * Consumer: an example payload per event); stytchauth/stytch-node at 72cab7dd and npm `stytch` 14.2.0
 * `types/lib/b2b/organizations.d.ts`, `types/lib/b2c/users.d.ts` (the objects; no webhook code). The scheme
 * is Standard Webhooks (standard-webhooks/standard-webhooks `spec/standard-webhooks.md`), cross-checked
 * against `svix`.
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { svixScheme } from "../kit/svix.js";
import { type StytchEvents, stytchCatalogue } from "./events.js";

export type { StytchEvent, StytchEventData, StytchEvents, StytchNoObject } from "./events.js";
export { stytchCatalogue } from "./events.js";
export type {
  StytchActiveScimConnection,
  StytchActiveSsoConnection,
  StytchCustomRole,
  StytchEmailImplicitRoleAssignment,
  StytchMember,
  StytchMemberRole,
  StytchMemberRoleSource,
  StytchOAuthRegistration,
  StytchOrganization,
  StytchPassword,
  StytchRetiredEmail,
  StytchScimRegistration,
  StytchSsoRegistration,
  StytchUser,
  StytchUserEmail,
  StytchUserName,
  StytchUserPhoneNumber,
} from "./types.js";

/** Options of {@link stytch}. */
export interface StytchOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** The endpoint's `whsec_…` signing secret (Stytch dashboard → Webhooks → your endpoint). A list while rotating. */
  secret: Secrets;
}

/**
 * Stytch webhooks: Standard Webhooks signatures in `svix-*` headers, deduped by `svix-id`, routed by
 * `${source}.${object_type}.${action}` read from the signed body (`direct.member.create`): the body has no
 * type field of its own.
 *
 * @example
 * const hooks = createWebhooks({ provider: stytch({ secret: process.env.STYTCH_WEBHOOK_SECRET! }) })
 *   .on("direct.member.create", async (event) => { await db.members.insert(event.member) })
 *   .on("scim.member.delete", async (event) => { await db.members.delete(event.id) });
 */
export function stytch(options: StytchOptions): WebhookProvider<StytchEvents> {
  return {
    name: "stytch",
    // The `svix-id` the scheme returns is the dedupe id: signed, and the same on every retry.
    scheme: svixScheme(options),
    events: stytchCatalogue,
    eventType(payload) {
      const source = stringField(payload, "source");
      const objectType = stringField(payload, "object_type");
      const action = stringField(payload, "action");
      if (source === undefined || objectType === undefined || action === undefined) return undefined;
      return `${source.toLowerCase()}.${objectType}.${action.toLowerCase()}`;
    },
  };
}

/**
 * Stytch, as the providers table lists it.
 *
 * @example
 * about.title; // "Stytch"
 */
export const about: ProviderInfo = {
  name: "stytch",
  preset: "stytch",
  title: "Stytch",
  scheme: "Standard Webhooks (`svix-*` headers)",
  eventId: "`svix-id` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(stytchCatalogue).length,
  crossCheck: "`svix`",
};
