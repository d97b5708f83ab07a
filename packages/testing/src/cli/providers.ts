/**
 * The providers the CLI knows, by the name it takes (`--provider stack-auth`), and how each is built
 * from the `--secret` values.
 * @module
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import type { EventMap, WebhookProvider } from "@hookproof/core";
import {
  auth0,
  bitbucket,
  calendly,
  clerk,
  discord,
  ferriskey,
  fusionAuth,
  generic,
  github,
  gitlab,
  hubspot,
  intercom,
  kinde,
  lemonSqueezy,
  linear,
  logto,
  mailgun,
  meta,
  netlify,
  okta,
  openai,
  paddle,
  polar,
  postmark,
  propelAuth,
  razorpay,
  replicate,
  resend,
  sendgrid,
  sentry,
  shopify,
  slack,
  sns,
  square,
  stackAuth,
  stripe,
  stytch,
  supabase,
  tesseral,
  twilio,
  twitch,
  typeform,
  userfront,
  vercel,
  workos,
  zitadel,
  zoom,
} from "@hookproof/providers";
import { UsageError, warn } from "./output.js";

export interface ProviderEntry {
  /** The CLI name: `stack-auth`. */
  name: string;
  /** What `--secret` holds for this provider; for a sender that signs with a key pair, what its keys are. */
  secret: string;
  /**
   * The shape of the secrets this sender issues, when it has one: a `--secret` of another shape is named
   * as such, since it is rarely the dashboard's value (a mistyped variable, the wrong provider's key).
   */
  format?: { matches: (secret: string) => boolean; looks: string };
  /** Builds the provider with one secret, or several (rotation: any may match). */
  create?(secrets: string[], allowShortSecret: boolean): WebhookProvider<EventMap>;
  /**
   * For a sender that signs with a private key and publishes the public one (Discord, SendGrid): builds the
   * provider from `--public-key` (verify) or `--private-key` (sign; its public half derived from it).
   */
  keyPair?: {
    create(keys: { publicKey: string[]; privateKey?: string }): WebhookProvider<EventMap>;
    /** The public key, in the sender's format, of a private key given as `--private-key`. */
    publicKeyOf(privateKey: string): string;
  };
  /**
   * For a sender that signs with keys only it holds and publishes itself (AWS SNS's certificates): built with no
   * credential, to verify; the CLI cannot sign as it.
   */
  keyless?: () => WebhookProvider<EventMap>;
  /** The headers that name an event of `type`, for senders that name it in one (Shopify's `X-Shopify-Topic`). */
  eventHeaders?(type: string): Record<string, string>;
  /** Builds it for a sender that sends only a static token in a header you name (`--token-header`). */
  createWithTokenHeader?(
    header: string,
    tokens: string[],
    allowShortSecret: boolean,
  ): WebhookProvider<EventMap>;
}

/** The options every command reads its credentials from. */
export interface SecretOptions {
  /** `--secret`, repeatable. */
  secret?: string[];
  /** `--token-header`: FerrisKey's static token header. */
  tokenHeader?: string;
  /** `--allow-short-secret`: accept a secret or token under 16 bytes. */
  allowShortSecret?: boolean;
  /** `--public-key`, repeatable: what a key-pair sender is verified with. */
  publicKey?: string[];
  /** `--private-key`: what a key-pair sender's deliveries are signed with. */
  privateKey?: string;
}

/** Svix senders issue `whsec_` + base64 secrets; the core also reads bare base64 as a key. */
const WHSEC_FORMAT = { matches: (secret: string) => secret.startsWith("whsec_"), looks: "whsec_<base64>" };

// RFC 8410: a PKCS #8 Ed25519 key is this prefix and the 32-byte seed Discord's tools print as hex.
const ED25519_PKCS8_PREFIX = "302e020100300506032b657004220420";

/** The hex public key of an Ed25519 seed given as 64 hex characters. */
function ed25519PublicKeyOf(seedHex: string): string {
  if (!/^[0-9a-f]{64}$/i.test(seedHex.trim()))
    throw new UsageError("--private-key must be 64 hex characters (an Ed25519 seed).");
  const key = createPrivateKey({
    key: Buffer.from(ED25519_PKCS8_PREFIX + seedHex.trim(), "hex"),
    format: "der",
    type: "pkcs8",
  });
  return createPublicKey(key).export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
}

/** A `--public-key` or `--private-key` given as a JWK (JSON), else the text itself (PEM). */
function jwkOrPem(text: string, flag: string): JsonWebKey | string {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return trimmed;
  try {
    return JSON.parse(trimmed) as JsonWebKey;
  } catch {
    throw new UsageError(`${flag} starts like a JWK but is not JSON.`);
  }
}

/** The public half of a private JWK: its public members, `kid` and `alg` kept so the key is matched. */
function publicJwkOf(privateKey: string): string {
  const key = jwkOrPem(privateKey, "--private-key");
  if (typeof key === "string" || typeof key.kty !== "string") {
    throw new UsageError("--private-key must be a private JWK (JSON) with its `kid` and `alg`.");
  }
  const { kty, n, e, crv, x, y, kid, alg, use } = key as JsonWebKey & { kid?: string };
  return JSON.stringify({ kty, n, e, crv, x, y, kid, alg, use });
}

/** The base64 SPKI public key of a P-256 private key given as PKCS #8 (base64 or PEM). */
function p256PublicKeyOf(privateKey: string): string {
  const text = privateKey.trim();
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = text.startsWith("-----")
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(text, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new UsageError("--private-key must be a PKCS #8 P-256 key: base64 or PEM.");
  }
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1")
    throw new UsageError("--private-key must be a P-256 (prime256v1) key.");
  return createPublicKey(key).export({ format: "der", type: "spki" }).toString("base64");
}

const entries: readonly ProviderEntry[] = [
  {
    name: "auth0",
    secret:
      "the log stream's Authorization Token, exactly as typed in Auth0 (with `Bearer ` if you typed it)",
    create: (s, allowShortSecret) => auth0({ token: s, allowShortSecret }),
  },
  {
    name: "bitbucket",
    secret: "the webhook's secret (used as text)",
    create: (s, allowShortSecret) => bitbucket({ secret: s, allowShortSecret }),
    eventHeaders: (type) => ({ "x-event-key": type }),
  },
  {
    name: "calendly",
    secret: "the subscription's signing key (used as text)",
    create: (s, allowShortSecret) => calendly({ secret: s, allowShortSecret }),
  },
  {
    name: "clerk",
    secret: "the endpoint's whsec_… signing secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => clerk({ secret: s, allowShortSecret }),
  },
  {
    name: "discord",
    secret: "the application's Public Key (hex) to verify; to sign test deliveries, an Ed25519 seed (hex)",
    keyPair: {
      create: ({ publicKey, privateKey }) => discord({ publicKey, privateKey }),
      publicKeyOf: ed25519PublicKeyOf,
    },
  },
  {
    name: "ferriskey",
    secret:
      "the webhook's signing secret (64 hex characters, used as text); with --token-header, that header's value",
    format: { matches: (secret) => /^[0-9a-f]{64}$/i.test(secret), looks: "64 hex characters" },
    create: (s, allowShortSecret) => ferriskey({ secret: s, allowShortSecret }),
    // Releases up to v0.7.2 sign nothing: the only credential is a custom header the admin configured.
    createWithTokenHeader: (header, tokens, allowShortSecret) =>
      ferriskey({ token: { header, token: tokens }, allowShortSecret }),
  },
  {
    name: "fusion-auth",
    secret:
      "an HMAC signing key's secret from Key Master (used as text; key-pair keys are verified from the JWKS)",
    create: (s, allowShortSecret) => fusionAuth({ secret: s, allowShortSecret }),
  },
  {
    name: "generic",
    secret: "the shared secret (used as text)",
    create: (s, allowShortSecret) => generic({ secret: s, allowShortSecret }),
  },
  {
    name: "github",
    secret: "the webhook's secret (used as text)",
    create: (s, allowShortSecret) => github({ secret: s, allowShortSecret }),
    eventHeaders: (type) => ({ "x-github-event": type.split(".")[0] ?? type }),
  },
  {
    name: "logto",
    secret: "the webhook's signing key (used as text)",
    create: (s, allowShortSecret) => logto({ secret: s, allowShortSecret }),
  },
  {
    name: "mailgun",
    secret: "the HTTP webhook signing key (Sending → Webhooks), used as text",
    create: (s, allowShortSecret) => mailgun({ secret: s, allowShortSecret }),
  },
  {
    name: "netlify",
    secret: "the notification's JWS secret token (used as text)",
    create: (s, allowShortSecret) => netlify({ secret: s, allowShortSecret }),
  },
  {
    name: "meta",
    secret: "the app's App Secret (App settings → Basic), used as text",
    // The CLI signs and checks POSTs only: a random verify token, so it answers no GET verification request.
    create: (s, allowShortSecret) => meta({ secret: s, allowShortSecret, verifyToken: crypto.randomUUID() }),
  },
  {
    name: "okta",
    secret: "the event hook's Authentication secret, exactly as typed in Okta (sent in Authorization)",
    create: (s, allowShortSecret) => okta({ token: s, allowShortSecret }),
  },
  {
    name: "propel-auth",
    secret: "the endpoint's whsec_… signing secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => propelAuth({ secret: s, allowShortSecret }),
  },
  {
    name: "gitlab",
    secret: "the webhook's secret token",
    create: (s, allowShortSecret) => gitlab({ token: s, allowShortSecret }),
  },
  {
    name: "hubspot",
    secret: "the app's client secret (the app → Auth → Client secret), used as text",
    create: (s, allowShortSecret) => hubspot({ secret: s, allowShortSecret }),
  },
  {
    name: "intercom",
    secret: "the app's client secret (used as text)",
    create: (s, allowShortSecret) => intercom({ secret: s, allowShortSecret }),
  },
  {
    name: "kinde",
    secret:
      "the tenant's public key as a JWK or PEM to verify (or pass none and verify against the JWKS in your app); to sign test deliveries, a private RS256 JWK with its `kid`",
    keyPair: {
      create: ({ publicKey, privateKey }) =>
        kinde({
          publicKey: publicKey.map((key) => jwkOrPem(key, "--public-key")) as never,
          ...(privateKey === undefined ? {} : { privateKey: jwkOrPem(privateKey, "--private-key") as never }),
        }),
      publicKeyOf: publicJwkOf,
    },
  },
  {
    name: "lemon-squeezy",
    secret: "the webhook's signing secret (used as text)",
    create: (s, allowShortSecret) => lemonSqueezy({ secret: s, allowShortSecret }),
  },
  {
    name: "openai",
    secret: "the endpoint's whsec_… signing secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => openai({ secret: s, allowShortSecret }),
  },
  {
    name: "paddle",
    secret: "the notification destination's secret key (pdl_ntfset_…), used as text",
    format: {
      matches: (secret: string) => secret.startsWith("pdl_ntfset_"),
      looks: "pdl_ntfset_<id>_<key>",
    },
    create: (s, allowShortSecret) => paddle({ secret: s, allowShortSecret }),
  },
  {
    name: "polar",
    secret: "the endpoint's whsec_… secret, used as text (as shown)",
    create: (s, allowShortSecret) => polar({ secret: s, allowShortSecret }),
  },
  {
    name: "postmark",
    secret: "the webhook's Basic auth credentials as `username:password`",
    format: { matches: (secret) => secret.indexOf(":") > 0, looks: "username:password" },
    create: (s, allowShortSecret) =>
      postmark({
        credentials: s.map((pair) => {
          const colon = pair.indexOf(":");
          if (colon <= 0) throw new UsageError("--secret for postmark is `username:password`.");
          return { username: pair.slice(0, colon), password: pair.slice(colon + 1) };
        }),
        allowShortSecret,
      }),
  },
  {
    name: "razorpay",
    secret: "the webhook's secret (used as text)",
    create: (s, allowShortSecret) => razorpay({ secret: s, allowShortSecret }),
  },
  {
    name: "replicate",
    secret: "the account's whsec_… webhook secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => replicate({ secret: s, allowShortSecret }),
  },
  {
    name: "resend",
    secret: "the endpoint's whsec_… signing secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => resend({ secret: s, allowShortSecret }),
  },
  {
    name: "sendgrid",
    secret:
      "the Event Webhook's Verification Key (base64) to verify; to sign test deliveries, a P-256 PKCS #8 private key",
    keyPair: {
      create: ({ publicKey, privateKey }) => sendgrid({ publicKey, privateKey }),
      publicKeyOf: p256PublicKeyOf,
    },
  },
  {
    name: "sentry",
    secret: "the integration's client secret (used as text)",
    create: (s, allowShortSecret) => sentry({ secret: s, allowShortSecret }),
    eventHeaders: (type) => ({ "sentry-hook-resource": type.split(".")[0] ?? type }),
  },
  {
    name: "shopify",
    secret: "the app's client secret (used as text)",
    create: (s, allowShortSecret) => shopify({ secret: s, allowShortSecret }),
    eventHeaders: (topic) => ({ "x-shopify-topic": topic }),
  },
  {
    name: "slack",
    secret: "the app's Signing Secret (Basic Information → App Credentials), used as text",
    create: (s, allowShortSecret) => slack({ secret: s, allowShortSecret }),
  },
  {
    name: "sns",
    secret:
      "nothing: each message names its certificate (SigningCertURL, on sns.<region>.amazonaws.com), fetched to verify it",
    keyless: () => sns({}),
  },
  {
    name: "square",
    secret: "the subscription's Signature Key (Webhooks → Subscriptions → Show), used as text",
    create: (s, allowShortSecret) => square({ secret: s, allowShortSecret }),
  },
  {
    name: "stack-auth",
    secret: "the endpoint's whsec_… secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => stackAuth({ secret: s, allowShortSecret }),
  },
  {
    name: "stripe",
    secret: "the endpoint's whsec_… signing secret (used as text)",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => stripe({ secret: s, allowShortSecret }),
  },
  {
    name: "stytch",
    secret: "the endpoint's whsec_… signing secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => stytch({ secret: s, allowShortSecret }),
  },
  {
    name: "supabase",
    secret: "the hook's v1,whsec_… secret",
    format: { matches: (secret) => secret.startsWith("v1,whsec_"), looks: "v1,whsec_<base64>" },
    create: (s, allowShortSecret) => supabase({ secret: s, allowShortSecret }),
  },
  {
    name: "tesseral",
    secret: "the endpoint's whsec_… secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => tesseral({ secret: s, allowShortSecret }),
  },
  {
    name: "twilio",
    secret: "the account's Auth Token (Console → Account → API keys & tokens), used as text",
    format: { matches: (secret) => /^[0-9a-f]{32}$/i.test(secret), looks: "32 hex characters" },
    create: (s, allowShortSecret) => twilio({ secret: s, allowShortSecret }),
  },
  {
    name: "typeform",
    secret: "the webhook's secret (used as text)",
    create: (s, allowShortSecret) => typeform({ secret: s, allowShortSecret }),
  },
  {
    name: "userfront",
    secret: "the webhook API key (a bearer token)",
    create: (s, allowShortSecret) => userfront({ token: s, allowShortSecret }),
  },
  {
    name: "linear",
    secret: "the webhook's lin_wh_… signing secret (used as text)",
    create: (s, allowShortSecret) => linear({ secret: s, allowShortSecret }),
  },
  {
    name: "workos",
    secret: "the endpoint's signing secret (used as text)",
    create: (s, allowShortSecret) => workos({ secret: s, allowShortSecret }),
  },
  {
    name: "zitadel",
    secret: "the target's signing key (used as text)",
    create: (s, allowShortSecret) => zitadel({ secret: s, allowShortSecret }),
  },
  {
    name: "vercel",
    secret: "the webhook's secret or the integration's client secret (used as text)",
    create: (s, allowShortSecret) => vercel({ secret: s, allowShortSecret }),
  },
  {
    name: "zoom",
    secret: "the app's Secret Token (Features → Access → Event Subscriptions), used as text",
    create: (s, allowShortSecret) => zoom({ secret: s, allowShortSecret }),
  },
  {
    name: "twitch",
    secret: "the subscription's transport.secret (10–100 ASCII characters), used as text",
    create: (s, allowShortSecret) => twitch({ secret: s, allowShortSecret }),
  },
];

/** Every provider the CLI can sign and verify for. */
export const PROVIDERS: readonly ProviderEntry[] = [...entries].sort((a, b) => (a.name < b.name ? -1 : 1));

/** The entry for `--provider` (kebab or camelCase), or a usage error naming the known ones. */
export function findProvider(name: string | undefined): ProviderEntry {
  const known = PROVIDERS.map((entry) => entry.name).join(", ");
  if (!name) throw new UsageError(`--provider is required: one of ${known}.`);
  const kebab = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const entry = PROVIDERS.find((candidate) => candidate.name === kebab);
  if (!entry) throw new UsageError(`Unknown provider "${name}": use one of ${known}.`);
  return entry;
}

/** What is wrong with the shape of each `--secret` that is not shaped like the sender's secrets. */
function misshapen(entry: ProviderEntry, secrets: string[], tokenHeader: string | undefined): string[] {
  const { format } = entry;
  if (!format || tokenHeader !== undefined) return [];
  return secrets.flatMap((secret, index) => {
    if (format.matches(secret)) return [];
    const which = secrets.length === 1 ? "--secret" : `--secret #${index + 1}`;
    return [`${which} does not look like a ${entry.name} signing secret (${format.looks})`];
  });
}

/**
 * Builds the provider, turning a malformed or weak secret (the core's TypeError) into a usage error that
 * names the CLI's flags. A secret the core accepts but that is not shaped like the sender's is signed with,
 * after a warning on stderr: a receiver given the same string accepts it, the sender would never send it.
 */
export function buildProvider(
  entry: ProviderEntry,
  options: SecretOptions,
  purpose: "sign" | "verify" = "verify",
): WebhookProvider<EventMap> {
  if (entry.keyPair !== undefined) return buildKeyed(entry, entry.keyPair, options, purpose);
  if (entry.keyless !== undefined) return buildKeyless(entry, entry.keyless, options, purpose);
  if (options.publicKey !== undefined || options.privateKey !== undefined) {
    throw new UsageError(
      `--public-key and --private-key are for senders that sign with a key pair (${keyed()}): ${entry.name} takes --secret.`,
    );
  }
  const { secret: secrets, tokenHeader } = options;
  const allowShortSecret = options.allowShortSecret === true;
  if (!secrets || secrets.length === 0) {
    throw new UsageError(`--secret is required for ${entry.name}: ${entry.secret}.`);
  }
  if (tokenHeader !== undefined && entry.createWithTokenHeader === undefined) {
    const which = PROVIDERS.filter((candidate) => candidate.createWithTokenHeader).map((c) => c.name);
    throw new UsageError(
      `--token-header is for ${which.join(", ")} only: ${entry.name} sends its own headers.`,
    );
  }
  const shapes = misshapen(entry, secrets, tokenHeader);
  let provider: WebhookProvider<EventMap>;
  try {
    provider =
      tokenHeader !== undefined
        ? entry.createWithTokenHeader!(tokenHeader, secrets, allowShortSecret)
        : entry.create!(secrets, allowShortSecret);
  } catch (error) {
    const message = (error as Error).message
      .replace(/^\[@hookproof\/core\] /, "")
      .replaceAll("`allowShortSecret: true`", "--allow-short-secret");
    if (shapes.length === 0) throw new UsageError(`--secret: ${message}`);
    throw new UsageError(
      `${shapes.join("; ")}: copy it again from ${entry.name}'s dashboard. As given it is refused: ${message}`,
    );
  }
  for (const shape of shapes) {
    warn(`${shape}; using it anyway: only a receiver given this same string will agree.`);
  }
  return provider;
}

function keyed(): string {
  return PROVIDERS.filter((entry) => entry.keyPair !== undefined)
    .map((entry) => entry.name)
    .join(", ");
}

/**
 * A key-pair sender: `--private-key` signs (its public half verifies what it signed), `--public-key`
 * verifies only. The core's refusal of a malformed key becomes a usage error naming the flag.
 */
function buildKeyed(
  entry: ProviderEntry,
  keyPair: NonNullable<ProviderEntry["keyPair"]>,
  options: SecretOptions,
  purpose: "sign" | "verify",
): WebhookProvider<EventMap> {
  if (options.secret !== undefined && options.secret.length > 0) {
    throw new UsageError(
      `${entry.name} signs with a key pair, not a shared secret: pass --public-key to verify, --private-key to sign (${entry.secret}).`,
    );
  }
  const { privateKey } = options;
  if (purpose === "sign" && privateKey === undefined) {
    throw new UsageError(
      `--private-key is required to sign for ${entry.name}: a test key pair whose public half the receiver is configured with (${entry.name} never shares its own private key).`,
    );
  }
  const publicKey = options.publicKey ?? (privateKey === undefined ? [] : [keyPair.publicKeyOf(privateKey)]);
  if (publicKey.length === 0) {
    throw new UsageError(
      `--public-key (to verify) or --private-key (to sign) is required for ${entry.name}: ${entry.secret}.`,
    );
  }
  try {
    return keyPair.create({ publicKey, ...(privateKey === undefined ? {} : { privateKey }) });
  } catch (error) {
    const message = (error as Error).message.replace(/^\[@hookproof\/core\] /, "");
    throw new UsageError(`${options.publicKey ? "--public-key" : "--private-key"}: ${message}`);
  }
}

/** A keyless sender: verified with the keys it publishes, never signed for from the CLI. */
function buildKeyless(
  entry: ProviderEntry,
  keyless: () => WebhookProvider<EventMap>,
  options: SecretOptions,
  purpose: "sign" | "verify",
): WebhookProvider<EventMap> {
  if (purpose === "sign") {
    throw new UsageError(
      `${entry.name} is signed with the sender's own certificate, which only it holds: the CLI cannot sign as it. In tests, sign with a test key through @hookproof/testing's signDelivery (see the ${entry.name} preset's README).`,
    );
  }
  const given = [
    options.secret?.length ? "--secret" : "",
    options.publicKey ? "--public-key" : "",
    options.privateKey ? "--private-key" : "",
  ].filter(Boolean);
  if (given.length > 0) {
    throw new UsageError(`${entry.name} takes no ${given.join(" or ")}: ${entry.secret}.`);
  }
  return keyless();
}
