/**
 * Meta's verification request: when a callback URL is set, Meta sends `GET <url>?hub.mode=subscribe&
 * hub.challenge=<int>&hub.verify_token=<the token typed in the dashboard>` and expects the challenge echoed back.
 * It carries no signature: the verify token is its only proof.
 * @see https://developers.facebook.com/docs/graph-api/webhooks/getting-started ("Verification Requests")
 * @module
 */
import type { ChallengeRequest, HandshakeAnswer } from "@hookproof/core";
import { sameText } from "../kit/same-text.js";

/** Meta's challenge is an integer; only a short token-like value is echoed, so the endpoint reflects nothing else. */
const CHALLENGE = /^[A-Za-z0-9_-]{1,64}$/;

function refusal(status: number, code: string, message: string): HandshakeAnswer {
  return {
    kind: "meta.subscribe",
    status,
    contentType: "application/json",
    body: JSON.stringify({ error: { code, message } }),
  };
}

/**
 * The answer to a GET carrying `hub.mode`: the challenge (200, text/plain) when the verify token matches,
 * else 403 (400 for a malformed challenge); `undefined` for any other request.
 *
 * @example
 * const answer = metaSubscribe(request, process.env.META_VERIFY_TOKEN!);
 */
export function metaSubscribe(request: ChallengeRequest, verifyToken: string): HandshakeAnswer | undefined {
  if (request.method !== "GET" || request.url === undefined) return undefined;
  let query: URLSearchParams;
  try {
    query = new URL(request.url).searchParams;
  } catch {
    return undefined;
  }
  const mode = query.get("hub.mode");
  if (mode === null) return undefined;
  if (mode !== "subscribe" || !sameText(query.get("hub.verify_token") ?? "", verifyToken))
    return refusal(
      403,
      "invalid_token",
      "The verification request's `hub.verify_token` is not this endpoint's verify token (or `hub.mode` is not `subscribe`): set the same token in the app dashboard and `verifyToken`.",
    );
  const challenge = query.get("hub.challenge") ?? "";
  if (!CHALLENGE.test(challenge))
    return refusal(
      400,
      "malformed_header",
      "The verification request's `hub.challenge` must be 1–64 letters or digits.",
    );
  return { kind: "meta.subscribe", status: 200, contentType: "text/plain", body: challenge };
}
