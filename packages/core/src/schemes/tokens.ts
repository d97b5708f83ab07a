/**
 * Static shared tokens: `Authorization: Bearer <token>` (Userfront) or a token in a header the
 * sender's admin configured (FerrisKey releases up to 0.7.2). A token proves who sent a request;
 * it covers neither the body nor its freshness.
 * @module
 */
import { constantTimeEqual } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { requireHeader, secretList, textKeyBytes } from "./helpers.js";
import type { SchemeResult, WebhookScheme } from "./types.js";

/** One token, or several while rotating. */
export type Tokens = string | readonly string[];

function tokenList(tokens: Tokens | undefined, allowShort: boolean | undefined): string[] {
  const list = secretList("token", tokens, allowShort, textKeyBytes);
  if (list.some((token) => typeof token !== "string")) {
    throw configError("`token` must be a string, or a list of strings while rotating.");
  }
  return list as string[];
}

/** The position of the token `received` equals, comparing against every token in constant time. */
function matchToken(received: string, tokens: readonly string[]): number {
  let match = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (constantTimeEqual(received, tokens[i] as string) && match === -1) match = i;
  }
  return match;
}

function invalidToken(header: string): WebhookVerificationError {
  return new WebhookVerificationError(
    "invalid_token",
    `The token in \`${header}\` matches none of the configured tokens. Copy the token from the sender's dashboard again.`,
    { header },
  );
}

/** Options of {@link bearer}. */
export interface BearerOptions {
  /** At least 16 bytes unless `allowShortSecret`. */
  token: Tokens;
  /**
   * Accept a token under 16 bytes, when a sender you do not control forces one on you: a short token can be
   * guessed. An empty or whitespace-only one is refused even so.
   */
  allowShortSecret?: boolean;
}

/**
 * `Authorization: Bearer <token>`, compared in constant time.
 *
 * @example
 * const scheme = bearer({ token: process.env.USERFRONT_WEBHOOK_KEY! });
 */
export function bearer(options: BearerOptions): WebhookScheme {
  const tokens = tokenList(options?.token, options?.allowShortSecret);
  const checkHeaders = (header: HeaderReader): string =>
    requireHeader(header, "authorization", "It must be `Bearer <token>`.");
  return {
    name: "bearer",
    signsTimestamp: false,
    checkHeaders,
    verify({ header }): SchemeResult {
      const value = checkHeaders(header).trim();
      const space = value.indexOf(" ");
      // RFC 6750 §2.1 / RFC 9110 §11.1: the scheme name is case-insensitive.
      if (space === -1 || value.slice(0, space).toLowerCase() !== "bearer") {
        throw new WebhookVerificationError(
          "malformed_header",
          "The `authorization` header must be `Bearer <token>`.",
          { header: "authorization" },
        );
      }
      const keyIndex = matchToken(value.slice(space + 1).trim(), tokens);
      if (keyIndex === -1) throw invalidToken("authorization");
      return { keyIndex };
    },
    sign() {
      return { authorization: `Bearer ${tokens[0]}` };
    },
  };
}

/** Options of {@link headerToken}. */
export interface HeaderTokenOptions {
  /** The header that carries the token, e.g. `x-webhook-token`. */
  header: string;
  /** Its expected value, compared whole, in constant time; at least 16 bytes unless `allowShortSecret`. */
  token: Tokens;
  /**
   * Accept a token under 16 bytes, when a sender you do not control forces one on you: a short token can be
   * guessed. An empty or whitespace-only one is refused even so.
   */
  allowShortSecret?: boolean;
}

/**
 * A shared token in a named header.
 *
 * @example
 * const scheme = headerToken({ header: "x-ferriskey-token", token: process.env.FERRISKEY_TOKEN! });
 */
export function headerToken(options: HeaderTokenOptions): WebhookScheme {
  const tokens = tokenList(options?.token, options?.allowShortSecret);
  if (typeof options.header !== "string" || options.header.trim() === "") {
    throw configError("`header` is required: the name of the header carrying the token.");
  }
  const name = options.header.trim().toLowerCase();
  const checkHeaders = (header: HeaderReader): string =>
    requireHeader(header, name, "It carries the shared token configured at the sender.");
  return {
    name: "header-token",
    signsTimestamp: false,
    checkHeaders,
    verify({ header }): SchemeResult {
      const keyIndex = matchToken(checkHeaders(header).trim(), tokens);
      if (keyIndex === -1) throw invalidToken(name);
      return { keyIndex };
    },
    sign() {
      return { [name]: tokens[0] as string };
    },
  };
}
