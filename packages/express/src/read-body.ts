/**
 * The raw bytes of an Express request: the Buffer `express.raw()` left, else the stream, read under the limit.
 * @module
 */
import type { IncomingMessage } from "node:http";
import { bodyAlreadyParsed, WebhookVerificationError } from "@hookproof/core";

const FIX =
  'Give the webhook route the raw body: `app.post("/webhooks", express.raw({ type: "application/json" }), webhookMiddleware(hooks))`, or mount it before `app.use(express.json())`.';

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

/** The body as the sender signed it, or `body_already_parsed` when a parser got to it first. */
export function readBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<Uint8Array> {
  const body = req.body;
  if (body instanceof Uint8Array) return Promise.resolve(body);
  if (typeof body === "string") {
    // express.text() decoded the bytes; invalid UTF-8 or another charset would not survive a round trip.
    return Promise.reject(bodyAlreadyParsed("a string decoded by `express.text()`", FIX));
  }
  // Express 4's parsers set `req.body = {}` even when they skip a request, leaving its stream unread.
  if (!req.readableEnded && (body == null || isEmptyObject(body))) return readStream(req, limit);
  const what =
    body == null ? "a stream another middleware already read" : "an object `express.json()` parsed";
  return Promise.reject(bodyAlreadyParsed(what, FIX));
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}
