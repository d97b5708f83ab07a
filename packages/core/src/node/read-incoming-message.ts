/**
 * Reads a Node `IncomingMessage` (Express, the Next.js Pages Router, `node:http`) under a size limit.
 * @module
 */
import type { IncomingMessage } from "node:http";
import { payloadTooLarge } from "@hookproof/core";

/**
 * Reads `req` into one buffer. A `Content-Length` over `limit` is refused before anything is read; a body
 * that passes `limit` while streaming stops being read at once (the socket is paused, not destroyed, so the
 * 413 still reaches the sender). An oversized body is never buffered whole.
 *
 * @example
 * const body = await readIncomingMessage(req, hooks.maxBodyBytes);
 * const result = await hooks.process({ headers: req.headers, body });
 */
export function readIncomingMessage(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  if (Number(req.headers["content-length"]) > limit) return Promise.reject(payloadTooLarge(limit));
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
      finish(payloadTooLarge(limit));
    };
    const onEnd = (): void => finish();
    const onClose = (): void => finish(new Error("The request closed before its body was read."));
    req.on("data", onData).on("end", onEnd).on("error", finish).on("close", onClose);
  });
}
