/**
 * FusionAuth webhooks: `{ "event": { … } }` JSON, signed (when the webhook's "Sign events" is on, since
 * 1.48.0) by a JWT in `X-FusionAuth-Signature-JWT` whose `request_body_sha256` claim is the standard base64
 * SHA-256 of the raw body. The JWT is signed with a Key Master key: an HMAC secret (HS256/384/512, its UTF-8
 * text as the key) or an RSA / EC / EdDSA key whose public half the tenant serves at `/.well-known/jwks.json`
 * by `kid`.
 *
 * Sources: FusionAuth/fusionauth-site `astro/src/content/docs/extend/events-and-webhooks/signing.mdx` @ 020c0182
 * (the header, the claim, the key types), `writing-a-webhook.mdx` @ 0a868c2f (retries, transactions),
 * `events/*.mdx` @ 0f7f5fef; FusionAuth/fusionauth-example-javascript-webhooks @ 26bc6831
 * `signature-verify/app.js` (the verifier the docs embed: jose `jwtVerify` against the JWKS, then
 * `digest('base64')` of the raw body compared with the claim); FusionAuth/fusionauth-jwt @ 1cdae96a
 * `src/main/java/io/fusionauth/jwt/hmac/HMACSigner.java` (an HMAC secret is the UTF-8 bytes of its text);
 * FusionAuth/fusionauth-typescript-client @ 23afcd21 `src/FusionAuthClient.ts` (events). The server that signs
 * is closed source and no FusionAuth package verifies: the scheme is cross-checked with jose, as FusionAuth's
 * example verifies, both ways.
 * @module
 */
import type { Secrets, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { configError } from "@hookproof/core";
import type { JWK } from "jose";
import type { ProviderInfo } from "../kit/about.js";
import type { KeyFetch } from "../kit/fetch-key.js";
import { JWT_ALGORITHMS, type JwtPublicKey, jwtScheme } from "../kit/jwt.js";
import { stringField } from "../kit/string-field.js";
import { type FusionAuthEvents, fusionAuthCatalogue } from "./events.js";

export type {
  FusionAuthBaseEvent,
  FusionAuthEmailUpdateEvent,
  FusionAuthEvent,
  FusionAuthEventData,
  FusionAuthEventInfo,
  FusionAuthEvents,
  FusionAuthGroup,
  FusionAuthGroupMember,
  FusionAuthGroupMemberEvent,
  FusionAuthLoginFailedEvent,
  FusionAuthLoginSuccessEvent,
  FusionAuthRegistration,
  FusionAuthRegistrationEvent,
  FusionAuthRegistrationUpdateEvent,
  FusionAuthUser,
  FusionAuthUserEvent,
  FusionAuthUserUpdateEvent,
} from "./events.js";
export { fusionAuthCatalogue } from "./events.js";

/**
 * Options of {@link fusionAuth} and {@link fusionAuthJwt}: the webhook's signing key, as one (or more, while
 * moving from one key to another) of an HMAC `secret`, a `publicKey`, or the tenant's `jwksUrl`.
 */
export interface FusionAuthOptions {
  /** An HMAC signing key's secret (Key Master → the key → "Secret"), used as its UTF-8 text; a list while rotating. */
  secret?: Secrets | undefined;
  /** Accept a secret under 16 bytes, when an imported Key Master key is one. */
  allowShortSecret?: boolean | undefined;
  /** An RSA / EC / EdDSA signing key's public half: a JWK (matched by `kid`) or PEM; a list while rotating. */
  publicKey?: JwtPublicKey | readonly JwtPublicKey[] | undefined;
  /** The tenant's key set, `https://<your-fusionauth>/.well-known/jwks.json`: keys by `kid`, fetched and cached. */
  jwksUrl?: string | undefined;
  /** The `fetch` the JWKS is fetched with (a proxy, a test server). Default: the global one. */
  fetch?: KeyFetch | undefined;
  /**
   * The private half of a key pair, for signing test deliveries only (`@hookproof/testing`): a private JWK
   * with its `alg` and the `kid` the JWKS lists. FusionAuth keeps its own.
   */
  privateKey?: JWK | undefined;
}

const HMAC = JWT_ALGORITHMS.filter((alg) => alg.startsWith("HS"));
const KEY_PAIRS = JWT_ALGORITHMS.filter((alg) => !alg.startsWith("HS"));

/** FusionAuth retries three times right after the event: a day is past that and under the 72 h dedupe retention. */
const MAX_AGE_SECONDS = 86_400;

/**
 * FusionAuth's signature alone: the JWT in `X-FusionAuth-Signature-JWT`, its `alg` one of the configured
 * keys' kind (HS* with `secret`, RS/PS/ES/EdDSA with `publicKey` or `jwksUrl`; never `none`, an HMAC token
 * never checked against a public key), and its `request_body_sha256` claim against the raw body.
 *
 * @example
 * const verifier = createVerifier({
 *   scheme: fusionAuthJwt({ jwksUrl: "https://auth.example.com/.well-known/jwks.json" }),
 * });
 */
export function fusionAuthJwt(options: FusionAuthOptions): WebhookScheme {
  const hmac = options?.secret !== undefined;
  const asymmetric = options?.publicKey !== undefined || options?.jwksUrl !== undefined;
  if (!hmac && !asymmetric)
    throw configError(
      "fusionAuth needs the webhook's signing key: `secret` (an HMAC key's secret), `publicKey`, or `jwksUrl` (`https://<your-fusionauth>/.well-known/jwks.json`).",
    );
  return jwtScheme({
    name: "fusion-auth-jwt",
    token: { header: "x-fusionauth-signature-jwt" },
    algorithms: [...(hmac ? HMAC : []), ...(asymmetric ? KEY_PAIRS : [])],
    secret: options.secret,
    allowShortSecret: options.allowShortSecret,
    publicKey: options.publicKey,
    jwksUrl: options.jwksUrl,
    fetch: options.fetch,
    signingKey: options.privateKey,
    bodyHash: { claim: "request_body_sha256", encoding: "base64" },
  });
}

/** `event.<key>` of a delivery, when it is a string. */
function eventString(payload: unknown, key: string): string | undefined {
  return stringField((payload as { event?: unknown } | null)?.event, key);
}

/**
 * FusionAuth's identity events, routed by `event.type`, deduped by `event.id` (in the body the JWT's hash
 * signs). The JWT carries no time: `event.createInstant` must be within 24 h (`maxAge`), younger replays are
 * caught by the dedupe store.
 *
 * @example
 * const hooks = createWebhooks({ provider: fusionAuth({ jwksUrl: `${process.env.FUSIONAUTH_URL}/.well-known/jwks.json` }) })
 *   .on("user.create.complete", async ({ event }) => { await welcome(event.user?.email) });
 */
export function fusionAuth(options: FusionAuthOptions): WebhookProvider<FusionAuthEvents> {
  return {
    name: "fusion-auth",
    scheme: fusionAuthJwt(options),
    events: fusionAuthCatalogue,
    eventType: (payload) => eventString(payload, "type"),
    // The event's own UUID, signed with the body; FusionAuth sends no delivery id.
    eventId: (payload) => eventString(payload, "id") || undefined,
    eventTime(payload) {
      const at = (payload as { event?: { createInstant?: unknown } } | null)?.event?.createInstant;
      return typeof at === "number" && Number.isFinite(at) ? at : undefined;
    },
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * FusionAuth, as the providers table lists it.
 *
 * @example
 * about.eventId; // "`event.id` (signed by the body hash)"
 */
export const about: ProviderInfo = {
  name: "fusion-auth",
  preset: "fusionAuth",
  title: "FusionAuth",
  scheme:
    "JWT in `X-FusionAuth-Signature-JWT` (HS*, or RS/PS/ES/EdDSA by `kid` from the JWKS), `request_body_sha256` claim = body hash",
  eventId: "`event.id` (signed by the body hash)",
  replay: "body `event.createInstant` within 24 h (`maxAge`), then dedupe",
  handshake: "—",
  events: Object.keys(fusionAuthCatalogue).length,
  crossCheck: "`jose` both ways, as FusionAuth's example verifier (no FusionAuth package verifies)",
};
