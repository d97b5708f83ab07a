/**
 * The public-key scheme families (issue 16): raw Ed25519 (Discord's layout) and ECDSA P-256 (SendGrid's),
 * each against its own raw-crypto bound: one node:crypto verify over the same bytes.
 * @module
 */
import { createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { createVerifier, ecdsaP256, ed25519 } from "@hookproof/core";
import { do_not_optimize } from "mitata";

const ED = generateKeyPairSync("ed25519");
const ED_PUBLIC_HEX = Buffer.from(ED.publicKey.export({ format: "jwk" }).x, "base64url").toString("hex");
const EC = generateKeyPairSync("ec", { namedCurve: "P-256" });
const EC_PUBLIC_B64 = EC.publicKey.export({ format: "der", type: "spki" }).toString("base64");

const DISCORD = { signatureHeader: "x-signature-ed25519", timestampHeader: "x-signature-timestamp" };
const SENDGRID = {
  signatureHeader: "x-twilio-email-event-webhook-signature",
  timestampHeader: "x-twilio-email-event-webhook-timestamp",
};

function must(condition, what) {
  if (!condition) throw new Error(`sanity check failed: ${what}`);
}

function signed(body, timestamp, family) {
  const message = Buffer.concat([Buffer.from(String(timestamp)), body]);
  const signature =
    family === DISCORD
      ? sign(null, message, ED.privateKey).toString("hex")
      : sign("sha256", message, { key: EC.privateKey, dsaEncoding: "der" }).toString("base64");
  return {
    headers: {
      "content-type": "application/json",
      [family.signatureHeader]: signature,
      [family.timestampHeader]: String(timestamp),
    },
    body,
  };
}

/** The suites, in `micro.mjs`'s shape; `web` is the built WebCrypto entry of the core. */
export function asymmetricSuites(web, nowSeconds) {
  const edVerifier = createVerifier({ scheme: ed25519({ ...DISCORD, publicKey: ED_PUBLIC_HEX }) });
  const edWeb = web.createVerifier({ scheme: web.ed25519({ ...DISCORD, publicKey: ED_PUBLIC_HEX }) });
  const ecVerifier = createVerifier({ scheme: ecdsaP256({ ...SENDGRID, publicKey: EC_PUBLIC_B64 }) });
  const ecWeb = web.createVerifier({ scheme: web.ecdsaP256({ ...SENDGRID, publicKey: EC_PUBLIC_B64 }) });
  // The bounds hold their keys ready, as the schemes do after creation.
  const edKey = createPublicKey(ED.publicKey.export({ format: "pem", type: "spki" }));
  const ecKey = {
    key: createPublicKey(EC.publicKey.export({ format: "pem", type: "spki" })),
    dsaEncoding: "der",
  };

  const suite = (id, title, family, bound, node, webVerifier) => ({
    id,
    title,
    sizes: ["256 B", "64 KiB"],
    setup(bytes) {
      const request = signed(Buffer.from(JSON.stringify({ pad: "x".repeat(bytes) })), nowSeconds(), family);
      const { headers, body } = request;
      return [
        {
          key: "bound",
          role: "bound",
          label: "bound: node:crypto `verify` over timestamp ‖ body",
          fn: () => must(bound(headers, body), id),
        },
        {
          key: "hookproof",
          role: "hookproof",
          vs: "bound",
          label: "hookproof `authenticate` (headers, size, scheme, replay window)",
          fn: () => do_not_optimize(node.authenticate(request)),
        },
        {
          key: "web",
          role: "hookproof",
          vs: "bound",
          label: "hookproof web build `authenticate` (WebCrypto, for scale)",
          fn: () => webVerifier.authenticate(request),
        },
      ];
    },
  });

  const message = (headers, body, family) =>
    Buffer.concat([Buffer.from(headers[family.timestampHeader]), body]);
  return [
    suite(
      "ed25519",
      "Raw Ed25519 (Discord layout, hex signature over `{timestamp}{body}`) — verify, no parse",
      DISCORD,
      (headers, body) =>
        verify(
          null,
          message(headers, body, DISCORD),
          edKey,
          Buffer.from(headers[DISCORD.signatureHeader], "hex"),
        ),
      edVerifier,
      edWeb,
    ),
    suite(
      "ecdsa-p256",
      "ECDSA P-256 (SendGrid layout, base64 DER over `{timestamp}{body}`) — verify, no parse",
      SENDGRID,
      (headers, body) =>
        verify(
          "sha256",
          message(headers, body, SENDGRID),
          ecKey,
          Buffer.from(headers[SENDGRID.signatureHeader], "base64"),
        ),
      ecVerifier,
      ecWeb,
    ),
  ];
}
