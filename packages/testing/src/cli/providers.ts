/**
 * The providers the CLI knows, by the name it takes (`--provider stack-auth`), and how each is built
 * from the `--secret` values.
 * @module
 */
import type { EventMap, WebhookProvider } from "@hookproof/core";
import {
  auth0,
  bitbucket,
  calendly,
  clerk,
  ferriskey,
  generic,
  gitlab,
  intercom,
  lemonSqueezy,
  linear,
  logto,
  okta,
  openai,
  polar,
  propelAuth,
  razorpay,
  replicate,
  resend,
  sentry,
  shopify,
  slack,
  stackAuth,
  stytch,
  supabase,
  tesseral,
  typeform,
  userfront,
  vercel,
  workos,
  zitadel,
} from "@hookproof/providers";
import { UsageError, warn } from "./output.js";

export interface ProviderEntry {
  /** The CLI name: `stack-auth`. */
  name: string;
  /** What `--secret` holds for this provider. */
  secret: string;
  /**
   * The shape of the secrets this sender issues, when it has one: a `--secret` of another shape is named
   * as such, since it is rarely the dashboard's value (a mistyped variable, the wrong provider's key).
   */
  format?: { matches: (secret: string) => boolean; looks: string };
  /** Builds the provider with one secret, or several (rotation: any may match). */
  create(secrets: string[], allowShortSecret: boolean): WebhookProvider<EventMap>;
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
}

/** Svix senders issue `whsec_` + base64 secrets; the core also reads bare base64 as a key. */
const WHSEC_FORMAT = { matches: (secret: string) => secret.startsWith("whsec_"), looks: "whsec_<base64>" };

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
    name: "generic",
    secret: "the shared secret (used as text)",
    create: (s, allowShortSecret) => generic({ secret: s, allowShortSecret }),
  },
  {
    name: "logto",
    secret: "the webhook's signing key (used as text)",
    create: (s, allowShortSecret) => logto({ secret: s, allowShortSecret }),
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
    name: "intercom",
    secret: "the app's client secret (used as text)",
    create: (s, allowShortSecret) => intercom({ secret: s, allowShortSecret }),
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
    name: "polar",
    secret: "the endpoint's whsec_… secret, used as text (as shown)",
    create: (s, allowShortSecret) => polar({ secret: s, allowShortSecret }),
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
    name: "stack-auth",
    secret: "the endpoint's whsec_… secret",
    format: WHSEC_FORMAT,
    create: (s, allowShortSecret) => stackAuth({ secret: s, allowShortSecret }),
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
export function buildProvider(entry: ProviderEntry, options: SecretOptions): WebhookProvider<EventMap> {
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
        : entry.create(secrets, allowShortSecret);
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
