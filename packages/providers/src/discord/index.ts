/**
 * Discord interactions (slash commands, components, autocomplete, modals): raw Ed25519 over
 * `{X-Signature-Timestamp}{body}` in `X-Signature-Ed25519` (hex), verified with the application's public key.
 *
 * Sources: discord/discord-api-docs @ c98d64bc `developers/interactions/overview.mdx` ("Setting Up an Endpoint",
 * "Acknowledging PING requests"), `developers/interactions/receiving-and-responding.mdx` (the Interaction object,
 * 3 s to answer, the token valid 15 min); discord/discord-interactions-js @ ed179479 (4.4.0) `src/index.ts`
 * (`verifyKey`: the timestamp's UTF-8 then the body, hex key and signature; `InteractionType`).
 * @module
 */
import type { Ed25519Options, HandshakeAnswer, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { ed25519 } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { DISCORD_INTERACTION_TYPES, type DiscordEvents, discordCatalogue } from "./events.js";

export type {
  DiscordCommandData,
  DiscordCommandOption,
  DiscordComponentData,
  DiscordEventData,
  DiscordEvents,
  DiscordInteraction,
  DiscordMember,
  DiscordModalData,
  DiscordUser,
} from "./events.js";
export { discordCatalogue } from "./events.js";

/** Options of {@link discord} and {@link discordEd25519}. */
export interface DiscordOptions {
  /** The application's "Public Key" (Developer Portal → General Information): 64 hex characters. */
  publicKey: Ed25519Options["publicKey"];
  /** The private half, for signing test deliveries only (`@hookproof/testing`); Discord keeps its own. */
  privateKey?: Ed25519Options["privateKey"];
}

/** Discord's PONG (`InteractionResponseType.PONG`), the answer to a PING. */
const PONG: HandshakeAnswer = {
  kind: "discord.ping",
  status: 200,
  contentType: "application/json",
  body: '{"type":1}',
};

/**
 * Discord's signature alone: Ed25519 over the `X-Signature-Timestamp` digits followed by the raw body.
 *
 * @example
 * const verifier = createVerifier({ scheme: discordEd25519({ publicKey: process.env.DISCORD_PUBLIC_KEY! }) });
 */
export function discordEd25519(options: DiscordOptions): WebhookScheme {
  return ed25519({
    signatureHeader: "x-signature-ed25519",
    timestampHeader: "x-signature-timestamp",
    publicKey: options?.publicKey,
    privateKey: options?.privateKey,
  });
}

/**
 * Discord interactions, routed by their type's name (`APPLICATION_COMMAND`, `MESSAGE_COMPONENT`,
 * `APPLICATION_COMMAND_AUTOCOMPLETE`, `MODAL_SUBMIT`). A PING (`type: 1`) is answered `{"type":1}` before
 * handlers and dedupe. The signed timestamp bounds replays (±300 s); the interaction's `id` is the dedupe id.
 *
 * @example
 * const hooks = createWebhooks({ provider: discord({ publicKey: process.env.DISCORD_PUBLIC_KEY! }) })
 *   .on("APPLICATION_COMMAND", async (interaction) => { await queue.add(interaction.data.name, interaction) });
 */
export function discord(options: DiscordOptions): WebhookProvider<DiscordEvents> {
  return {
    name: "discord",
    scheme: discordEd25519(options),
    events: discordCatalogue,
    handshake: (payload) => (typeOf(payload) === 1 ? PONG : undefined),
    eventType: (payload) => {
      const type = typeOf(payload);
      if (type === undefined) return undefined;
      return DISCORD_INTERACTION_TYPES[type] ?? String(type);
    },
    // The interaction's snowflake, inside the signed body; Discord never resends an interaction.
    eventId: (payload) => stringField(payload, "id") || undefined,
  };
}

function typeOf(payload: unknown): number | undefined {
  const type =
    typeof payload === "object" && payload !== null ? (payload as { type?: unknown }).type : undefined;
  return typeof type === "number" && Number.isInteger(type) ? type : undefined;
}

/**
 * Discord, as the providers table lists it.
 *
 * @example
 * about.handshake; // "PING `type: 1` → `{\"type\":1}`"
 */
export const about: ProviderInfo = {
  name: "discord",
  preset: "discord",
  title: "Discord (interactions)",
  scheme: "Ed25519 over `{X-Signature-Timestamp}{body}`, `X-Signature-Ed25519` (hex)",
  eventId: "body `id` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: 'PING `type: 1` → `{"type":1}`',
  events: Object.keys(discordCatalogue).length,
  crossCheck: "`discord-interactions` `verifyKey`, both ways",
};
