/**
 * ZITADEL: Actions v2 event executions, `{ aggregateID, aggregateType, sequence, event_type, created_at,
 * event_payload, … }` posted to a target and signed with `ZITADEL-Signature: t=<unix s>,v1=<hex>`.
 *
 * Sources: zitadel/zitadel-go at 3fc69fd4 `pkg/actions/signing.go` (the signer ZITADEL imports:
 * `ComputeSignatureHeader`, HMAC-SHA256 of `${t}.${body}` with the signing key as text, lowercase hex, `v1` per key;
 * `ValidatePayload`, `DefaultTolerance` 300 s); zitadel/zitadel `internal/execution/execution.go` (`Call` sets the
 * header; JSON, JWT and JWE payload types), `internal/execution/handlers.go`, `worker.go`, `request.go`
 * (`ContextInfoEvent`); zitadel.com/docs "Actions v2" (targets, the signing key returned once on creation). No
 * JavaScript SDK verifies: cross-checked against a vector zitadel-go's `ComputeSignatureHeader` produced.
 * @module
 */
import type { HmacPresetOptions, Secrets, WebhookProvider, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import type { ProviderInfo } from "../kit/about.js";
import { stringField } from "../kit/string-field.js";
import { type ZitadelEvents, zitadelCatalogue } from "./events.js";

export type {
  ZitadelBody,
  ZitadelEvent,
  ZitadelEventData,
  ZitadelEvents,
  ZitadelHumanAdded,
  ZitadelMember,
  ZitadelMemberRemoved,
  ZitadelOrgName,
  ZitadelPayload,
} from "./events.js";
export { zitadelCatalogue } from "./events.js";

/** Options of {@link zitadel}. */
export interface ZitadelOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /** The target's `signingKey`, returned once when the target is created (Console → Actions → Targets); used as text. */
  secret: Secrets;
}

/**
 * ZITADEL's scheme alone: `ZITADEL-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, any `v1` matching.
 *
 * @example
 * const scheme = zitadelHmac({ secret: process.env.ZITADEL_SIGNING_KEY! });
 */
export function zitadelHmac(options: ZitadelOptions): WebhookScheme {
  return hmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "zitadel-signature",
    timestamp: { key: "t" },
    signatureKey: "v1",
    encoding: "hex",
  });
}

/** `instanceID:aggregateType:aggregateID:sequence`, one eventstore event, when the signed body has all four. */
function eventIdentity(payload: unknown): string | undefined {
  const sequence = (payload as { sequence?: unknown } | null)?.sequence;
  const parts = [
    stringField(payload, "instanceID"),
    stringField(payload, "aggregateType"),
    stringField(payload, "aggregateID"),
  ];
  if (typeof sequence !== "number" || parts.some((part) => part === undefined || part === ""))
    return undefined;
  return `${parts.join(":")}:${sequence}`;
}

/**
 * ZITADEL event executions: `ZITADEL-Signature` over `${t}.${body}` (±300 s), routed by `event_type`, deduped by
 * the eventstore event's identity in the signed body (`instanceID:aggregateType:aggregateID:sequence`; the body's
 * SHA-256 when one is missing).
 *
 * Only the JSON payload type is read: a target set to JWT or JWE sends a token, which is refused as not JSON.
 * `userID` is who caused the event; the user or organization it is about is `aggregateID`.
 *
 * @example
 * const hooks = createWebhooks({ provider: zitadel({ secret: process.env.ZITADEL_SIGNING_KEY! }) })
 *   .on("user.human.added", async (event) => { await db.users.insert({ id: event.aggregateID }) })
 *   .on("org.member.added", async (event) => { await db.members.add(event.aggregateID, event.event_payload) });
 */
export function zitadel(options: ZitadelOptions): WebhookProvider<ZitadelEvents> {
  return {
    name: "zitadel",
    scheme: zitadelHmac(options),
    events: zitadelCatalogue,
    eventType: (payload) => stringField(payload, "event_type"),
    eventId: eventIdentity,
  };
}

/**
 * ZITADEL, as the providers table lists it.
 *
 * @example
 * about.eventId; // "body `instanceID:aggregateType:aggregateID:sequence` (signed)"
 */
export const about: ProviderInfo = {
  name: "zitadel",
  preset: "zitadel",
  title: "ZITADEL",
  scheme: "`ZITADEL-Signature: t=…,v1=<hex>` over `{t}.{body}`",
  eventId: "body `instanceID:aggregateType:aggregateID:sequence` (signed)",
  replay: "signed timestamp ±300 s",
  handshake: "—",
  events: Object.keys(zitadelCatalogue).length,
  crossCheck: "zitadel-go `ComputeSignatureHeader` vector",
};
