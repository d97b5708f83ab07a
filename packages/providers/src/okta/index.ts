/**
 * Okta event hooks: System Log events posted in batches (`data.events[]`), authenticated by a static secret in a
 * header the admin names, after a one-time GET verification challenge.
 *
 * Sources: okta/okta-developer-docs `packages/@okta/vuepress-site/docs/concepts/event-hooks/index.md` at 54ad1076
 * (the request, the batch "amalgamated" in `data.events`, dedupe by `data.events.uuid`, at most one retry, 3 s
 * timeout, the one-time verification), `docs/guides/event-hook-implementation/main/nodejs/verification.md` at
 * 1691487f (the answer `{ "verification": <x-okta-verification-challenge> }`), `docs/reference/api/system-log/index.md`
 * at 0140e9a1 (the `LogEvent` object); developer.okta.com/docs/guides/secure-hooks (event hooks authenticate by a
 * header only: `authScheme { type: "HEADER", key, value }`). Okta ships no receiver library and signs nothing: the
 * handshake is tested with Okta's own sample request.
 * @module
 */
import type { HandshakeAnswer, Tokens, WebhookProvider } from "@hookproof/core";
import { headerToken, WebhookVerificationError } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type OktaEvents, oktaCatalogue } from "./events.js";

export type {
  OktaActor,
  OktaEvent,
  OktaEventData,
  OktaEvents,
  OktaLogEvent,
  OktaOutcome,
  OktaTarget,
} from "./events.js";
export { oktaCatalogue } from "./events.js";

/**
 * Okta gives no bound on a delivery's delay ("best effort… may be delayed"): a day is far past its one retry and
 * under the 72 h dedupe retention.
 */
const MAX_AGE_SECONDS = 24 * 60 * 60;
/** The challenge is echoed back: only a short, printable value, so the endpoint reflects nothing else. */
const CHALLENGE = /^[\x21-\x7e]{1,512}$/;

/** Options of {@link okta}. */
export interface OktaOptions {
  /**
   * The event hook's "Authentication secret", exactly as typed in Okta (Workflow → Event Hooks → the hook),
   * e.g. `Basic YWRtaW46c3VwZXJzZWNyZXQ=` or a bare key: Okta sends it verbatim. A list while rotating.
   */
  token: Tokens;
  /** The hook's "Authentication field", the header the secret travels in. Default `authorization`. */
  header?: string;
  /** Accept a secret under 16 bytes, when an existing hook forces one on you. */
  allowShortSecret?: boolean;
}

/** Okta's one-time GET: echo `x-okta-verification-challenge` as `{ "verification": … }`. */
function verificationChallenge(request: {
  method: string;
  header: (name: string) => string | undefined;
}): HandshakeAnswer | undefined {
  if (request.method !== "GET") return undefined;
  const challenge = request.header("x-okta-verification-challenge");
  if (challenge === undefined) return undefined;
  if (!CHALLENGE.test(challenge)) {
    return {
      kind: "okta.verification",
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({
        error: {
          code: "malformed_header",
          message: "The `x-okta-verification-challenge` header must be 1–512 printable ASCII characters.",
        },
      }),
    };
  }
  return {
    kind: "okta.verification",
    status: 200,
    contentType: "application/json",
    body: JSON.stringify({ verification: challenge }),
  };
}

/** The events of a delivery: `data.events`; a body that is one event (a test's fixture) is its own batch. */
function oktaEvents(payload: unknown): readonly unknown[] {
  const data = (payload as { data?: unknown } | null)?.data;
  const events =
    typeof data === "object" && data !== null ? (data as { events?: unknown }).events : undefined;
  if (Array.isArray(events)) return events;
  if (stringField(payload, "eventType") === "com.okta.event_hook") {
    throw new WebhookVerificationError(
      "invalid_payload",
      "The Okta event hook delivery has no `data.events` array: it is not what Okta sends.",
      { path: "data.events" },
    );
  }
  return [payload];
}

/**
 * Okta event hooks: the secret header compared whole in constant time; the one-time GET verification answered
 * (`challenge`); each of `data.events` (`split`) typed by its `eventType`, deduped by its `uuid`, and refused once
 * its `published` time is over a day old.
 *
 * Okta signs nothing: anyone holding the secret can forge any event, and the secret authenticates the whole body,
 * so each event's `uuid` is exactly as trustworthy as the rest. Events in one delivery are handled and deduped
 * each on its own.
 *
 * @example
 * const hooks = createWebhooks({ provider: okta({ token: process.env.OKTA_EVENT_HOOK_SECRET! }) })
 *   .on("user.lifecycle.create", async (event) => { await provision(event.target ?? []) })
 *   .on("group.user_membership.add", async (event) => { await grant(event.target ?? []) });
 */
export function okta(options: OktaOptions): WebhookProvider<OktaEvents> {
  return {
    name: "okta",
    scheme: headerToken({
      header: options?.header ?? "authorization",
      token: options?.token,
      allowShortSecret: options?.allowShortSecret,
    }),
    events: oktaCatalogue,
    challenge: verificationChallenge,
    split: oktaEvents,
    eventType: (event) => stringField(event, "eventType"),
    // Okta: "to detect duplicated delivery, compare the `data.events.uuid`". Not the envelope's `eventId`, whose
    // stability across the retry is not documented.
    eventId: (event) => stringField(event, "uuid"),
    eventTime(event) {
      const published = stringField(event, "published");
      const time = published === undefined ? Number.NaN : Date.parse(published);
      return Number.isNaN(time) ? undefined : time;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Okta, as the providers table lists it.
 *
 * @example
 * about.handshake; // "GET `x-okta-verification-challenge` → `{ verification }`"
 */
export const about: ProviderInfo = {
  name: "okta",
  preset: "okta",
  title: "Okta event hooks",
  scheme: "static secret in a named header (default `Authorization`)",
  eventId: "each event's `uuid` (authenticated by the token only)",
  replay: "`published` within 24 h (`maxAge`), then dedupe",
  handshake: "GET `x-okta-verification-challenge` → `{ verification }`",
  events: Object.keys(oktaCatalogue).length,
  crossCheck: "Okta's sample verification request (no SDK: nothing is signed)",
};
