/**
 * Supabase Auth hooks (HTTP): a synchronous call Supabase Auth makes while it handles a user's request (send
 * this email, mint these claims, allow this sign-up), signed with Standard Webhooks.
 *
 * Sources (supabase/auth at bc32168e): `internal/hooks/hookshttp/hookshttp.go` (the request: `webhook-*`
 * headers, one `v1,<base64>` signature per configured secret joined by ", ", a new `webhook-id` and timestamp
 * per attempt, up to 3 attempts within 5 s), `internal/hooks/v0hooks/v0hooks.go` (each hook's input and
 * `Metadata`), `internal/conf/configuration.go` (`HookConfiguration`: secrets `v1,whsec_<base64>`, several
 * joined by `|`), `internal/models/{user,identity,factor}.go`, `internal/mailer/mailer.go`; commit c6757494
 * ("add metadata field to all hooks"); supabase.com/docs/guides/auth/auth-hooks (the secret, verifying with
 * `standardwebhooks`). Cross-checked against `standardwebhooks`, the library Supabase's docs verify with.
 * @module
 */
import type { SecretInput, StandardWebhooksOptions, WebhookProvider } from "@hookproof/core";
import { configError, standardWebhooks } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { type SupabaseEvents, supabaseCatalogue } from "./events.js";
import type { SupabaseHookName } from "./types.js";

export type { SupabaseEventData, SupabaseEvents, SupabaseHook } from "./events.js";
export { supabaseCatalogue } from "./events.js";
export type {
  SupabaseAccessTokenClaims,
  SupabaseAmrEntry,
  SupabaseCustomizeAccessToken,
  SupabaseEmailData,
  SupabaseFactor,
  SupabaseHookMetadata,
  SupabaseHookName,
  SupabaseIdentity,
  SupabaseMfaVerification,
  SupabasePasswordVerification,
  SupabaseSendEmail,
  SupabaseSendSms,
  SupabaseSms,
  SupabaseUser,
  SupabaseUserCreated,
} from "./types.js";

/** Options of {@link supabase}. */
export interface SupabaseOptions extends Pick<StandardWebhooksOptions, "allowShortSecret"> {
  /**
   * The hook's secret as Supabase shows it, `v1,whsec_<base64>` (Dashboard → Authentication → Hooks → the hook →
   * "Generate secret"; self-hosted `GOTRUE_HOOK_<NAME>_SECRETS`, whose `|`-joined list is read as one). A list
   * while rotating.
   */
  secret: SecretInput | readonly SecretInput[];
  /**
   * The hook this endpoint serves, for Supabase Auth servers from before 2026-02 whose bodies do not name it in
   * `metadata.name`. One endpoint per hook, as Supabase configures them.
   */
  hook?: SupabaseHookName;
}

/** `v1,whsec_…` (or several joined by `|`) as the `whsec_…` keys Standard Webhooks reads. */
function hookSecrets(secret: SupabaseOptions["secret"] | undefined): SecretInput[] {
  return ([secret ?? []].flat() as SecretInput[]).flatMap((item): SecretInput[] => {
    if (typeof item !== "string") return [item];
    return item.split("|").map((one) => {
      const trimmed = one.trim();
      // hookshttp.go signs only with `v1,` secrets; a `v1a,whpk_` one makes every call fail there.
      if (trimmed.startsWith("v1a,")) {
        throw configError("`secret`: Supabase Auth signs hooks only with `v1,whsec_…` secrets, not `v1a,`.");
      }
      return trimmed.startsWith("v1,") ? trimmed.slice(3) : trimmed;
    });
  });
}

/** `metadata.<key>` of a parsed body, when it is a string. */
function metadataField(payload: unknown, key: "name" | "uuid"): string | undefined {
  const metadata = (payload as { metadata?: unknown } | null)?.metadata;
  const value =
    typeof metadata === "object" && metadata !== null
      ? (metadata as Record<string, unknown>)[key]
      : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Supabase Auth HTTP hooks: Standard Webhooks in `webhook-*` headers, routed by `metadata.name` (or `hook`),
 * deduped by `metadata.uuid`, which the signed body carries and each retry of one invocation repeats (the
 * `webhook-id` is new on every attempt).
 *
 * A hook is a call, not an event feed: Supabase Auth reads the answer. The router answers `{"ok":true}`, which
 * Supabase Auth reads as an empty output: right for `send-email`, `send-sms`, `after-user-created` and
 * `before-user-created` (allow), and a retry of one already handled is acknowledged without sending twice.
 * `customize-access-token`, `mfa-verification` and `password-verification` need their own answer: verify with
 * `createVerifier({ scheme: supabase(…).scheme })` and write it yourself.
 *
 * @example
 * const hooks = createWebhooks({ provider: supabase({ secret: process.env.SEND_EMAIL_HOOK_SECRET! }) })
 *   .on("send-email", async (event) => { await mailer.send(event.user.email, event.email_data) });
 */
export function supabase(options: SupabaseOptions): WebhookProvider<SupabaseEvents> {
  const hook = options?.hook;
  return {
    name: "supabase",
    scheme: standardWebhooks({
      secret: hookSecrets(options?.secret),
      allowShortSecret: options?.allowShortSecret,
    }),
    events: supabaseCatalogue,
    eventType: (payload) => metadataField(payload, "name") ?? hook,
    // `metadata.uuid` is signed (in the body) and stable across the retries of one invocation; before 2026-02
    // there is none and the signed `webhook-id` is the best id there is (new on each attempt).
    eventId: (payload, schemeId) => metadataField(payload, "uuid") ?? schemeId,
  };
}

/**
 * Supabase Auth hooks, as the providers table lists them.
 *
 * @example
 * about.eventId; // "body `metadata.uuid` (signed), else `webhook-id`"
 */
export const about: ProviderInfo = {
  name: "supabase",
  preset: "supabase",
  title: "Supabase Auth hooks",
  scheme: "Standard Webhooks (`webhook-*` headers, `v1,whsec_` secrets)",
  eventId: "body `metadata.uuid` (signed), else `webhook-id`",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(supabaseCatalogue).length,
  crossCheck: "`standardwebhooks`",
};
