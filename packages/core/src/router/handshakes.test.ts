import { describe, expect, it } from "vitest";
import { signedPost, type TestEvents, testProvider, VERIFY_TOKEN } from "../../test/framework-provider.js";
import { createWebhooks, type HandshakeAnswer, type RouterOptions } from "../index.js";

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
