/**
 * @hookproof/testing: fixtures for every provider event, signed Requests and their negative variants,
 * and delivery to a receiver, for contract tests in any test runner.
 * @module
 */

export type { DeliveryResult, FetchHandler } from "./deliver.js";
export { deliver } from "./deliver.js";
export type {
  FixturePayload,
  Fixtures,
  FixtureType,
  KeyOf,
  ProviderKey,
  ProviderName,
} from "./fixtures.js";
export { fixture, fixtures, providerKey } from "./fixtures.js";
export type { DeepPartial, EventsOfFactory, PayloadOf } from "./payload-of.js";
export type { SignedDelivery, SignOptions, SignTarget } from "./sign-request.js";
export { signDelivery, signDuplicate, signHeaders, signRequest } from "./sign-request.js";
export type { Variant } from "./variants.js";
export { VARIANTS } from "./variants.js";
