/**
 * @hookproof/core: verify webhook signatures, reject replays, handle each event once, typed.
 * @module
 */

export { rejectWebhook } from "./adapter/reject-webhook.js";
export { verdictOf } from "./adapter/verdict-of.js";
export type {
  VerifyWebhookOptions,
  WebhookEventOf,
  WebhookSource,
  WebhookVerdictOf,
} from "./adapter/webhook-source.js";
export type { DigestEncoding, HmacAlgorithm } from "./crypto/types.js";
export type { EvictionReport, MemoryStore, MemoryStoreOptions } from "./dedupe/memory-store.js";
export { DEFAULT_MAX_ENTRIES, memoryStore } from "./dedupe/memory-store.js";
export type { DedupeState, DedupeStore } from "./dedupe/types.js";
export type { WebhookErrorCode, WebhookErrorDetails } from "./errors.js";
export { configError, ERROR_STATUS, isWebhookVerificationError, WebhookVerificationError } from "./errors.js";
export type { FormFields } from "./event/parse-form.js";
export { parseForm, parseFormJson } from "./event/parse-form.js";
export { parseJson } from "./event/parse-json.js";
export type { MaybePromise } from "./maybe.js";
export { createWebhooks } from "./router/create-webhooks.js";
export type { Handoff } from "./router/hand-off.js";
export type {
  CloseOptions,
  CustomWebhooksOptions,
  ProviderWebhooksOptions,
  RouterOptions,
  Webhooks,
} from "./router/options.js";
export type { PublicUrl } from "./router/public-url.js";
export type { ReplayBound } from "./router/replay-bound.js";
export type {
  AnyEventHandler,
  ChallengeRequest,
  EventCatalogue,
  EventHandler,
  EventMap,
  EventsOf,
  HandshakeAnswer,
  InvalidPayloadEvent,
  ProcessResult,
  RunResult,
  VerifiedEvent,
  WebhookContext,
  WebhookProvider,
} from "./router/types.js";
export type { BatchItemResult, ObservedRequest, Verdict, WebhookVerdict } from "./router/verdict.js";
export type { PayloadIssue } from "./schema/payload-issues.js";
export { formatPath } from "./schema/payload-issues.js";
export type { StandardSchemaV1 } from "./schema/standard-schema.js";
export type { BasicAuthOptions, BasicCredentials } from "./schemes/basic-auth.js";
export { basicAuth } from "./schemes/basic-auth.js";
export type { BodySignatureOptions } from "./schemes/body-signature.js";
export { bodySignature } from "./schemes/body-signature.js";
export type { EcdsaP256Options } from "./schemes/ecdsa-p256.js";
export { ecdsaP256 } from "./schemes/ecdsa-p256.js";
export type { Ed25519Options } from "./schemes/ed25519.js";
export { ed25519 } from "./schemes/ed25519.js";
export type { FormHmacOptions } from "./schemes/form-hmac.js";
export { formHmac } from "./schemes/form-hmac.js";
export type { HmacOptions, HmacPresetOptions, HmacTimestamp, TimestampUnit } from "./schemes/hmac.js";
export { hmac } from "./schemes/hmac.js";
export { sha256Hex } from "./schemes/sha256-hex.js";
export type { StandardWebhooksOptions } from "./schemes/standard-webhooks.js";
export { standardWebhooks } from "./schemes/standard-webhooks.js";
export type { KeyInput, SignatureHeaders } from "./schemes/timestamped-signature.js";
export type { BearerOptions, HeaderTokenOptions, Tokens } from "./schemes/tokens.js";
export { bearer, headerToken } from "./schemes/tokens.js";
export type {
  SchemeRequest,
  SchemeResult,
  SecretInput,
  Secrets,
  SignInput,
  WebhookScheme,
} from "./schemes/types.js";
export type { AuthenticatedRequest, VerifyInput } from "./verify/authenticate.js";
export type { VerifiedWebhook, Verifier, VerifierOptions } from "./verify/create-verifier.js";
export { createVerifier } from "./verify/create-verifier.js";
export type { BodyInput, LazyBody } from "./verify/read-body.js";
export {
  bodyAlreadyParsed,
  DEFAULT_MAX_BODY_BYTES,
  payloadTooLarge,
  readLimited,
  toBytes,
} from "./verify/read-body.js";
export type { HeaderReader, HeadersInput } from "./verify/read-headers.js";
export { readHeaders } from "./verify/read-headers.js";
export { checkReplayWindow, DEFAULT_TOLERANCE_SECONDS } from "./verify/replay-window.js";
