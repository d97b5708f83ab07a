/**
 * Every event of every provider as data: `fixtures.stackAuth["user.created"]`, and `fixture()` for a
 * fresh copy with overrides.
 * @module
 */
import { deepMerge } from "./deep-merge.js";
import { dateNow } from "./event-time.js";
import { type Fixtures, fixtureData, PROVIDER_KEYS } from "./fixtures.generated.js";
import type { DeepPartial } from "./payload-of.js";

export type { Fixtures } from "./fixtures.generated.js";

/** A provider's key in {@link fixtures}: `stackAuth`, `tesseral`, … */
export type ProviderKey = keyof Fixtures;

/** A provider as a fixtures key (`stackAuth`) or as the CLI names it (`stack-auth`). */
export type ProviderName = ProviderKey | keyof typeof PROVIDER_KEYS;

/** The fixtures key of a {@link ProviderName}. */
export type KeyOf<Name extends ProviderName> = Name extends keyof typeof PROVIDER_KEYS
  ? (typeof PROVIDER_KEYS)[Name]
  : Name;

/** The event types that have a fixture for a provider. */
export type FixtureType<Name extends ProviderName> = Extract<keyof Fixtures[KeyOf<Name>], string>;

/** The payload of one fixture. */
export type FixturePayload<
  Name extends ProviderName,
  Type extends FixtureType<Name>,
> = Fixtures[KeyOf<Name>][Type];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every fixture, by provider and event type, exactly as the provider sends it. Frozen: take a copy
 * with {@link fixture} to change one.
 *
 * @example
 * const request = await signRequest(stackAuth({ secret }), fixtures.stackAuth["user.created"]);
 */
export const fixtures: Fixtures = deepFreeze(fixtureData);

/**
 * The fixtures key of a provider name (`stack-auth` or `stackAuth` → `stackAuth`), or `undefined`.
 *
 * @example
 * providerKey("stack-auth"); // "stackAuth"
 */
export function providerKey(name: string): ProviderKey | undefined {
  if (Object.hasOwn(PROVIDER_KEYS, name)) return PROVIDER_KEYS[name as keyof typeof PROVIDER_KEYS];
  return Object.hasOwn(fixtures, name) ? (name as ProviderKey) : undefined;
}

/**
 * A fresh copy of a fixture, dated now, with `overrides` deep-merged in: objects merge key by key, arrays
 * and values replace. "Dated now" sets the field a provider's body dates its event with (generic
 * `created_at`, Clerk and FerrisKey `timestamp`) to the clock, as a sender sending it now would — a
 * receiver's `maxAge` refuses the generic sender's weeks-old fixtures as replays. The provider is its
 * fixtures key or its CLI name.
 *
 * @example
 * const user = fixture("stack-auth", "user.created", { data: { primary_email: "ada@example.com" } });
 * const old = fixture("generic", "user.created", { created_at: "2020-01-01T00:00:00Z" }); // a replay
 */
export function fixture<Name extends ProviderName, Type extends FixtureType<Name>>(
  provider: Name,
  type: Type,
  overrides?: DeepPartial<FixturePayload<Name, Type>>,
  options: { now?: () => number } = {},
): FixturePayload<Name, Type> {
  const key = providerKey(provider);
  if (key === undefined) {
    const known = Object.keys(PROVIDER_KEYS).join(", ");
    throw new TypeError(`[@hookproof/testing] No fixtures for provider "${provider}". Known: ${known}.`);
  }
  const events = fixtures[key] as Record<string, unknown>;
  if (!Object.hasOwn(events, type)) {
    const known = Object.keys(events).join(", ");
    throw new TypeError(`[@hookproof/testing] No "${type}" fixture for ${provider}. Known: ${known}.`);
  }
  const copy = dateNow(key, structuredClone(events[type]), (options.now ?? Date.now)());
  return deepMerge(copy, overrides) as FixturePayload<Name, Type>;
}

/** A provider's fixtures by event type, looked up by any name; empty for a provider without fixtures. */
export function fixturesOf(name: string): Readonly<Record<string, unknown>> {
  const key = providerKey(name);
  return key === undefined ? {} : (fixtures[key] as Record<string, unknown>);
}
