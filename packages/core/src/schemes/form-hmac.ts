/**
 * HMAC over the request's URL and its form parameters sorted by name (Twilio's `X-Twilio-Signature`):
 * `url + name1 + value1 + name2 + value2…`, values decoded; a JSON body instead travels as the hex
 * SHA-256 in a signed query parameter (`bodySHA256`).
 * @see https://www.twilio.com/docs/usage/security#validating-requests
 * @see twilio-node 6.3.1 `lib/webhooks/webhooks.js` (`getExpectedTwilioSignature`, `validateRequest`)
 * @module
 */
import { backend } from "../crypto/backend.js";
import type { DigestEncoding, HmacAlgorithm, HmacKey } from "../crypto/types.js";
import { constantTimeEqual, utf8 } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import { chain, chainAll, type MaybePromise } from "../maybe.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { requireHeader, secretList, textKeyBytes } from "./helpers.js";
import { needsRequest } from "./hmac.js";
import type { SchemeRequest, SchemeResult, Secrets, SignInput, WebhookScheme } from "./types.js";

/** Options of {@link formHmac}. */
export interface FormHmacOptions {
  /** The shared secret (Twilio: the account's Auth Token), used as its UTF-8 text; a list while rotating. */
  secret: Secrets;
  /** Accept a secret under 16 bytes, when a sender you do not control forces one on you. */
  allowShortSecret?: boolean;
  /** The header that holds the signature, e.g. `x-twilio-signature`. */
  header: string;
  /** Default `"sha1"`. */
  algorithm?: HmacAlgorithm;
  /** Default `"base64"`. */
  encoding?: DigestEncoding;
  /**
   * A query parameter that, when the URL has it, carries the hex SHA-256 of a body that is not a form
   * (Twilio: `bodySHA256` on JSON bodies): only the URL is signed then, and the body is held to the hash.
   */
  bodyHashParam?: string;
  /**
   * Also try the URL without its port and with the scheme's default one, then as `new URL()` normalises it,
   * as Twilio's SDK does because its sender is not consistent about them. Default `false`.
   */
  urlVariants?: boolean;
}

// Pure: a bundle that does not use this scheme drops it.
const decoder = /* @__PURE__ */ new TextDecoder();

/** Each parameter's name and value, names sorted, a name's distinct values sorted (twilio-node `toFormUrlEncodedParam`). */
function formParams(body: Uint8Array): string {
  const params = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(decoder.decode(body))) {
    const values = params.get(name);
    if (values === undefined) params.set(name, [value]);
    else if (!values.includes(value)) values.push(value);
  }
  let message = "";
  // Array#sort's default order (UTF-16 code units), the SDK's.
  for (const name of [...params.keys()].sort()) {
    for (const value of (params.get(name) as string[]).sort()) message += name + value;
  }
  return message;
}

const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*?)(:\d+)?(?=[/?#]|$)/i;

/** The URL and the forms of it the sender may have signed instead, each once. */
function urlVariants(url: string): string[] {
  const forms = [url];
  let normal: string | undefined;
  try {
    normal = new URL(url).href;
  } catch {}
  for (const form of normal === undefined ? [url] : [url, normal]) {
    const parts = AUTHORITY.exec(form);
    if (!parts) continue;
    const [whole, scheme = "", host = "", port] = parts;
    const rest = form.slice(whole.length);
    forms.push(scheme + host + rest);
    if (!port) forms.push(`${scheme}${host}${scheme.toLowerCase() === "https://" ? ":443" : ":80"}${rest}`);
    forms.push(form);
  }
  return [...new Set(forms)];
}

/**
 * A scheme for senders that sign the URL and the sorted form parameters: Twilio (and Mandrill's layout).
 *
 * @example
 * const scheme = formHmac({ secret: process.env.TWILIO_AUTH_TOKEN!, header: "x-twilio-signature",
 *   bodyHashParam: "bodySHA256", urlVariants: true });
 */
export function formHmac(options: FormHmacOptions): WebhookScheme {
  const list = secretList("secret", options?.secret, options?.allowShortSecret, textKeyBytes);
  const algorithm = options.algorithm ?? "sha1";
  const encoding = options.encoding ?? "base64";
  if (!["sha1", "sha256", "sha512"].includes(algorithm))
    throw configError("`algorithm` must be one of sha1, sha256, sha512.");
  if (encoding !== "hex" && encoding !== "base64") throw configError('`encoding` must be "hex" or "base64".');
  if (typeof options.header !== "string" || options.header.trim() === "") {
    throw configError("`header` is required: the name of the header holding the signature.");
  }
  const header = options.header.toLowerCase();
  const bodyHashParam = options.bodyHashParam;
  const keys: HmacKey[] = list.map((secret) =>
    backend.hmacKey(algorithm, typeof secret === "string" ? utf8(secret) : secret),
  );
  const checkHeaders = (read: HeaderReader): string =>
    requireHeader(
      read,
      header,
      `It must hold the ${encoding} HMAC-${algorithm.toUpperCase()} of the URL and the form parameters.`,
    );

  /** The body hash `url` signs, when it carries one: then the URL alone is signed, not form parameters. */
  function claimedHash(url: string): string | undefined {
    return (bodyHashParam && new URL(url).searchParams.get(bodyHashParam)) ?? undefined;
  }

  function noMatch(): WebhookVerificationError {
    return new WebhookVerificationError(
      "invalid_signature",
      `The \`${header}\` signature matches none of the configured secrets for this URL and body. Check the secret, and that the URL is the public one the sender was given (scheme, host, port, path and query).`,
      { header },
    );
  }

  function verify({ header: read, body, url }: SchemeRequest): MaybePromise<SchemeResult> {
    if (url === undefined) throw needsRequest("formHmac", "url");
    const received = checkHeaders(read).trim();
    const claimed = claimedHash(url);
    const params = claimed === undefined ? formParams(body) : "";
    const urls = options.urlVariants ? urlVariants(url) : [url];
    const checkBody = (keyIndex: number): MaybePromise<SchemeResult> => {
      if (claimed === undefined) return { keyIndex };
      const hash = claimed.toLowerCase();
      return chain(backend.sha256Hex(body), (actual) => {
        if (!constantTimeEqual(hash, actual)) {
          throw new WebhookVerificationError(
            "invalid_signature",
            `The body does not hash to the \`${bodyHashParam}\` the URL signs: it was changed on the way.`,
            { header },
          );
        }
        return { keyIndex };
      });
    };
    // One URL form at a time, the received one first: a genuine request pays for one form only.
    const attempt = (index: number): MaybePromise<SchemeResult> =>
      chainAll(
        keys.map((key) => backend.hmac(key, [urls[index] + params], encoding)),
        (macs) => {
          const keyIndex = macs.findIndex((mac) => constantTimeEqual(received, mac));
          if (keyIndex !== -1) return checkBody(keyIndex);
          if (index + 1 < urls.length) return attempt(index + 1);
          throw noMatch();
        },
      );
    return attempt(0);
  }

  function sign(input: SignInput): MaybePromise<Record<string, string>> {
    if (input.url === undefined) throw configError("`sign` needs the `url` the request is sent to.");
    const body = typeof input.body === "string" ? utf8(input.body) : input.body;
    const params = claimedHash(input.url) === undefined ? formParams(body) : "";
    return chain(backend.hmac(keys[0] as HmacKey, [input.url + params], encoding), (mac) => ({
      [header]: mac,
    }));
  }

  return { name: "form-hmac", signsTimestamp: false, verify, sign, checkHeaders };
}
