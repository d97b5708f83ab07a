/**
 * The raw bytes of an Express request: the Buffer `express.raw()` left, else the stream, read under the limit.
 * @module
 */
import type { IncomingMessage } from "node:http";
import { bodyAlreadyParsed } from "@hookproof/core";
import { readIncomingMessage } from "@hookproof/core/node";

const FIX =
  'Give the webhook route the raw body: `app.post("/webhooks", express.raw({ type: "application/json" }), handleWebhooks(hooks))`, or mount it before `app.use(express.json())`.';

/** The body as the sender signed it, or `body_already_parsed` when a parser got to it first. */
export function readBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<Uint8Array> {
  const body = req.body;
  if (body instanceof Uint8Array) return Promise.resolve(body);
  if (typeof body === "string") {
    // express.text() decoded the bytes; invalid UTF-8 or another charset would not survive a round trip.
    return Promise.reject(bodyAlreadyParsed("a string decoded by `express.text()`", FIX));
  }
  // Express 4's parsers set `req.body = {}` even when they skip a request, leaving its stream unread.
  if (!req.readableEnded && (body == null || isEmptyObject(body))) return readIncomingMessage(req, limit);
  const what =
    body == null ? "a stream another middleware already read" : "an object `express.json()` parsed";
  return Promise.reject(bodyAlreadyParsed(what, FIX));
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}
