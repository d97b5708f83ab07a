/**
 * `X-Twilio-Webhooks-Signature-Settings`, the header Twilio adds to a request a SharedKey signed:
 * `key=<sharedKeyId>,algorithm=<HMAC_SHA1|HMAC_SHA256>`. It is not signed: it only chooses which configured
 * secret and which of the two HMACs to check, and the signature still needs that secret.
 * @see https://www.twilio.com/docs/usage/security
 * @see twilio 6.3.1 `lib/webhooks/webhooks.js` (`SIGNATURE_SETTINGS_HEADER`, `getSignatureAlgorithm`, `toHashName`, `webhook`)
 * @module
 */
import { WebhookVerificationError } from "@hookproof/core";

/** The header's name, lower-case. */
export const SETTINGS_HEADER = "x-twilio-webhooks-signature-settings";

/**
 * The HMAC a settings header names, or `undefined` for an algorithm Twilio's SDK does not know either. As the
 * SDK reads it: comma-separated `name=value` parts, trimmed, the first non-empty `algorithm=` wins, none means
 * HMAC_SHA1, and the value is compared case-insensitively.
 *
 * @example
 * settingsAlgorithm("key=webhooks_sharedkey_1,algorithm=HMAC_SHA256"); // "sha256"
 */
export function settingsAlgorithm(settings: string): "sha1" | "sha256" | undefined {
  let named = "";
  for (const part of settings.split(",")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === "algorithm") named = part.slice(at + 1).trim();
    if (named !== "") break;
  }
  const algorithm = named.toUpperCase();
  if (algorithm === "" || algorithm === "HMAC_SHA1") return "sha1";
  return algorithm === "HMAC_SHA256" ? "sha256" : undefined;
}

/**
 * The refusal of a settings header naming another algorithm (the SDK fails validation too). The value is not
 * echoed: the header is the sender's, unsigned.
 *
 * @example
 * if (settingsAlgorithm(settings) === undefined) throw unknownAlgorithm();
 */
export function unknownAlgorithm(): WebhookVerificationError {
  return new WebhookVerificationError(
    "malformed_header",
    `The \`${SETTINGS_HEADER}\` header names an algorithm other than HMAC_SHA1 and HMAC_SHA256, the two Twilio documents: if Twilio added one, upgrade @hookproof/providers.`,
    { header: SETTINGS_HEADER },
  );
}
