import { describe, expect, it } from "vitest";
import type { TestEvents } from "../../test/framework-provider.js";
import { signedPost, testProvider } from "../../test/framework-provider.js";
import { createWebhooks, type RouterOptions } from "../index.js";

const body = '{"id":"evt_1","type":"ping"}';
const PUBLIC = "https://hooks.example.com/webhooks?account=acme";
const SEEN = "http://10.0.0.7:3000/webhooks?account=acme";

function router(options: Partial<RouterOptions<TestEvents>> = {}) {
  const provider = testProvider();
  const hooks = createWebhooks({ provider, ...options }).on("ping", () => {});
  return { provider, hooks };
}

/** A request the sender signed for `PUBLIC`, as a server behind a proxy sees it at `SEEN`. */
function behindProxy(
  provider: ReturnType<typeof testProvider>,
  headers: Record<string, string> = {},
): Request {
  const signed = signedPost(provider, PUBLIC, body);
  return new Request(SEEN, {
    method: "POST",
    headers: { ...Object.fromEntries(signed.headers), ...headers },
    body,
  });
}

describe("the public URL reaching URL-bound schemes", () => {
  it("verifies a signature over the URL handle() was given, and refuses it at another URL", async () => {
    const { provider, hooks } = router();
    expect((await hooks.handle(signedPost(provider, PUBLIC, body))).status).toBe(200);
    expect((await hooks.handle(behindProxy(provider))).status).toBe(401);
  });

  it("ignores X-Forwarded-* unless `trustProxy` is set", async () => {
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "hooks.example.com" };
    const { provider, hooks } = router();
    expect((await hooks.handle(behindProxy(provider, forwarded))).status).toBe(401);
    const trusting = router({ trustProxy: true });
    expect((await trusting.hooks.handle(behindProxy(trusting.provider, forwarded))).status).toBe(200);
    // The nearest proxy's value is the first; a host that would move the path is ignored.
    const listed = { "x-forwarded-proto": "https, http", "x-forwarded-host": "hooks.example.com, 10.0.0.7" };
    expect((await trusting.hooks.handle(behindProxy(trusting.provider, listed))).status).toBe(200);
    const moved = { "x-forwarded-proto": "https", "x-forwarded-host": "hooks.example.com/evil?" };
    expect((await trusting.hooks.handle(behindProxy(trusting.provider, moved))).status).toBe(401);
  });

  it("takes the origin from a `publicUrl` string and keeps the path and query", async () => {
    const { provider, hooks } = router({ publicUrl: "https://hooks.example.com" });
    expect((await hooks.handle(behindProxy(provider))).status).toBe(200);
    const wrong = router({ publicUrl: "https://other.example.com" });
    expect((await wrong.hooks.handle(behindProxy(wrong.provider))).status).toBe(401);
  });

  it("asks a `publicUrl` function for the whole URL, given the one seen and the headers", async () => {
    const seen: string[] = [];
    const { provider, hooks } = router({
      publicUrl: ({ url, header }) => {
        seen.push(`${url} ${header("x-original-path")}`);
        return `https://hooks.example.com${header("x-original-path")}${new URL(url).search}`;
      },
    });
    expect((await hooks.handle(behindProxy(provider, { "x-original-path": "/webhooks" }))).status).toBe(200);
    expect(seen).toEqual([`${SEEN} /webhooks`]);
  });

  it("refuses a `publicUrl` that is not an origin, or one given with `trustProxy`, when created", () => {
    for (const publicUrl of [
      "hooks.example.com",
      "ftp://hooks.example.com",
      "https://h.example.com/webhooks",
      "https://h.example.com?a=1",
    ]) {
      expect(() => router({ publicUrl })).toThrow(
        /^\[@hookproof\/core\] `publicUrl` must be the public origin/,
      );
    }
    expect(() => router({ publicUrl: "https://hooks.example.com", trustProxy: true })).toThrow(TypeError);
  });

  it("answers 500 (never 401) when a URL-bound scheme gets no URL: an adapter or caller mistake", async () => {
    const rejected: string[] = [];
    const { provider, hooks } = router({ onRejected: (error) => rejected.push(String(error.cause)) });
    const headers = provider.scheme.signUrl({ body, url: PUBLIC });
    const result = await hooks.process({ headers, body, method: "POST" });
    expect(result.status).toBe(500);
    expect(rejected[0]).toMatch(/needs the request URL/);
  });
});
