/**
 * The providers the CLI knows, by the name it takes (`--provider stack-auth`), and how each is built
 * from the `--secret` values.
 * @module
 */
import type { EventMap, WebhookProvider } from "@hookproof/core";
import { clerk, ferriskey, generic, stackAuth, tesseral, userfront } from "@hookproof/core/providers";
import { UsageError } from "./output.js";

export interface ProviderEntry {
  /** The CLI name: `stack-auth`. */
  name: string;
  /** What `--secret` holds for this provider. */
  secret: string;
  /** Builds the provider with one secret, or several (rotation: any may match). */
  create(secrets: string[]): WebhookProvider<EventMap>;
  /** Builds it for a sender that sends only a static token in a header you name (`--token-header`). */
  createWithTokenHeader?(header: string, tokens: string[]): WebhookProvider<EventMap>;
}

const entries: readonly ProviderEntry[] = [
  { name: "clerk", secret: "the endpoint's whsec_… signing secret", create: (s) => clerk({ secret: s }) },
  {
    name: "ferriskey",
    secret:
      "the webhook's signing secret (64 hex characters, used as text); with --token-header, that header's value",
    create: (s) => ferriskey({ secret: s }),
    // Releases up to v0.7.2 sign nothing: the only credential is a custom header the admin configured.
    createWithTokenHeader: (header, tokens) => ferriskey({ token: { header, token: tokens } }),
  },
  { name: "generic", secret: "the shared secret (used as text)", create: (s) => generic({ secret: s }) },
  { name: "stack-auth", secret: "the endpoint's whsec_… secret", create: (s) => stackAuth({ secret: s }) },
  { name: "tesseral", secret: "the endpoint's whsec_… secret", create: (s) => tesseral({ secret: s }) },
  {
    name: "userfront",
    secret: "the webhook API key (a bearer token)",
    create: (s) => userfront({ token: s }),
  },
];

/** Every provider the CLI can sign and verify for. */
export const PROVIDERS: readonly ProviderEntry[] = entries;

/** The entry for `--provider` (kebab or camelCase), or a usage error naming the known ones. */
export function findProvider(name: string | undefined): ProviderEntry {
  const known = PROVIDERS.map((entry) => entry.name).join(", ");
  if (!name) throw new UsageError(`--provider is required: one of ${known}.`);
  const kebab = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const entry = PROVIDERS.find((candidate) => candidate.name === kebab);
  if (!entry) throw new UsageError(`Unknown provider "${name}": use one of ${known}.`);
  return entry;
}

/** Builds the provider, turning a malformed secret (the core's TypeError) into a usage error. */
export function buildProvider(
  entry: ProviderEntry,
  secrets: string[] | undefined,
  tokenHeader?: string,
): WebhookProvider<EventMap> {
  if (!secrets || secrets.length === 0) {
    throw new UsageError(`--secret is required for ${entry.name}: ${entry.secret}.`);
  }
  if (tokenHeader !== undefined && entry.createWithTokenHeader === undefined) {
    const which = PROVIDERS.filter((candidate) => candidate.createWithTokenHeader).map((c) => c.name);
    throw new UsageError(
      `--token-header is for ${which.join(", ")} only: ${entry.name} sends its own headers.`,
    );
  }
  try {
    if (tokenHeader !== undefined) return entry.createWithTokenHeader!(tokenHeader, secrets);
    return entry.create(secrets);
  } catch (error) {
    throw new UsageError(`--secret: ${(error as Error).message.replace(/^\[@hookproof\/core\] /, "")}`);
  }
}
