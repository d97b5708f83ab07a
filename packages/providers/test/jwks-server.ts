/**
 * A sender's JWKS served on a free loopback port for the JWT presets' tests: a fresh RS256 pair under `kid`, its
 * public half at `/.well-known/jwks.json`, and `down` to make the server answer 500 (a JWKS outage).
 * @module
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK } from "jose";

export interface JwksServer {
  /** `http://127.0.0.1:<port>`: the issuer's origin. */
  origin: string;
  /** `${origin}/.well-known/jwks.json`. */
  url: string;
  /** The pair the key set publishes: sign with `privateKey` or `privateJwk`. */
  rsa: { privateKey: CryptoKey; privateJwk: JWK; publicJwk: JWK };
  /** While true, every request is answered 500. */
  down: boolean;
  close(): Promise<void>;
}

/**
 * Starts a JWKS server publishing one fresh RS256 key under `kid`.
 *
 * @example
 * const jwks = await startJwksServer("key-1");
 * const provider = fusionAuth({ jwksUrl: jwks.url });
 */
export async function startJwksServer(kid: string): Promise<JwksServer> {
  const pair = await generateKeyPair("RS256", { extractable: true });
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: "RS256", use: "sig" };
  const rsa = {
    privateKey: pair.privateKey,
    privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg: "RS256" },
    publicJwk,
  };
  const state = { down: false };
  const server = createServer((request, response) => {
    if (state.down || request.url !== "/.well-known/jwks.json") {
      response.writeHead(state.down ? 500 : 404).end();
      return;
    }
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/.well-known/jwks.json`,
    rsa,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
