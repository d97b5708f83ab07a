/**
 * A sender's JSON Web Key Set, fetched from its URL through {@link fetchKeyText}, cached, and fetched again
 * when a token names a key it lacks, at most once per cooldown: a flood of tokens with made-up `kid`s costs
 * the key host one request per interval, not one per request.
 * @module
 */
import { configError, WebhookVerificationError } from "@hookproof/core";
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { fetchKeyText, type KeyFetch } from "./fetch-key.js";

/** Options of {@link remoteJwks}. */
export interface RemoteJwksOptions {
  /** The `fetch` to call: the global one by default. */
  fetch?: KeyFetch | undefined;
  /** Seconds between fetches made because a token named an unknown `kid`. Default 60. */
  cooldownSeconds?: number | undefined;
  /** Seconds a fetched set is used before it is fetched again. Default 600. */
  maxAgeSeconds?: number | undefined;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A key getter for jose's `jwtVerify`, and how many times it fetched (for tests and logs). */
export interface RemoteJwks {
  getKey: JWTVerifyGetKey;
  readonly fetches: number;
}

/**
 * Keys from `url`, for `jwtVerify(token, jwks.getKey, …)`.
 *
 * @example
 * const jwks = remoteJwks("https://acme.kinde.com/.well-known/jwks.json", { fetch });
 */
export function remoteJwks(url: string, options: RemoteJwksOptions = {}): RemoteJwks {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw configError("The JWKS URL is not a URL: pass `https://<host>/.well-known/jwks.json`.");
  }
  if (parsed.protocol !== "https:" && parsed.hostname !== "127.0.0.1" && parsed.hostname !== "localhost")
    throw configError("The JWKS URL must be https (plain http is accepted only for localhost, in tests).");
  const cooldown = (options.cooldownSeconds ?? 60) * 1000;
  const maxAge = (options.maxAgeSeconds ?? 600) * 1000;
  const now = options.now ?? Date.now;
  let keys: JWTVerifyGetKey | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let attemptedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;
  let fetches = 0;

  function load(): Promise<void> {
    pending ??= (async () => {
      attemptedAt = now();
      fetches++;
      const text = await fetchKeyText(url, "key set (JWKS)", { fetch: options.fetch });
      let set: JSONWebKeySet;
      try {
        set = JSON.parse(text) as JSONWebKeySet;
        keys = createLocalJWKSet(set);
      } catch (error) {
        throw new WebhookVerificationError(
          "key_unavailable",
          "The sender's key set (JWKS) is not a JSON Web Key Set; the sender will retry.",
          { cause: error },
        );
      }
      fetchedAt = now();
    })().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const stale = now() - fetchedAt > maxAge;
    if (keys === undefined || (stale && now() - attemptedAt >= cooldown)) {
      // A stale set is still used when its refresh fails; a missing one cannot be.
      await load().catch((error: unknown) => {
        if (keys === undefined) throw error;
      });
    }
    try {
      return await (keys as JWTVerifyGetKey)(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || now() - attemptedAt < cooldown) throw error;
      await load();
      return (keys as JWTVerifyGetKey)(header, token);
    }
  };

  return {
    getKey,
    get fetches() {
      return fetches;
    },
  };
}
