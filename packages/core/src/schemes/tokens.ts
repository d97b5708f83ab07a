/**
 * Static shared tokens: `Authorization: Bearer <token>` (Userfront) or a token in a header the
 * sender's admin configured (FerrisKey releases up to 0.7.2). A token proves who sent a request;
 * it covers neither the body nor its freshness.
 * @module
 */
import { constantTimeEqual } from "../encoding.js";
import { configError, WebhookVerificationError } from "../errors.js";
import type { HeaderReader } from "../verify/read-headers.js";
import { requireHeader } from "./helpers.js";
import type { SchemeResult, WebhookScheme } from "./types.js";

/** One token, or several while rotating. */
export type Tokens = string | readonly string[];

function tokenList(tokens: Tokens | undefined, option: string): string[] {
  const list = tokens === undefined ? [] : typeof tokens === "string" ? [tokens] : [...tokens];
  if (list.length === 0) throw configError(`\`${option}\` is required: pass the token, or a list of them.`);
  list.forEach((token, index) => {
    if (typeof token !== "string" || token.length === 0) {
      throw configError(`\`${option}${list.length > 1 ? `[${index}]` : ""}\` must be a non-empty string.`);
    }
  });
  return list;
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
  token: Tokens;
}

/**
 * `Authorization: Bearer <token>`, compared in constant time.
 *
 * @example
 * const scheme = bearer({ token: process.env.USERFRONT_WEBHOOK_KEY! });
 */
export function bearer(options: BearerOptions): WebhookScheme {
  const tokens = tokenList(options?.token, "token");
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
  /** Its expected value, compared whole, in constant time. */
  token: Tokens;
}

/**
 * A shared token in a named header.
 *
 * @example
 * const scheme = headerToken({ header: "x-ferriskey-token", token: process.env.FERRISKEY_TOKEN! });
 */
export function headerToken(options: HeaderTokenOptions): WebhookScheme {
  const tokens = tokenList(options?.token, "token");
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
