/**
 * Fetching a sender's public keys (a JWKS, an SNS signing certificate): through the app's own `fetch`
 * when it passes one, bounded in time and size, redirects never followed. A failure is the key host's, not
 * the sender's request's: `key_unavailable` (503), so the sender retries.
 * @module
 */
import { WebhookVerificationError } from "@hookproof/core";

/** The `fetch` a key source calls: the global one by default; inject one for tests or a proxy. */
export type KeyFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Limits of one key fetch. */
export interface KeyFetchOptions {
  fetch?: KeyFetch | undefined;
  /** Milliseconds before the fetch is abandoned. Default 5,000. */
  timeoutMs?: number;
  /** Bytes of the response read at most. Default 64 KiB: a JWKS or a certificate is a few KiB. */
  maxBytes?: number;
}

function unavailable(what: string, why: string, cause?: unknown): WebhookVerificationError {
  return new WebhookVerificationError(
    "key_unavailable",
    `The sender's ${what} could not be fetched (${why}); the sender will retry. Check that this server can reach it.`,
    cause === undefined ? {} : { cause },
  );
}

/**
 * The text at `url`, or a `key_unavailable` error naming `what` (never the response's content).
 *
 * @example
 * const pem = await fetchKeyText("https://sns.us-east-1.amazonaws.com/…pem", "signing certificate", options);
 */
export async function fetchKeyText(
  url: string,
  what: string,
  options: KeyFetchOptions = {},
): Promise<string> {
  const run = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const maxBytes = options.maxBytes ?? 64 * 1024;
  let response: Response;
  try {
    response = await run(url, {
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      headers: { accept: "application/json, application/x-pem-file, */*" },
    });
  } catch (error) {
    throw unavailable(what, "no response", error);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw unavailable(what, `HTTP ${response.status}`);
  }
  const text = await readCapped(response, maxBytes).catch((error: unknown) => {
    throw error instanceof WebhookVerificationError
      ? error
      : unavailable(what, "the response broke off", error);
  });
  if (text === undefined) throw unavailable(what, `over ${maxBytes} bytes`);
  return text;
}

/** The body as text, read chunk by chunk and abandoned past `maxBytes` (`undefined` then). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let total = 0;
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    total += chunk.value.length;
    if (total > maxBytes) {
      await reader?.cancel();
      return undefined;
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}
