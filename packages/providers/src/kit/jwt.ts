/**
 * Signed JWTs, verified with jose: in a header with a claim binding the body's SHA-256 (Netlify's `sha256`,
 * FusionAuth's `request_body_sha256`), or as the body itself (Kinde). The algorithm is pinned per scheme,
 * `none` never accepted, HMAC secrets and public keys never stand in for each other.
 * @see https://www.rfc-editor.org/rfc/rfc8725 (JWT best current practices: §3.1 algorithm verification)
 * @module
 */
import {
  configError,
  type MaybePromise,
  type SchemeRequest,
  type SchemeResult,
  type Secrets,
  type SignInput,
  sha256Hex,
  type WebhookScheme,
  WebhookVerificationError,
} from "@hookproof/core";
import {
  decodeProtectedHeader,
  errors,
  importJWK,
  importSPKI,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from "jose";
import type { KeyFetch } from "./fetch-key.js";
import { tokenFailure } from "./jwt-errors.js";
import { remoteJwks } from "./remote-jwks.js";

/** The JWS algorithms a scheme may pin. `none` is not one of them. */
export type JwtAlgorithm =
  | "HS256"
  | "HS384"
  | "HS512"
  | "RS256"
  | "RS384"
  | "RS512"
  | "PS256"
  | "PS384"
  | "PS512"
  | "ES256"
  | "ES384"
  | "ES512"
  | "EdDSA";

/**
 * Every algorithm a scheme may pin, HMAC first.
 *
 * @example
 * const keyPairs = JWT_ALGORITHMS.filter((alg) => !alg.startsWith("HS")); // RS*, PS*, ES*, EdDSA
 */
export const JWT_ALGORITHMS: readonly JwtAlgorithm[] = [
  "HS256",
  "HS384",
  "HS512",
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
];

/** A public key: a JWK (its `kid` matched against the token's), or PEM SPKI. */
export type JwtPublicKey = JWK | string;

/** Options of {@link jwtScheme}. */
export interface JwtSchemeOptions {
  /** A short name for logs. Default `"jwt"`. */
  name?: string;
  /** Where the token travels: a header (`{ header: "x-webhook-signature" }`), or `"body"` when the body is the token. */
  token: { header: string } | "body";
  /** The algorithms accepted: the token's `alg` must be one, and picks whether secrets or public keys check it. */
  algorithms: readonly JwtAlgorithm[];
  /** Shared secrets for `HS*` tokens: text (its UTF-8 bytes are the key) or bytes. A list while rotating. */
  secret?: Secrets | undefined;
  /** Accept a secret under 16 bytes, when the sender lets users pick a short one. */
  allowShortSecret?: boolean | undefined;
  /** Public keys for `RS*` / `PS*` / `ES*` / `EdDSA` tokens. */
  publicKey?: JwtPublicKey | readonly JwtPublicKey[] | undefined;
  /** The sender's JWKS URL: its keys, by `kid`, fetched through `fetch` and cached. */
  jwksUrl?: string | undefined;
  /** The `fetch` the JWKS is fetched with. Default: the global one. */
  fetch?: KeyFetch | undefined;
  /** Seconds between JWKS fetches caused by an unknown `kid`. Default 60. */
  jwksCooldownSeconds?: number | undefined;
  /** The `iss` claim required, if any. */
  issuer?: string | undefined;
  /** A claim that must hold the SHA-256 of the raw body, and how it is written. */
  bodyHash?: { claim: string; encoding: "hex" | "base64" } | undefined;
  /** Seconds of clock skew allowed on `exp`, `nbf` and `iat`. Default 300. */
  clockTolerance?: number | undefined;
  /** When set, a token's `iat` must be at most this many seconds old. */
  maxTokenAge?: number | undefined;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: (() => number) | undefined;
  /**
   * How `sign` signs (tests, `@hookproof/testing`): the first `secret` by default; for public-key senders a
   * private JWK with its `alg` (and the `kid` the sender's JWKS lists).
   */
  signingKey?: JWK | undefined;
  /** Claims `sign` adds to every token besides the body binding (e.g. `{ iss: "netlify" }`). */
  claims?: JWTPayload | undefined;
}

/** Tokens longer than this are refused before they are parsed: a webhook JWT carries a hash, not data. */
const MAX_HEADER_TOKEN = 8192;

/** Prefixes a secret's text may carry (`whsec_`…): a bare one is no secret, whatever `allowShortSecret` says. */
const SECRET_PREFIX = /^wh(?:sec|sk|pk)_/;

/** The secrets as key bytes (text: its UTF-8), refused as the core's schemes refuse them: blank, bare prefix, short. */
function secretKeys(secrets: Secrets | undefined, allowShort: boolean | undefined): Uint8Array[] {
  const list = [secrets ?? []].flat();
  return list.map((secret, index) => {
    const where = `\`secret${list.length > 1 ? `[${index}]` : ""}\``;
    const text = typeof secret === "string";
    if (!text && !(secret instanceof Uint8Array))
      throw configError(`${where} must be a string or a Uint8Array.`);
    const measured = text ? new TextEncoder().encode(secret.replace(SECRET_PREFIX, "")) : secret;
    const blank = text ? secret.replace(SECRET_PREFIX, "").trim() === "" : secret.length === 0;
    if (blank || (!allowShort && measured.length < 16)) {
      throw configError(
        `${where} is ${blank ? "blank or a bare prefix" : "under 16 bytes"}, so guessable: generate one with \`openssl rand -base64 32\`${blank ? "" : "; `allowShortSecret: true` accepts one a sender forces on you"}.`,
      );
    }
    return text ? new TextEncoder().encode(secret) : secret;
  });
}

/** The body's SHA-256 as the claim writes it; node:crypto on Node, where WebCrypto's digest costs a thread-pool hop. */
async function sha256(body: Uint8Array, encoding: "hex" | "base64"): Promise<string> {
  const hex = await sha256Hex(body);
  if (encoding === "hex") return hex;
  let binary = "";
  for (let i = 0; i < hex.length; i += 2)
    binary += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

/** Equal strings, compared in time that depends only on their lengths. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % (b.length || 1));
  return diff === 0;
}

/**
 * A scheme for senders that sign a JWT.
 *
 * @example
 * const scheme = jwtScheme({
 *   token: { header: "x-webhook-signature" },
 *   algorithms: ["HS256"],
 *   secret: process.env.NETLIFY_WEBHOOK_SECRET!,
 *   issuer: "netlify",
 *   bodyHash: { claim: "sha256", encoding: "hex" },
 * });
 */
export function jwtScheme(options: JwtSchemeOptions): WebhookScheme {
  const algorithms = [...(options?.algorithms ?? [])];
  if (algorithms.length === 0 || algorithms.some((alg) => !JWT_ALGORITHMS.includes(alg)))
    throw configError(
      `\`algorithms\` must list the sender's algorithms, from ${JWT_ALGORITHMS.join(", ")} (never none).`,
    );
  const hmacAlgorithms = algorithms.filter((alg) => alg.startsWith("HS"));
  const keyAlgorithms = algorithms.filter((alg) => !alg.startsWith("HS"));
  const secrets = secretKeys(options.secret, options.allowShortSecret);
  const publicKeys = [options.publicKey ?? []].flat() as JwtPublicKey[];
  if (hmacAlgorithms.length > 0 && secrets.length === 0 && keyAlgorithms.length === 0)
    throw configError("`secret` is required: the signing secret the sender shows you.");
  if (keyAlgorithms.length > 0 && publicKeys.length === 0 && !options.jwksUrl && secrets.length === 0)
    throw configError("`publicKey` or `jwksUrl` is required: the sender's public key(s).");
  const header = options.token === "body" ? undefined : options.token?.header?.toLowerCase();
  if (options.token !== "body" && !header) throw configError('`token` must be `{ header }` or `"body"`.');
  const now = options.now ?? Date.now;
  const jwks = options.jwksUrl
    ? remoteJwks(options.jwksUrl, { fetch: options.fetch, cooldownSeconds: options.jwksCooldownSeconds, now })
    : undefined;
  const imported = new Map<string, Promise<CryptoKey | Uint8Array | undefined>>();

  /** A configured public key imported for `alg`, or `undefined` when it is not a key of that type. */
  function importKey(index: number, alg: string): Promise<CryptoKey | Uint8Array | undefined> {
    const id = `${index}:${alg}`;
    let key = imported.get(id);
    if (!key) {
      const input = publicKeys[index] as JwtPublicKey;
      key = (typeof input === "string" ? importSPKI(input, alg) : importJWK(input, alg)).catch(
        () => undefined,
      );
      imported.set(id, key);
    }
    return key;
  }

  /**
   * A secret imported once per algorithm: handing jose the raw bytes would import them again on every request,
   * one more WebCrypto round trip each.
   */
  function hmacKey(index: number, alg: string): Promise<CryptoKey> {
    const id = `hmac:${index}:${alg}`;
    let key = imported.get(id) as Promise<CryptoKey> | undefined;
    if (!key) {
      key = crypto.subtle.importKey(
        "raw",
        secrets[index] as BufferSource,
        { name: "HMAC", hash: `SHA-${alg.slice(2)}` },
        false,
        ["verify"],
      );
      imported.set(id, key);
    }
    return key;
  }

  function readToken({ header: read, body }: SchemeRequest): string {
    if (header === undefined) return new TextDecoder().decode(body).trim();
    const value = read(header)?.trim();
    if (!value) {
      throw new WebhookVerificationError(
        "missing_header",
        `The \`${header}\` header is missing. It carries the sender's signed JWT; check that no proxy strips it.`,
        { header },
      );
    }
    if (value.length > MAX_HEADER_TOKEN)
      throw new WebhookVerificationError(
        "malformed_header",
        `The \`${header}\` header is over ${MAX_HEADER_TOKEN} characters.`,
        { header },
      );
    return value;
  }

  async function check(token: string, body: Uint8Array): Promise<SchemeResult> {
    let alg: string | undefined;
    let kid: string | undefined;
    try {
      ({ alg, kid } = decodeProtectedHeader(token));
    } catch (error) {
      // decodeProtectedHeader throws a plain TypeError for text that is no JWS at all.
      throw tokenFailure(new errors.JWSInvalid("not a compact JWS", { cause: error }), header);
    }
    if (!alg || !algorithms.includes(alg as JwtAlgorithm)) {
      throw new WebhookVerificationError(
        "invalid_signature",
        `The token's algorithm is not one this endpoint accepts (${algorithms.join(", ")}).`,
        header ? { header } : {},
      );
    }
    const verifyOptions = {
      algorithms: [alg],
      clockTolerance: options.clockTolerance ?? 300,
      currentDate: new Date(now()),
      ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
      ...(options.maxTokenAge === undefined ? {} : { maxTokenAge: options.maxTokenAge }),
    };
    // HMAC tokens are checked with secrets only, public-key tokens with public keys only (RFC 8725 §2.1).
    const candidates: (() => Promise<CryptoKey | Uint8Array | JWTVerifyGetKey | undefined>)[] =
      alg.startsWith("HS")
        ? secrets.map((_, index) => () => hmacKey(index, alg as string))
        : publicKeys.length > 0
          ? publicKeys.map(
              (input, index) => async () =>
                typeof input === "object" && kid !== undefined && input.kid !== undefined && input.kid !== kid
                  ? undefined
                  : importKey(index, alg as string),
            )
          : jwks
            ? [async () => jwks.getKey]
            : [];
    // Made only when every candidate failed: an Error's stack trace costs ≈ 10 µs, per request if made up front.
    let failure: unknown;
    for (const [keyIndex, candidate] of candidates.entries()) {
      const key = await candidate();
      if (key === undefined) continue;
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], verifyOptions));
      } catch (error) {
        if (error instanceof WebhookVerificationError) throw error;
        failure = error;
        // Another key may match; a token that is wrong in itself (expired, wrong issuer) is wrong for all.
        if (
          error instanceof errors.JWSSignatureVerificationFailed ||
          error instanceof errors.JWKSNoMatchingKey
        )
          continue;
        break;
      }
      await checkBodyHash(payload, body);
      return header === undefined ? { keyIndex, payload } : { keyIndex };
    }
    throw tokenFailure(failure ?? new errors.JWKSNoMatchingKey(), header);
  }

  async function checkBodyHash(payload: JWTPayload, body: Uint8Array): Promise<void> {
    if (!options.bodyHash) return;
    const claimed = payload[options.bodyHash.claim];
    const actual = await sha256(body, options.bodyHash.encoding);
    if (
      typeof claimed !== "string" ||
      !sameText(options.bodyHash.encoding === "hex" ? claimed.toLowerCase() : claimed, actual)
    ) {
      throw new WebhookVerificationError(
        "invalid_signature",
        `The token's \`${options.bodyHash.claim}\` claim does not match the SHA-256 of the body: verify the raw body bytes as received, not re-serialised JSON.`,
        header ? { header } : {},
      );
    }
  }

  function verify(request: SchemeRequest): MaybePromise<SchemeResult> {
    return check(readToken(request), request.body);
  }

  async function signToken(body: Uint8Array | string, timestamp: number | undefined): Promise<string> {
    const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
    const claims: JWTPayload =
      header === undefined ? (JSON.parse(new TextDecoder().decode(bytes)) as JWTPayload) : {};
    if (options.bodyHash) claims[options.bodyHash.claim] = await sha256(bytes, options.bodyHash.encoding);
    const jwt = new SignJWT({ ...options.claims, ...claims });
    if (timestamp !== undefined && options.maxTokenAge !== undefined) jwt.setIssuedAt(timestamp);
    const signing = options.signingKey;
    if (signing) {
      const alg = String(signing.alg ?? "");
      return jwt
        .setProtectedHeader({ alg, typ: "JWT", ...(signing.kid ? { kid: signing.kid } : {}) })
        .sign(await importJWK(signing, alg));
    }
    const secret = secrets[0];
    const alg = hmacAlgorithms[0];
    if (!secret || !alg) throw configError("`sign` needs `signingKey` (a private JWK) or an HMAC `secret`.");
    return jwt.setProtectedHeader({ alg, typ: "JWT" }).sign(secret);
  }

  async function sign(input: SignInput): Promise<Record<string, string>> {
    if (header === undefined) throw configError("This sender's token is the body: sign it with `signBody`.");
    return { [header]: await signToken(input.body, input.timestamp) };
  }

  async function signBody(input: SignInput): Promise<{ headers: Record<string, string>; body: string }> {
    if (header !== undefined)
      return {
        headers: await sign(input),
        body: typeof input.body === "string" ? input.body : new TextDecoder().decode(input.body),
      };
    return {
      headers: { "content-type": "application/jwt" },
      body: await signToken(input.body, input.timestamp),
    };
  }

  function checkHeaders(read: SchemeRequest["header"]): void {
    if (header !== undefined) readToken({ header: read, body: new Uint8Array() });
  }

  return { name: options.name ?? "jwt", signsTimestamp: false, verify, sign, signBody, checkHeaders };
}
