/**
 * Netlify deploy notifications: a JWT (HS256, the hook's "JWS secret token") in `X-Webhook-Signature` whose
 * `sha256` claim is the hex SHA-256 of the raw body, `iss: "netlify"`.
 *
 * Sources: docs.netlify.com/site-deploys/notifications/ ("Outgoing webhooks", "Payload signature", as
 * quoted in redwoodjs/graphql issue #6675); verifiers that follow it: n8n-io/n8n PR #29256, simstudioai/sim
 * PR #4518; zulip/zulip `zerver/webhooks/netlify/view.py` @ 00224185 (`X-Netlify-Event`); netlify/open-api
 * @ 65080317 (`go/models/hook.go`: one event per hook). Netlify publishes no verifier: the scheme is
 * cross-checked with jose, both ways.
 * @module
 */
import type { Secrets, WebhookProvider, WebhookScheme } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { isoTime } from "../kit/iso-time.js";
import { type JwtSchemeOptions, jwtScheme } from "../kit/jwt.js";
import { type NetlifyEvents, netlifyCatalogue } from "./events.js";

export type { NetlifyDeploy, NetlifyEventData, NetlifyEvents } from "./events.js";
export { netlifyCatalogue } from "./events.js";

/** Options of {@link netlify} and {@link netlifyJwt}. */
export interface NetlifyOptions extends Pick<JwtSchemeOptions, "allowShortSecret"> {
  /** The hook's "JWS secret token", used as its UTF-8 text; a list while rotating. */
  secret: Secrets;
}

/** 24 h: longer than any retry Netlify makes (none documented), shorter than the 72 h dedupe retention. */
const MAX_AGE_SECONDS = 86_400;

/**
 * Netlify's signature alone: the JWT in `X-Webhook-Signature`, HS256 pinned, issuer `netlify`, and its
 * `sha256` claim checked against the raw body (a token without that check would let any body through).
 *
 * @example
 * const verifier = createVerifier({ scheme: netlifyJwt({ secret: process.env.NETLIFY_WEBHOOK_SECRET! }) });
 */
export function netlifyJwt(options: NetlifyOptions): WebhookScheme {
  return jwtScheme({
    name: "netlify-jwt",
    token: { header: "x-webhook-signature" },
    algorithms: ["HS256"],
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    issuer: "netlify",
    claims: { iss: "netlify" },
    bodyHash: { claim: "sha256", encoding: "hex" },
  });
}

/**
 * Netlify deploy notifications, routed by `X-Netlify-Event` (`deploy_created` is a deploy that succeeded).
 * That header is unsigned, but the id is the body's SHA-256 (which the token signs): a signed body replayed
 * under another event name is a duplicate, not a new event. Nothing signs a time: `updated_at` must be within
 * 24 h (`maxAge`), and younger replays are caught by the dedupe store.
 *
 * @example
 * const hooks = createWebhooks({ provider: netlify({ secret: process.env.NETLIFY_WEBHOOK_SECRET! }) })
 *   .on("deploy_failed", async (deploy) => { await alert(deploy.name, deploy.error_message) });
 */
export function netlify(options: NetlifyOptions): WebhookProvider<NetlifyEvents> {
  return {
    name: "netlify",
    scheme: netlifyJwt(options),
    events: netlifyCatalogue,
    eventType: (_payload, header) => header("x-netlify-event") || undefined,
    // Not the body's `id`: that is the deploy's, shared by its building / created / failed events. The router
    // falls back to the body's SHA-256, which is what the token's `sha256` claim signs.
    eventId: () => undefined,
    eventTime: (payload) => isoTime(payload, "updated_at"),
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Netlify, as the providers table lists it.
 *
 * @example
 * about.scheme; // "JWT (HS256) in `X-Webhook-Signature`, `sha256` claim = body hash"
 */
export const about: ProviderInfo = {
  name: "netlify",
  preset: "netlify",
  title: "Netlify",
  scheme: "JWT (HS256) in `X-Webhook-Signature`, `sha256` claim = body hash",
  eventId: "body SHA-256 (signed by the `sha256` claim)",
  replay: "body `updated_at` within 24 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(netlifyCatalogue).length,
  crossCheck: "`jose` both ways (Netlify publishes no verifier)",
};
