/**
 * Zoom's `endpoint.url_validation`: sent when the endpoint is saved and every 72 hours after, signed like every
 * notification, and answered `{ plainToken, encryptedToken }` where `encryptedToken` is the hex HMAC-SHA256 of
 * `plainToken` under the Secret Token.
 * @see https://developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint
 * @module
 */
import type { HandshakeAnswer, HeaderReader, MaybePromise, Secrets, WebhookScheme } from "@hookproof/core";
import { hmac } from "@hookproof/core";
import { stringField } from "../kit/string-field.js";

/** Answers Zoom's URL validation for the payload it is given, or `undefined` for any other notification. */
export type ZoomHandshake = (
  payload: unknown,
  request: { header: HeaderReader; keyIndex?: number },
) => MaybePromise<HandshakeAnswer | undefined>;

/** The header the token's MAC is read from; the name is only a carrier, never sent. */
const CARRIER = "x-zm-encrypted-token";

function validationAnswer(plainToken: string, headers: Record<string, string>): HandshakeAnswer {
  return {
    kind: "zoom.url_validation",
    status: 200,
    contentType: "application/json",
    body: JSON.stringify({ plainToken, encryptedToken: headers[CARRIER] }),
  };
}

/**
 * The handshake for `secret` (one Secret Token, or several while rotating): the answer is keyed by the token
 * that authenticated the request (`keyIndex`), as Zoom computes it with the token it signed with. The MAC runs
 * on the core's crypto backend, through an `hmac` scheme per token built here, once.
 *
 * @example
 * const handshake = zoomHandshake(process.env.ZOOM_WEBHOOK_SECRET_TOKEN!, false);
 */
export function zoomHandshake(secret: Secrets, allowShortSecret: boolean | undefined): ZoomHandshake {
  const secrets = (Array.isArray(secret) ? secret : [secret]) as readonly Secrets[];
  const signers: WebhookScheme[] = secrets.map((one) =>
    hmac({ secret: one, allowShortSecret, header: CARRIER }),
  );
  return (payload, request) => {
    if (stringField(payload, "event") !== "endpoint.url_validation") return undefined;
    const plainToken = stringField((payload as { payload?: unknown }).payload, "plainToken");
    const signer = signers[request.keyIndex ?? 0];
    if (plainToken === undefined || signer === undefined) return undefined;
    // A URL validation comes every 72 hours: an async turn here costs the notifications nothing.
    return Promise.resolve(signer.sign({ body: plainToken })).then((headers) =>
      validationAnswer(plainToken, headers),
    );
  };
}
