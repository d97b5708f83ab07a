/**
 * The raw bytes of a Pages Router request, read from its stream under the limit.
 * @module
 */
import type { IncomingMessage } from "node:http";
import { bodyAlreadyParsed, WebhookVerificationError } from "@hookproof/core";

const FIX =
  "Turn Next's body parser off for this API route: `export const config = { api: { bodyParser: false } }`.";

function tooLarge(limit: number): WebhookVerificationError {
  return new WebhookVerificationError(
    "payload_too_large",
    `The body is larger than the ${limit}-byte limit. Raise \`maxBodyBytes\` if this sender's events are legitimately this large.`,
  );
}

/**
 * Reads `req` into one buffer, stopping (and pausing the socket) as soon as it passes `limit` bytes,
 * so an oversized body is never buffered whole.
 */
function readStream(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  if (Number(req.headers["content-length"]) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const finish = (error?: unknown): void => {
      req.off("data", onData).off("end", onEnd).off("error", finish).off("close", onClose);
      if (error === undefined) resolve(Buffer.concat(chunks, size));
      else reject(error);
    };
    const onData = (chunk: Uint8Array): void => {
      size += chunk.byteLength;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.pause();
      finish(tooLarge(limit));
    };
    const onEnd = (): void => finish();
    const onClose = (): void => finish(new Error("The request closed before its body was read."));
    req.on("data", onData).on("end", onEnd).on("error", finish).on("close", onClose);
  });
}

/** The body as the sender signed it, or `body_already_parsed` when Next's body parser got to it first. */
export function readBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<Uint8Array> {
  if (req.body !== undefined) {
    const what = typeof req.body === "string" ? "a string" : `a parsed ${typeof req.body}`;
    return Promise.reject(bodyAlreadyParsed(`${what} from Next's body parser`, FIX));
  }
  if (req.readableEnded) return Promise.reject(bodyAlreadyParsed("a stream that was already read", FIX));
  return readStream(req, limit);
}
