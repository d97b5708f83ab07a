/**
 * Test support: every provider built with a test secret, keyed like `fixtures`.
 * @module
 */
import type { EventMap, WebhookProvider } from "@hookproof/core";
import { clerk, ferriskey, generic, stackAuth, tesseral, userfront } from "@hookproof/core/providers";

export const WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const FERRISKEY_SECRET = "c38438574a5bd28986b74cfff7ea59b1a2e933ae9c97579db03c881e534ca069";
export const GENERIC_SECRET = "generic-shared-secret";
export const USERFRONT_TOKEN = "example3c5cc4491eb422d48c8f78c2f";

/** The secret each provider is tested with, by CLI name. */
export const SECRETS: Readonly<Record<string, string>> = {
  clerk: WHSEC,
  ferriskey: FERRISKEY_SECRET,
  generic: GENERIC_SECRET,
  "stack-auth": WHSEC,
  tesseral: WHSEC,
  userfront: USERFRONT_TOKEN,
};

/** Provider factories with the test secrets, by fixtures key. */
export const PROVIDERS: Readonly<Record<string, () => WebhookProvider<EventMap>>> = {
  clerk: () => clerk({ secret: WHSEC }),
  ferriskey: () => ferriskey({ secret: FERRISKEY_SECRET }),
  generic: () => generic({ secret: GENERIC_SECRET }),
  stackAuth: () => stackAuth({ secret: WHSEC }),
  tesseral: () => tesseral({ secret: WHSEC }),
  userfront: () => userfront({ token: USERFRONT_TOKEN }),
};

/** The header each provider's signature (or token) travels in. */
export const SIGNATURE_HEADER: Readonly<Record<string, string>> = {
  clerk: "svix-signature",
  ferriskey: "x-ferriskey-signature",
  generic: "x-webhook-signature",
  stackAuth: "svix-signature",
  tesseral: "svix-signature",
  userfront: "authorization",
};
