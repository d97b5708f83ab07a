/**
 * Real presets' handshakes through an adapter, over the adapter's own HTTP path: Slack's signed
 * `url_verification`, Discord's signed PING and Okta's one-time GET challenge are answered as each sender
 * expects, never reach dedupe or a handler, and a forged signed handshake is refused. Every adapter runs it
 * with the mount of core's framework suite.
 * @module
 */
import {
  createWebhooks,
  type EventMap,
  type HandshakeAnswer,
  type WebhookProvider,
  type Webhooks,
} from "@hookproof/core";
import { expect, it } from "vitest";
import type { Mount } from "../../core/test/framework-e2e.js";
import { discord, okta, slack } from "../src/index.js";

const SLACK_SECRET = "e3b9c1f0a7d24c5b8e6f1a2b3c4d5e6f";
const OKTA_TOKEN = "okta-hook-key-5c1e2d9a7b3f4e60";
// RFC 8032 §7.1 test 1: a published pair, for tests only.
const DISCORD = {
  publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
  privateKey: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
};

/** Registers, for one adapter, a test per preset handshake. */
export function presetHandshakeSuite(mount: Pick<Mount, "full" | "send">): void {
  const send = mount.send ?? ((url: string, init: RequestInit) => fetch(url, init));

  /** A router on `provider` recording handshakes and handled events, served by the adapter. */
  async function serve<Events extends EventMap>(provider: WebhookProvider<Events>) {
    const handshakes: HandshakeAnswer[] = [];
    const handled: string[] = [];
    const hooks = createWebhooks({ provider, onHandshake: (answer) => handshakes.push(answer) }).onAny(
      (_, context) => {
        handled.push(context.type);
      },
    );
    const url = await mount.full(hooks as unknown as Parameters<Mount["full"]>[0]);
    return { url, handshakes, handled, hooks: hooks as Webhooks<Events> };
  }

  const answer = async (response: Response) => ({
    status: response.status,
    type: response.headers.get("content-type")?.split(";")[0],
    body: await response.text(),
  });

  it("Slack url_verification: the signed challenge echoed as JSON, twice (never deduped); a forged one 401", async () => {
    const { url, handshakes, handled, hooks } = await serve(slack({ secret: SLACK_SECRET }));
    const body =
      '{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}';
    const post = async (headers: Record<string, string>) =>
      answer(
        await send(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body,
        }),
      );
    const signed = await hooks.provider.scheme.sign({ body });
    const expected = {
      status: 200,
      type: "application/json",
      body: '{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}',
    };
    expect(await post(signed)).toEqual(expected);
    expect(await post(signed)).toEqual(expected);
    const forged = await slack({ secret: "another-signing-secret-0123456789" }).scheme.sign({ body });
    expect((await post(forged)).status).toBe(401);
    expect(handshakes.map((h) => h.kind)).toEqual(["slack.url_verification", "slack.url_verification"]);
    expect(handled).toEqual([]);
  });

  it('Discord PING: the signed `{"type":1}` answered PONG; one signed by another key 401, as Discord checks', async () => {
    const { url, handshakes, handled, hooks } = await serve(discord(DISCORD));
    const body = '{"id":"1187654321098765432","application_id":"1187654321098765000","type":1,"version":1}';
    const signed = await hooks.provider.scheme.sign({ body });
    const ping = (headers: Record<string, string>) =>
      send(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    expect(await answer(await ping(signed))).toEqual({
      status: 200,
      type: "application/json",
      body: '{"type":1}',
    });
    // RFC 8032 §7.1 test 2's seed: a valid signature by a key that is not the application's.
    const other = discord({
      ...DISCORD,
      privateKey: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    });
    expect((await ping(await other.scheme.sign({ body }))).status).toBe(401);
    expect(handshakes.map((h) => h.kind)).toEqual(["discord.ping"]);
    expect(handled).toEqual([]);
  });

  it("Okta's one-time GET verification: the challenge echoed before any token is checked", async () => {
    const { url, handshakes, handled } = await serve(okta({ token: OKTA_TOKEN }));
    const challenge = "X6rgQu0e8d9IAnx0DvIpl0NH8dTWqS9CRdIWtzLx";
    const response = await send(url, {
      method: "GET",
      headers: { "x-okta-verification-challenge": challenge },
    });
    expect(await answer(response)).toEqual({
      status: 200,
      type: "application/json",
      body: `{"verification":"${challenge}"}`,
    });
    expect(handshakes.map((h) => h.kind)).toEqual(["okta.verification"]);
    expect(handled).toEqual([]);
  });
}
