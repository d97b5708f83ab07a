/**
 * The cross-check of a preset's scheme against the sender's own signer and verifier, both ways, on the bodies
 * the core's scheme tests use (empty, multi-byte, 1 MiB): the sender's signature passes the preset, and the
 * preset's `sign` passes the sender's verifier and equals what the sender would send.
 * @module
 */
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
