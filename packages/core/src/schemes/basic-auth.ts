/**
 * HTTP Basic authentication (RFC 7617): `Authorization: Basic <base64(username:password)>`, as Postmark
 * and many others send credentials the app chose. Like a token, it proves who sent a request; it covers
 * neither the body nor its freshness.
 * @module
 */
import { constantTimeEqual, fromBase64, toBase64, utf8 } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { malformedHeader, requireHeader, secretList, textKeyBytes } from "./helpers.js";
import type { SchemeResult, WebhookScheme } from "./types.js";

/** A username and password pair. */
export interface BasicCredentials {
  /** Any text without a colon (RFC 7617 §2). */
  username: string;
  /** At least 16 bytes unless `allowShortSecret`. */
  password: string;
}

/** Options of {@link basicAuth}: one pair, or `credentials` while rotating (any of them is accepted). */
export type BasicAuthOptions = (BasicCredentials | { credentials: readonly BasicCredentials[] }) & {
  /**
   * Accept a password under 16 bytes, when a sender you do not control forces one on you: a short password
   * can be guessed. An empty or whitespace-only one is refused even so.
   */
  allowShortSecret?: boolean;
};

const decoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });
const FORM = "`Basic <base64 of username:password>`";

/**
 * `Authorization: Basic …`, username and password each compared in constant time against every configured
 * pair.
 *
 * @example
 * const scheme = basicAuth({ username: "postmark", password: process.env.POSTMARK_WEBHOOK_PASSWORD! });
 */
export function basicAuth(options: BasicAuthOptions): WebhookScheme {
  const pairs: readonly BasicCredentials[] =
    options && "credentials" in options ? options.credentials : options ? [options] : [];
  if (!Array.isArray(pairs) || pairs.length === 0) {
    throw configError("`basicAuth` needs `{ username, password }`, or `credentials: [...]` while rotating.");
  }
  pairs.forEach(({ username } = {} as BasicCredentials, index) => {
    if (typeof username !== "string" || username === "" || username.includes(":")) {
      throw configError(
        `\`username${pairs.length > 1 ? ` [${index}]` : ""}\` must be non-empty text without a colon (RFC 7617).`,
      );
    }
  });
  const passwords = secretList(
    "password",
    pairs.map((pair) => pair.password),
    options.allowShortSecret,
    textKeyBytes,
  );
  if (passwords.some((password) => typeof password !== "string"))
    throw configError("`password` must be a string.");
  const checkHeaders = (header: HeaderReader): string =>
    requireHeader(
      header,
      "authorization",
      `It must be ${FORM}; check the credentials configured at the sender.`,
    );

  return {
    name: "basic-auth",
    signsTimestamp: false,
    checkHeaders,
    verify({ header }): SchemeResult {
      const value = checkHeaders(header).trim();
      const space = value.indexOf(" ");
      // RFC 7617 §2 / RFC 9110 §11.1: the scheme name is case-insensitive.
      const bytes =
        space > 0 && value.slice(0, space).toLowerCase() === "basic"
          ? fromBase64(value.slice(space + 1).trim())
          : undefined;
      let text: string | undefined;
      try {
        text = bytes && decoder.decode(bytes);
      } catch {}
      // The password may hold colons; the username may not (RFC 7617 §2).
      const colon = text?.indexOf(":") ?? -1;
      if (text === undefined || colon <= 0) throw malformedHeader("authorization", `must be ${FORM}`);
      const username = text.slice(0, colon);
      const password = text.slice(colon + 1);
      let keyIndex = -1;
      pairs.forEach((pair, index) => {
        // Both parts of every pair are compared, so the time spent says nothing about which part differed.
        const same =
          +constantTimeEqual(username, pair.username) & +constantTimeEqual(password, pair.password);
        if (same && keyIndex === -1) keyIndex = index;
      });
      if (keyIndex === -1) {
        throw new WebhookVerificationError(
          "invalid_token",
          "The Basic credentials in `authorization` match none of the configured username and password pairs. Copy them from the sender's webhook settings again.",
          { header: "authorization" },
        );
      }
      return { keyIndex };
    },
    sign() {
      const { username, password } = pairs[0] as BasicCredentials;
      return { authorization: `Basic ${toBase64(utf8(`${username}:${password}`))}` };
    },
  };
}
