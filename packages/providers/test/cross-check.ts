/**
 * The cross-check of a preset's scheme against the sender's own signer and verifier, both ways, on the bodies
 * the core's scheme tests use (empty, multi-byte, 1 MiB): the sender's signature passes the preset, and the
 * preset's `sign` passes the sender's verifier and equals what the sender would send.
 * @module
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { readHeaders, type WebhookScheme } from "@hookproof/core";
import { describe, expect, it } from "vitest";
import { outcome, TEXT_BODIES, utf8 } from "./bodies.js";

/** A sender's own signing and verifying code, over one signature header. */
export interface SenderSdk {
  /** The SDK or source, for the test titles: `@shopify/shopify-api 13.1.0`. */
  name: string;
  /** The signature header's value the sender sends with `body`. */
  sign(body: string): string | Promise<string>;
  /** Whether the sender's verifier accepts `value` for `body`. */
  verify(body: string, value: string): boolean | Promise<boolean>;
  /** Whether it can carry an empty body (several refuse one). Default `true`. */
  emptyBody?: boolean;
}

/**
 * A sender's documented body signature, `prefix` + the HMAC of the raw body, signed and compared (in constant
 * time) as the sender's docs snippet does: for senders whose SDK neither signs nor verifies.
 *
 * @example
 * const sdk = documentedHmac("Typeform's docs snippet", { secret, algorithm: "sha256", encoding: "base64", prefix: "sha256=" });
 */
export function documentedHmac(
  name: string,
  options: { secret: string; algorithm: "sha1" | "sha256"; encoding: "hex" | "base64"; prefix?: string },
): SenderSdk {
  const sign = (body: string) =>
    `${options.prefix ?? ""}${createHmac(options.algorithm, options.secret).update(body).digest(options.encoding)}`;
  return {
    name,
    sign,
    verify(body, value) {
      const expected = Buffer.from(sign(body));
      const received = Buffer.from(value);
      return expected.length === received.length && timingSafeEqual(expected, received);
    },
  };
}

/** What {@link crossCheck} checks. */
export interface CrossCheckOptions {
  /** The preset's scheme, with the secret `sdk` signs with. */
  scheme: () => WebhookScheme;
  /** The same scheme with another secret. */
  wrong: () => WebhookScheme;
  /** The header the signature travels in. */
  header: string;
  /** Other headers a request carries, which the scheme may need (a timestamp the SDK signed with). */
  headers?: (body: string) => Record<string, string>;
  sdk: SenderSdk;
}

/**
 * Both directions of the cross-check, each on every body the SDK can carry.
 *
 * @example
 * crossCheck({ scheme: () => shopifyHmac({ secret }), wrong, header: "x-shopify-hmac-sha256", sdk });
 */
export function crossCheck(options: CrossCheckOptions): void {
  const { header, sdk } = options;
  const bodies = TEXT_BODIES.filter((b) => sdk.emptyBody !== false || b.text !== "").map(
    (b) => [b.name, b.text] as const,
  );
  const request = (body: string, value: string) => ({
    header: readHeaders({ ...options.headers?.(body), [header]: value }),
    body: utf8(body),
  });

  describe(`${sdk.name} → hookproof`, () => {
    it.each(bodies)("%s: its signature passes, and fails under another secret", async (_, body) => {
      const value = await sdk.sign(body);
      expect(await outcome(() => options.scheme().verify(request(body, value)))).toBe("ok");
      expect(await outcome(() => options.wrong().verify(request(body, value)))).toBe("invalid_signature");
    });
  });

  describe(`hookproof → ${sdk.name}`, () => {
    it.each(bodies)(
      "%s: the preset signs what the sender signs, and its verifier agrees",
      async (_, body) => {
        const signed = await options.scheme().sign({ body, id: "delivery-1" });
        const value = signed[header] ?? "";
        expect(value).toBe(await sdk.sign(body));
        expect(await sdk.verify(body, value)).toBe(true);
        expect(await sdk.verify(`${body} `, value)).toBe(false);
      },
    );
  });
}

/** Who signs and who verifies for a Standard Webhooks sender: the sender's own library on each side. */
export interface StandardWebhooksCrossCheck {
  /** The preset's scheme, with the secret both sides use. */
  scheme: () => WebhookScheme;
  /** The same scheme with another secret. */
  wrong: () => WebhookScheme;
  /** The header family the sender sends: `svix-*` or `webhook-*`. */
  family: "svix" | "webhook";
  /** The library that signs as the sender does: the `v1,<base64>` signature of `${id}.${timestamp}.${body}`. */
  signer: { name: string; sign(id: string, timestamp: number, body: string): string };
  /** The sender's SDK that verifies a request's body and headers. */
  verifier: {
    name: string;
    verify(body: string, headers: Record<string, string>): boolean | Promise<boolean>;
    /** Whether it can carry an empty body. Default `true`. */
    emptyBody?: boolean;
  };
}

/**
 * Both directions of the cross-check for a Standard Webhooks sender, on a timestamp of now (the SDKs check
 * theirs against the clock).
 *
 * @example
 * standardWebhooksCrossCheck({ scheme, wrong, family: "svix", signer, verifier });
 */
export function standardWebhooksCrossCheck(options: StandardWebhooksCrossCheck): void {
  const { family, signer, verifier } = options;
  const bodies = TEXT_BODIES.map((b) => [b.name, b.text] as const);
  const headers = (id: string, timestamp: number, signature: string) => ({
    [`${family}-id`]: id,
    [`${family}-timestamp`]: String(timestamp),
    [`${family}-signature`]: signature,
  });

  describe(`${signer.name} → hookproof`, () => {
    it.each(bodies)(
      "%s: its signature passes with its signed id, and fails under another secret",
      async (_, body) => {
        const now = Math.floor(Date.now() / 1000);
        const request = {
          header: readHeaders(
            headers(
              "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
              now,
              signer.sign("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", now, body),
            ),
          ),
          body: utf8(body),
        };
        expect(await options.scheme().verify(request)).toMatchObject({
          id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
          timestamp: now,
          keyIndex: 0,
        });
        expect(await outcome(() => options.wrong().verify(request))).toBe("invalid_signature");
      },
    );
  });

  describe(`hookproof → ${verifier.name}`, () => {
    const carried = bodies.filter(([, body]) => verifier.emptyBody !== false || body !== "");
    it.each(carried)(
      "%s: the preset signs what the signer signs, and the SDK accepts it",
      async (_, body) => {
        const now = Math.floor(Date.now() / 1000);
        const signed = await options
          .scheme()
          .sign({ body, id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", timestamp: now });
        expect(signed).toEqual(
          headers(
            "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
            now,
            signer.sign("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", now, body),
          ),
        );
        expect(await verifier.verify(body, signed)).toBe(true);
        expect(await verifier.verify(`${body} `, signed)).toBe(false);
      },
    );
  });
}
