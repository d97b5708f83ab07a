/**
 * The two EventSub messages that are not notifications, both signed like them: `webhook_callback_verification`
 * (answered with the `challenge` as the raw body, `text/plain`) and `revocation` (acknowledged 2xx). Which one a
 * message is comes from its signed body; the `Twitch-Eventsub-Message-Type` header is signed by nothing.
 * @see https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#responding-to-a-challenge-request
 * @module
 */
import type { HandshakeAnswer } from "@hookproof/core";
import { stringField } from "../kit/string-field.js";

/**
 * The answer to a verification (its challenge echoed) or a revocation (an empty 200), or `undefined` for a
 * notification, which carries an `event`. twitch-cli's check of a verification answer: status 2xx, media
 * type `text/plain`, body equal to the challenge.
 *
 * @example
 * twitchHandshake({ challenge: "pogchamp-kappa-360noscope-vohiyo", subscription: {} })?.body; // "pogchamp-kappa-360noscope-vohiyo"
 */
export function twitchHandshake(payload: unknown): HandshakeAnswer | undefined {
  if (typeof payload !== "object" || payload === null || !("subscription" in payload)) return undefined;
  const challenge = stringField(payload, "challenge");
  if (challenge !== undefined) {
    return {
      kind: "twitch.webhook_callback_verification",
      status: 200,
      contentType: "text/plain",
      body: challenge,
    };
  }
  if ("event" in payload) return undefined;
  return { kind: "twitch.revocation", status: 200, contentType: "text/plain", body: "" };
}
