import { describe, expect, it } from "vitest";
import { anything } from "../../test/deliveries.js";
import { signedPost, type TestEvents, testProvider, VERIFY_TOKEN } from "../../test/framework-provider.js";
import {
  createWebhooks,
  type HandshakeAnswer,
  hmac,
  type RouterOptions,
  type WebhookProvider,
} from "../index.js";

const URL_ = "https://hooks.example.com/webhooks";

function router(options: Partial<RouterOptions<TestEvents>> = {}) {
  const provider = testProvider();
  const handled: unknown[] = [];
  const handshakes: HandshakeAnswer[] = [];
  const hooks = createWebhooks({ provider, onHandshake: (h) => handshakes.push(h), ...options }).on(
    "ping",
    (event) => {
      handled.push(event);
    },
  );
  return { provider, hooks, handled, handshakes };
}

async function read(response: Response) {
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

describe("challenges before authentication", () => {
  it("answers a GET challenge header with its verification, before any signature check", async () => {
    const { hooks, handled, handshakes } = router();
    const request = new Request(URL_, { method: "GET", headers: { "x-test-challenge": "c-123" } });
    expect(await read(await hooks.handle(request))).toEqual({
      status: 200,
      type: "application/json",
      body: '{"verification":"c-123"}',
    });
    expect(handshakes.map((h) => h.kind)).toEqual(["test.verification"]);
    expect(handled).toEqual([]);
  });

  it("echoes a subscribe challenge as text with the right verify token, and answers 403 with a wrong one", async () => {
    const { hooks } = router();
    const query = (token: string) =>
      `${URL_}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    expect(await read(await hooks.handle(new Request(query(VERIFY_TOKEN))))).toEqual({
      status: 200,
      type: "text/plain",
      body: "1158201444",
    });
    const refused = await read(await hooks.handle(new Request(query("guess"))));
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain("1158201444");
  });

  it("goes on to authentication when the provider has no challenge for the request", async () => {
    const { hooks } = router();
    const answer = await read(await hooks.handle(new Request(URL_)));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe("missing_header");
  });
});

describe("signed handshakes after authentication", () => {
  const body =
    '{"type":"url_verification","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}';

  it("answers a signed handshake, never deduped nor handled, and reports it to onHandshake", async () => {
    const { provider, hooks, handled, handshakes } = router();
    for (let i = 0; i < 2; i++) {
      expect(await read(await hooks.handle(signedPost(provider, URL_, body)))).toEqual({
        status: 200,
        type: "application/json",
        body: '{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}',
      });
    }
    expect(handshakes).toHaveLength(2);
    expect(handled).toEqual([]);
  });

  it("refuses an unsigned or tampered handshake: the challenge is never echoed", async () => {
    const { provider, hooks, handshakes } = router();
    const signed = signedPost(provider, URL_, body);
    const tampered = new Request(URL_, {
      method: "POST",
      headers: signed.headers,
      body: body.replace("3e", "4e"),
    });
    const answer = await read(await hooks.handle(tampered));
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain("challenge");
    expect(handshakes).toEqual([]);
  });

  it("is a handshake verdict for check(), and no event for verify()", async () => {
    const { provider, hooks } = router();
    const request = signedPost(provider, URL_, body);
    const input = { headers: request.headers, body, method: "POST", url: URL_ };
    const verdict = await hooks.check(input);
    expect(verdict).toMatchObject({ outcome: "handshake", handshake: { kind: "test.url_verification" } });
    expect(verdict.answer?.status).toBe(200);
    await expect(hooks.verify(input)).rejects.toThrow(/^\[@hookproof\/core\] This request is a handshake/);
  });
});

describe("a signed handshake keyed by the secret that matched", () => {
  it("is given the keyIndex of the secret that authenticated the request (Zoom answers with an HMAC under it)", async () => {
    const secrets = ["next-secret-0123456789abcdef", "current-secret-0123456789abcdef"];
    const seen: (number | undefined)[] = [];
    const provider: WebhookProvider<TestEvents> = {
      name: "keyed-handshake",
      scheme: hmac({
        secret: secrets,
        header: "x-signature",
        template: "{timestamp}.{body}",
        timestamp: { header: "x-timestamp" },
      }),
      events: { ping: anything },
      eventType: (payload) => (payload as { type?: string }).type,
      handshake(_payload, request): HandshakeAnswer {
        seen.push(request.keyIndex);
        return { kind: "test.keyed", status: 200, contentType: "text/plain", body: String(request.keyIndex) };
      },
    };
    const hooks = createWebhooks({ provider });
    for (const secret of [secrets[1], secrets[0]] as string[]) {
      const body = '{"type":"validate"}';
      const signer = hmac({
        secret,
        header: "x-signature",
        template: "{timestamp}.{body}",
        timestamp: { header: "x-timestamp" },
      });
      const headers = await signer.sign({ body });
      await hooks.handle(new Request(URL_, { method: "POST", headers, body }));
    }
    expect(seen).toEqual([1, 0]);
  });
});
