/**
 * Small pieces the schemes share.
 * @module
 */
import type { MaybePromise } from "../crypto/types.js";
import { configError, WebhookVerificationError } from "../errors.js";
import type { HeaderReader } from "../verify/read-headers.js";
import type { SecretInput, Secrets } from "./types.js";

/** Runs `then` on the value now if it is ready, or when its promise settles. */
export function whenReady<T, R>(value: MaybePromise<T>, then: (value: T) => R): R | Promise<Awaited<R>> {
  return value instanceof Promise ? (value.then(then) as Promise<Awaited<R>>) : then(value);
}

/** Like `whenReady` for a list: synchronous when every item is. */
export function whenAllReady<T, R>(values: MaybePromise<T>[], then: (values: T[]) => R): MaybePromise<R> {
  return values.some((value) => value instanceof Promise)
    ? Promise.all(values).then(then)
    : then(values as T[]);
}

/** The secrets as a non-empty list, checked when the scheme is created. */
export function secretList(secrets: Secrets | undefined, option: string): SecretInput[] {
  const list: SecretInput[] =
    secrets === undefined ? [] : Array.isArray(secrets) ? [...secrets] : [secrets as SecretInput];
  if (list.length === 0)
    throw configError(`\`${option}\` is required: pass the signing secret, or a list of them.`);
  list.forEach((secret, index) => {
    const where = list.length > 1 ? `\`${option}[${index}]\`` : `\`${option}\``;
    if (typeof secret === "string") {
      if (secret.length === 0) throw configError(`${where} is an empty string; pass the secret itself.`);
    } else if (secret instanceof Uint8Array) {
      if (secret.length === 0) throw configError(`${where} has no bytes; pass the secret itself.`);
    } else {
      throw configError(`${where} must be a string or a Uint8Array.`);
    }
  });
  return list;
}

/** Reads a header that must be present. */
export function requireHeader(header: HeaderReader, name: string, hint: string): string {
  const value = header(name);
  // Absent, empty or only whitespace.
  if (!value?.trim()) {
    throw new WebhookVerificationError("missing_header", `The \`${name}\` header is missing. ${hint}`, {
      header: name,
    });
  }
  return value;
}

const UNIX_SECONDS = /^\d{1,16}$/;

/** Parses a unix-seconds header value: digits only, a safe integer. */
export function parseUnixSeconds(value: string, header: string): number {
  const trimmed = value.trim();
  const seconds = Number(trimmed);
  if (!UNIX_SECONDS.test(trimmed) || !Number.isSafeInteger(seconds)) {
    throw new WebhookVerificationError(
      "malformed_header",
      `The \`${header}\` header must be whole unix seconds (digits only).`,
      { header },
    );
  }
  return seconds;
}
