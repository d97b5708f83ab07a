/**
 * Stack Auth: `{ type, data }` events sent through Svix (hosted, or a self-hosted svix-server).
 *
 * Sources (stack-auth/stack-auth at 2f719903): `apps/backend/src/lib/webhooks.tsx` (what is sent, through
 * Svix's `message.create`), `packages/stack-shared/src/interface/webhooks.ts` (the event types),
 * `packages/stack-shared/src/interface/crud/{users,teams,team-memberships,team-permissions,project-permissions}.ts`
 * and `packages/stack-shared/src/schema-fields.ts` (the payload schemas),
 * `apps/backend/src/app/api/latest/internal/send-test-webhook/route.tsx` (`stack.test`),
 * `docs-mintlify/guides/apps/webhooks/overview.mdx` (the secret). The scheme is Standard Webhooks
 * (standard-webhooks/standard-webhooks `spec/standard-webhooks.md`), cross-checked against `svix`.
 * @module
 */
import type { Secrets, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type StackAuthEvents, stackAuthCatalogue } from "./events.js";

export type { StackAuthEvent, StackAuthEventData, StackAuthEvents } from "./events.js";
export { stackAuthCatalogue } from "./events.js";
export type {
  StackAuthDeletedTeam,
  StackAuthDeletedUser,
  StackAuthOAuthProvider,
  StackAuthProjectPermission,
  StackAuthRestrictedReason,
  StackAuthRiskScores,
  StackAuthTeam,
  StackAuthTeamMembership,
  StackAuthTeamPermission,
  StackAuthTestMessage,
  StackAuthUser,
} from "./payloads.js";

/** Options of {@link stackAuth}. */
export interface StackAuthOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /** The endpoint's `whsec_…` secret (Stack Auth dashboard → Webhooks; `STACK_WEBHOOK_SECRET`). A list while rotating. */
  secret: Secrets;
}

/**
 * Stack Auth webhooks: Standard Webhooks signatures in `svix-*` headers, deduped by `svix-id`.
 *
 * Ordering quirks to design handlers for: `user.created` carries `selected_team: null` even when a personal
 * team follows as its own `team.created`; creating a team sends no membership or permission events for its
 * creator; deletes do not cascade (deleting a team sends no membership deletions), except that deleting a
 * user also sends one `team_membership.deleted` per team.
 *
 * @example
 * const hooks = createWebhooks({ provider: stackAuth({ secret: process.env.STACK_WEBHOOK_SECRET! }) })
 *   .on("user.created", async (event) => { await db.users.insert(event.data) })
 *   .on("team.created", async (event) => { await db.teams.insert(event.data) });
 */
export function stackAuth(options: StackAuthOptions): WebhookProvider<StackAuthEvents> {
  return {
    name: "stack-auth",
    scheme: standardWebhooks({
      secret: options?.secret,
      allowShortSecret: options?.allowShortSecret,
      signHeaders: "svix",
    }),
    events: stackAuthCatalogue,
    eventType: (payload) => stringField(payload, "type"),
  };
}

/**
 * Stack Auth, as the providers table lists it.
 *
 * @example
 * about.scheme; // "Standard Webhooks (`svix-*` headers)"
 */
export const about: ProviderInfo = {
  name: "stack-auth",
  preset: "stackAuth",
  title: "Stack Auth",
  scheme: "Standard Webhooks (`svix-*` headers)",
  eventId: "`svix-id` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(stackAuthCatalogue).length,
  crossCheck: "`svix`",
};
