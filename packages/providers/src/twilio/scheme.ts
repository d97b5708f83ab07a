/**
 * Twilio's signature: `X-Twilio-Signature`, the base64 HMAC-SHA1 keyed by the account's Auth Token (as text)
 * over the full URL Twilio requested, then each form parameter sorted by name as `name + value` (values
 * decoded). A JSON body is not a form: Twilio adds `bodySHA256=<hex SHA-256 of the body>` to the query string
 * and signs the URL alone. Twilio's SDK also tries the URL with and without the default port, because
 * Twilio's sender is not consistent about it; so does this scheme.
 * @see https://www.twilio.com/docs/usage/security#validating-requests
 * @see twilio 6.3.1 `lib/webhooks/webhooks.js` (`getExpectedTwilioSignature`, `validateRequest`, `validateRequestWithBody`)
 * @module
 */
import type { HmacPresetOptions, SignInput, WebhookScheme } from "@hookproof/core";
import { formHmac } from "@hookproof/core";
import { atPublicUrl } from "../kit/public-url.js";

/** Options of {@link twilioHmac}. */
export interface TwilioHmacOptions extends HmacPresetOptions {
  /**
   * The endpoint's public URL as configured in Twilio (`https://hooks.example.com/twilio/sms`), when a proxy
   * hides it from the app; the request's query string is appended. Default: the URL the request arrived at
   * (the router's `publicUrl` / `trustProxy` correct it).
   */
  url?: string;
}

/** A payload as Twilio posts it: an object's fields form-encoded, or a body already encoded, as given. */
function formBody(body: string | Uint8Array): string | Uint8Array {
  let fields: unknown;
  try {
    fields = JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body));
  } catch {
    return body;
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return body;
  return new URLSearchParams(Object.entries(fields).map(([name, value]) => [name, String(value)])).toString();
}

/**
 * Twilio's scheme, for a router with your own catalogue. URL-bound: the router must see the public URL
 * Twilio requested (`publicUrl`, `trustProxy`, or `url` here). `signBody` posts a payload object as the form
 * Twilio sends (a
 * URL with `bodySHA256` posts the body as JSON).
 *
 * @example
 * const scheme = twilioHmac({ secret: process.env.TWILIO_AUTH_TOKEN! });
 */
export function twilioHmac(options: TwilioHmacOptions): WebhookScheme {
  const scheme = formHmac({
    secret: options?.secret,
    allowShortSecret: options?.allowShortSecret,
    header: "x-twilio-signature",
    bodyHashParam: "bodySHA256",
    urlVariants: true,
  });
  const signBody = async (input: SignInput) => {
    // A URL that carries `bodySHA256` is a JSON post, whose body is sent as it is.
    const json = input.url !== undefined && new URL(input.url).searchParams.has("bodySHA256");
    const body = json ? input.body : formBody(input.body);
    const headers = await scheme.sign({ ...input, body });
    const type = json ? "application/json" : "application/x-www-form-urlencoded";
    return { headers: { "content-type": type, ...headers }, body };
  };
  return atPublicUrl({ ...scheme, signBody }, options?.url);
}
