/**
 * What a provider folder says about its sender, for the tables generated into the READMEs
 * (`scripts/generate.mjs`).
 * @module
 */

/** One row of the providers table: each field a short phrase, Markdown allowed. */
export interface ProviderInfo {
  /** The folder, subpath and dedupe-key name: `stack-auth`. */
  readonly name: string;
  /** The preset's export: `stackAuth`. */
  readonly preset: string;
  /** The sender as its vendor writes it: `Stack Auth`. */
  readonly title: string;
  /** How a request proves where it came from: `Standard Webhooks (\`svix-*\` headers)`. */
  readonly scheme: string;
  /** Where the dedupe id comes from, always signed material: `\`svix-id\` (signed)`. */
  readonly eventId: string;
  /** What stops a replay: `signed timestamp ±300 s`, or `dedupe retention` when nothing signs a time. */
  readonly replay: string;
  /** The handshake the sender performs, if any (URL verification, challenge): `—` when none. */
  readonly handshake: string;
  /** How many event types the catalogue lists (types and validates). */
  readonly events: number;
  /** The listed types are checked at the envelope only, and other types pass unvalidated (for now). */
  readonly envelopeOnly?: boolean;
  /** What the scheme is cross-checked against: the sender's own SDK, or a cited vector. */
  readonly crossCheck: string;
}
