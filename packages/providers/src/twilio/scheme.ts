/**
 * Twilio's signature: `X-Twilio-Signature`, the base64 HMAC-SHA1 keyed by the account's Auth Token (as text)
 * over the full URL Twilio requested, then each form parameter sorted by name as `name + value` (values
 * decoded). A JSON body is not a form: Twilio adds `bodySHA256=<hex SHA-256 of the body>` to the query string
 * and signs the URL alone. Twilio's SDK also tries the URL with and without the default port, because
 * Twilio's sender is not consistent about it; so does this scheme.
 *
 * A request signed with a SharedKey Webhook Setting carries `X-Twilio-Webhooks-Signature-Settings`
 * (`key=<id>,algorithm=<HMAC_SHA1|HMAC_SHA256>`): the same bytes, the same base64, keyed by the SharedKey's
 * secret with the HMAC named there. As `twilio.webhook(authToken, { sharedKeySecret })` does, that header
 * picks the credential: the SharedKey when present, the Auth Token otherwise, and never the other one.
 * @see https://www.twilio.com/docs/usage/security#validating-requests
 * @see twilio 6.3.1 `lib/webhooks/webhooks.js` (`getExpectedTwilioSignature`, `validateRequest`, `validateRequestWithBody`,
 * `getSignatureAlgorithm`, `webhook`)
 * @module
 */
import type {
  HeaderReader,
  HmacPresetOptions,
  MaybePromise,
  SchemeRequest,
  SchemeResult,
  Secrets,
  SignInput,
  WebhookScheme,
} from "@hookproof/core";
import { configError, formHmac, WebhookVerificationError } from "@hookproof/core";
import { atPublicUrl } from "../kit/public-url.js";
import { SETTINGS_HEADER, settingsAlgorithm, unknownAlgorithm } from "./signature-settings.js";

/** Options of {@link twilioHmac}: `secret`, `sharedKey`, or both. */
export interface TwilioHmacOptions extends Pick<HmacPresetOptions, "allowShortSecret"> {
  /**
   * The account's Auth Token, used as text; a list while rotating (`[secondary, primary]`). Checks the requests
   * without `X-Twilio-Webhooks-Signature-Settings`. Required unless `sharedKey` is given.
   */
  secret?: Secrets;
  /**
   * The secret of the SharedKey a Webhook Setting signs with (returned once when the SharedKey is created), used
   * as text; a list while rotating. Checks the requests that carry `X-Twilio-Webhooks-Signature-Settings`,
   * with the HMAC it names (SHA-1 or SHA-256). A match reports `keyIndex` counted after the `secret` list:
   * with two Auth Tokens, the first SharedKey secret is `keyIndex` 2. Signing with `sharedKey` alone
   * (no `secret`) signs as HMAC-SHA256 and adds `x-twilio-webhooks-signature-settings:
   * key=sharedkey,algorithm=HMAC_SHA256` (the key id is a placeholder: nothing checks it).
   */
  sharedKey?: Secrets;
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

/** The settings header {@link twilioHmac} signs with when `sharedKey` is its only credential; the id is a placeholder. */
const SIGNED_SETTINGS = "key=sharedkey,algorithm=HMAC_SHA256";

const CORE_SECRET = "[@hookproof/core] `secret";

/** Runs `build`, naming `option` where the creation error it throws names `secret`. */
function named<T>(option: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith(CORE_SECRET)) {
      throw configError(`\`${option}${error.message.slice(CORE_SECRET.length)}`);
    }
    throw error;
  }
}

/** `value` through `map`, awaiting it only when it is a promise. */
function then<T, U>(value: MaybePromise<T>, map: (value: T) => U): MaybePromise<U> {
  return value instanceof Promise ? value.then(map) : map(value);
}

/** A request signed with the credential that is not configured: says which option to pass. */
function unconfigured(option: "secret" | "sharedKey"): WebhookVerificationError {
  return new WebhookVerificationError(
    "invalid_signature",
    option === "sharedKey"
      ? `The request carries \`${SETTINGS_HEADER}\`, so a Twilio SharedKey signed it, but no \`sharedKey\` is configured: pass that SharedKey's secret as \`sharedKey\`.`
      : `The request carries no \`${SETTINGS_HEADER}\`, so Twilio signed it with the Auth Token, but only \`sharedKey\` is configured: pass the Auth Token as \`secret\`.`,
    { header: option === "sharedKey" ? SETTINGS_HEADER : "x-twilio-signature" },
  );
}

/**
 * Twilio's scheme, for a router with your own catalogue. URL-bound: the router must see the public URL
 * Twilio requested (`publicUrl`, `trustProxy`, or `url` here). `signBody` posts a payload object as the form
 * Twilio sends (a URL with `bodySHA256` posts the body as JSON), signed with `secret`, or with `sharedKey` when
 * it is the only credential.
 *
 * @example
 * const scheme = twilioHmac({
 *   secret: process.env.TWILIO_AUTH_TOKEN!,
 *   sharedKey: process.env.TWILIO_SHARED_KEY_SECRET, // when a Webhook Setting signs with a SharedKey
 * });
 */
export function twilioHmac(options: TwilioHmacOptions): WebhookScheme {
  const { secret, sharedKey, allowShortSecret } = options ?? {};
  if (secret === undefined && sharedKey === undefined) {
    throw configError(
      "`secret` (the Auth Token) or `sharedKey` (a SharedKey's secret) is required: pass the one Twilio signs this endpoint's webhooks with, or both.",
    );
  }
  const formScheme = (secrets: Secrets, algorithm: "sha1" | "sha256") =>
    formHmac({
      secret: secrets,
      allowShortSecret,
      header: "x-twilio-signature",
      algorithm,
      bodyHashParam: "bodySHA256",
      urlVariants: true,
    });
  // Built once, one per credential and HMAC: a request picks one and never tries another.
  const authToken = secret === undefined ? undefined : formScheme(secret, "sha1");
  const shared =
    sharedKey === undefined
      ? undefined
      : named("sharedKey", () => ({
          sha1: formScheme(sharedKey, "sha1"),
          sha256: formScheme(sharedKey, "sha256"),
        }));
  // SharedKey key indexes follow the Auth Token list (formHmac has refused an empty one).
  const offset = secret === undefined ? 0 : [secret].flat().length;
  const signatureHeader = (authToken ?? shared?.sha256) as WebhookScheme;

  const checkHeaders = (read: HeaderReader): void => {
    signatureHeader.checkHeaders?.(read);
    const settings = read(SETTINGS_HEADER);
    if (settings?.trim() && settingsAlgorithm(settings) === undefined) throw unknownAlgorithm();
  };
  const shift = (result: SchemeResult): SchemeResult => ({ ...result, keyIndex: result.keyIndex + offset });

  const verify = (request: SchemeRequest): MaybePromise<SchemeResult> => {
    const settings = request.header(SETTINGS_HEADER);
    // Absent or empty: the Auth Token, as the SDK's `webhook` decides.
    if (!settings?.trim()) {
      if (authToken !== undefined) return authToken.verify(request);
      checkHeaders(request.header);
      throw unconfigured("secret");
    }
    const algorithm = settingsAlgorithm(settings);
    if (algorithm === undefined || shared === undefined) {
      // A missing signature, then an unknown algorithm, are reported first, as `checkHeaders` does.
      checkHeaders(request.header);
      throw unconfigured("sharedKey");
    }
    const result = shared[algorithm].verify(request);
    return offset === 0 ? result : then(result, shift);
  };

  const sign = (input: SignInput): MaybePromise<Record<string, string>> =>
    authToken !== undefined
      ? authToken.sign(input)
      : then((shared as { sha256: WebhookScheme }).sha256.sign(input), (headers) => ({
          ...headers,
          [SETTINGS_HEADER]: SIGNED_SETTINGS,
        }));

  const signBody = async (input: SignInput) => {
    // A URL that carries `bodySHA256` is a JSON post, whose body is sent as it is.
    const json = input.url !== undefined && new URL(input.url).searchParams.has("bodySHA256");
    const body = json ? input.body : formBody(input.body);
    const headers = await sign({ ...input, body });
    const type = json ? "application/json" : "application/x-www-form-urlencoded";
    return { headers: { "content-type": type, ...headers }, body };
  };
  const scheme: WebhookScheme = {
    name: "form-hmac",
    signsTimestamp: false,
    verify,
    sign,
    checkHeaders,
    signBody,
  };
  return atPublicUrl(scheme, options?.url);
}
