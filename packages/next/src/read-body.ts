/**
 * The raw bytes of a Pages Router request, read from its stream under the limit.
 * @module
 */
import type { IncomingMessage } from "node:http";
import { bodyAlreadyParsed } from "@hookproof/core";
import { readIncomingMessage } from "@hookproof/core/node";

const FIX =
  "Turn Next's body parser off for this API route: `export const config = { api: { bodyParser: false } }`.";

/** The body as the sender signed it, or `body_already_parsed` when Next's body parser got to it first. */
export function readBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<Uint8Array> {
  if (req.body !== undefined) {
    const what = typeof req.body === "string" ? "a string" : `a parsed ${typeof req.body}`;
    return Promise.reject(bodyAlreadyParsed(`${what} from Next's body parser`, FIX));
  }
  if (req.readableEnded) return Promise.reject(bodyAlreadyParsed("a stream that was already read", FIX));
  return readIncomingMessage(req, limit);
}
