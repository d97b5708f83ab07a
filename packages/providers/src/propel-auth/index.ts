/**
 * PropelAuth: flat `{ event_type, …ids }` events about users and organizations, sent through hosted Svix.
 *
 * Sources: docs.propelauth.com "Webhooks" (sso-and-integrations/integrations/webhooks: the event types, "we
 * use Svix", the secret in the Svix App Portal); PropelAuth/node at a11669f7 and npm `@propelauth/node`
 * 2.1.36 (no webhook code or types: receivers verify with Svix); little-green-man/earhart at ee47aaa9
 * `src/Events/PropelAuth/*.php`, `src/Webhooks/WebhookEventParser.php`, `src/Controllers/AuthWebhookController.php`
 * (the fields of each event and the SCIM and session event types, read from real deliveries; third-party,
 * used only where PropelAuth publishes nothing). The scheme is Standard Webhooks (standard-webhooks/standard-webhooks
 * `spec/standard-webhooks.md`), cross-checked against `svix`.
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { svixScheme } from "../kit/svix.js";
import { type PropelAuthEvents, propelAuthCatalogue } from "./events.js";

export type {
  PropelAuthEvent,
  PropelAuthEventData,
  PropelAuthEvents,
  PropelAuthMfaPhoneCode,
  PropelAuthOrgApiKey,
  PropelAuthOrgCreated,
  PropelAuthOrgMembership,
  PropelAuthOrgRef,
  PropelAuthOrgRemoval,
  PropelAuthOrgRoleChange,
  PropelAuthScimGroup,
  PropelAuthScimGroupMembership,
  PropelAuthScimKey,
  PropelAuthUserApiKey,
  PropelAuthUserCreated,
  PropelAuthUserImpersonated,
  PropelAuthUserLogin,
  PropelAuthUserRef,
} from "./events.js";
export { propelAuthCatalogue } from "./events.js";

/** Options of {@link propelAuth}. */
export interface PropelAuthOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /**
   * The endpoint's `whsec_…` signing secret (PropelAuth dashboard → Integrations → Webhooks, the Svix App
   * Portal of the environment). A list while rotating.
   */
  secret: Secrets;
}

/**
 * PropelAuth webhooks: Standard Webhooks signatures in `svix-*` headers, deduped by `svix-id`, routed by the
 * body's `event_type`.
 *
 * The bodies carry ids only (`user_id`, `org_id`…): PropelAuth's docs ask receivers to fetch the user or
 * organization for its current data. `user.removed_from_org` names the user `removed_user_id`.
 *
 * @example
 * const hooks = createWebhooks({ provider: propelAuth({ secret: process.env.PROPELAUTH_WEBHOOK_SECRET! }) })
 *   .on("user.created", async (event) => { await db.users.insert({ id: event.user_id, email: event.email }) })
 *   .on("user.added_to_org", async (event) => { await db.members.add(event.org_id, event.user_id, event.role) });
 */
export function propelAuth(options: PropelAuthOptions): WebhookProvider<PropelAuthEvents> {
  return {
    name: "propel-auth",
    // The `svix-id` the scheme returns is the dedupe id: signed, and the same on every retry.
    scheme: svixScheme(options),
    events: propelAuthCatalogue,
    eventType: (payload) => stringField(payload, "event_type"),
  };
}

/**
 * PropelAuth, as the providers table lists it.
 *
 * @example
 * about.eventId; // "`svix-id` (signed)"
 */
export const about: ProviderInfo = {
  name: "propel-auth",
  preset: "propelAuth",
  title: "PropelAuth",
  scheme: "Standard Webhooks (`svix-*` headers)",
  eventId: "`svix-id` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(propelAuthCatalogue).length,
  crossCheck: "`svix`",
};
