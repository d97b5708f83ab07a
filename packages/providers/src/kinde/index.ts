/**
 * Kinde webhooks: the body is itself a JWT (`Content-Type: application/jwt`), RS256-signed with a key of the
 * Kinde domain's JWKS (`https://<your-subdomain>.kinde.com/.well-known/jwks.json`), named by `kid`. Its claims
 * are the event: `event_id`, `type`, `source`, `timestamp`, `data`.
 *
 * Sources: kinde-oss/documentation `src/content/docs/integrate/webhooks/about-webhooks.mdx` @ 21c4cc3e (the
 * format, the retry schedule, `webhook-id`), `add-manage-webhooks.mdx` @ 13d22064, `webhooks-nextjs.mdx` @
 * 21c4cc3e; kinde-oss/webhook @ 70897bd1 `lib/main.ts` and npm `@kinde/webhooks` 1.0.0 `dist/webhooks.js` (its
 * verifier: jose `jwtVerify` against `${domain}/.well-known/jwks.json`); npm `@kinde/jwt-validator` 0.4.5
 * (RS256 only, `kty: "RSA"`). Kinde's sender is closed source: the preset is cross-checked with
 * `@kinde/webhooks`' `decodeWebhook` both ways.
 * @module
 */
import type { WebhookProvider, WebhookScheme } from "@hookproof/core";
import { configError } from "@hookproof/core";
import type { JWK } from "jose";
import type { ProviderInfo } from "../kit/about.js";
import type { KeyFetch } from "../kit/fetch-key.js";
import { isoTime } from "../kit/iso-time.js";
import { type JwtPublicKey, jwtScheme } from "../kit/jwt.js";
import { stringField } from "../kit/string-field.js";
import { type KindeEvents, kindeCatalogue } from "./events.js";

export type {
  KindeAccessRequest,
  KindeEvent,
  KindeEventData,
  KindeEvents,
  KindeKeyed,
  KindeOrganization,
  KindePermission,
  KindeRole,
  KindeSubscriber,
  KindeUser,
  KindeUserOrganization,
} from "./events.js";
export { kindeCatalogue } from "./events.js";

/** Options of {@link kinde} and {@link kindeJwt}: where the Kinde domain's keys come from. */
export interface KindeOptions {
  /**
   * The Kinde domain (`KINDE_ISSUER_URL`): `https://<your-subdomain>.kinde.com`, or your custom domain. Its
   * `/.well-known/jwks.json` is fetched through `fetch` and cached.
   */
  domain?: string | undefined;
  /** The key set's URL, when it is not the domain's `/.well-known/jwks.json`. */
  jwksUrl?: string | undefined;
  /** The `fetch` the JWKS is fetched with (a proxy, a test server). Default: the global one. */
  fetch?: KeyFetch | undefined;
  /** Pinned public keys instead of the JWKS: JWKs (matched by `kid`) or PEM. */
  publicKey?: JwtPublicKey | readonly JwtPublicKey[] | undefined;
  /**
   * The private half of a test key pair, for signing test deliveries only (`@hookproof/testing`): a private
   * RSA JWK with `alg: "RS256"` and the `kid` the public half is listed under. Kinde keeps its own.
   */
  privateKey?: JWK | undefined;
}

/** Kinde retries for 36 h (then every 12 h, up to 72 h before disabling the webhook): 37 h covers the retries. */
const MAX_AGE_SECONDS = 37 * 60 * 60;

/** `https://acme.kinde.com/.well-known/jwks.json` from `acme.kinde.com`, `https://acme.kinde.com` or `…/`. */
function jwksOf(domain: string): string {
  const base = /^[a-z][a-z0-9+.-]*:\/\//i.test(domain) ? domain : `https://${domain}`;
  return `${base.replace(/\/+$/, "")}/.well-known/jwks.json`;
}

/**
 * Kinde's signature alone: the body as an RS256 JWT (`none`, HMAC and every other algorithm refused), its key
 * by `kid` from the domain's JWKS; the verified claims are the payload.
 *
 * @example
 * const verifier = createVerifier({ scheme: kindeJwt({ domain: process.env.KINDE_ISSUER_URL! }) });
 */
export function kindeJwt(options: KindeOptions): WebhookScheme {
  const domain = options?.domain?.trim();
  if (!domain && !options?.jwksUrl && options?.publicKey === undefined)
    throw configError(
      "kinde needs `domain`: your Kinde domain (`KINDE_ISSUER_URL`, `https://<your-subdomain>.kinde.com`), whose JWKS signs the webhooks.",
    );
  return jwtScheme({
    name: "kinde-jwt",
    token: "body",
    // Kinde's validator (`@kinde/jwt-validator`) accepts RS256 alone.
    algorithms: ["RS256"],
    jwksUrl: options.jwksUrl ?? (domain ? jwksOf(domain) : undefined),
    fetch: options.fetch,
    publicKey: options.publicKey,
    signingKey: options.privateKey,
  });
}

/**
 * Kinde's events, from the verified claims: routed by `type`, deduped by `event_id` (signed; the `webhook-id`
 * header Kinde suggests is not), and refused when `timestamp` is older than 37 h, past Kinde's retries.
 *
 * @example
 * const hooks = createWebhooks({ provider: kinde({ domain: process.env.KINDE_ISSUER_URL! }) })
 *   .on("user.created", async ({ data }) => { await welcome(data.user.email) });
 */
export function kinde(options: KindeOptions): WebhookProvider<KindeEvents> {
  return {
    name: "kinde",
    scheme: kindeJwt(options),
    events: kindeCatalogue,
    eventType: (payload) => stringField(payload, "type"),
    // A claim of the signed token: a replay under a fresh `webhook-id` header is still a duplicate.
    eventId: (payload) => stringField(payload, "event_id") || undefined,
    eventTime: (payload) => isoTime(payload, "timestamp") ?? isoTime(payload, "event_timestamp"),
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * Kinde, as the providers table lists it.
 *
 * @example
 * about.scheme; // "the body is a JWT (RS256), keys by `kid` from the domain's JWKS"
 */
export const about: ProviderInfo = {
  name: "kinde",
  preset: "kinde",
  title: "Kinde",
  scheme: "the body is a JWT (RS256), keys by `kid` from the domain's JWKS",
  eventId: "`event_id` claim (signed)",
  replay: "`timestamp` claim within 37 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(kindeCatalogue).length,
  crossCheck: "`@kinde/webhooks` 1.0.0 (`decodeWebhook`) both ways",
};
