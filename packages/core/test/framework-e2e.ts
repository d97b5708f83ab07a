/**
 * One end-to-end suite every adapter runs, over real HTTP where the adapter serves it: the URL a sender signed
 * reaching the scheme (and proxy headers ignored unless trusted), GET challenges and signed handshakes
 * answered, a batch handled, and observe mode letting a refused request through to the app with its verdict.
 * @module
 */
import { expect, it } from "vitest";
import { createWebhooks, type RouterOptions, type Webhooks } from "../src/index.js";
import { type TestEvents, testProvider, VERIFY_TOKEN } from "./framework-provider.js";

/** How an adapter serves a router; each returns the full URL of its `/webhooks`-like route. */
export interface Mount {
  /** `handleWebhooks(hooks)` on a route that takes GET and POST (the route line the README documents). */
  full(hooks: Webhooks<TestEvents>): Promise<string>;
  /** `verifyWebhook(hooks)` in front of an app handler that answers `{ outcome, id }` from the verdict. */
  verifyOnly?(hooks: Webhooks<TestEvents>): Promise<string>;
  /** Sends a request to the adapter (`fetch`, or the framework's in-process `app.request`). */
  send?(url: string, init: RequestInit): Promise<Response>;
}

const body = '{"id":"evt_1","type":"ping"}';

/** Registers the suite's tests for one adapter. */
export function frameworkSuite(mount: Mount): void {
  const send = mount.send ?? ((url: string, init: RequestInit) => fetch(url, init));
  const setup = (options: Partial<RouterOptions<TestEvents>> = {}, batch = false) => {
    const provider = testProvider({ batch });
    const handled: string[] = [];
    const hooks = createWebhooks({ provider, ...options }).on("ping", (_, context) => {
      handled.push(context.id);
    });
    const post = (url: string, signedFor = url, headers: Record<string, string> = {}, payload = body) =>
      send(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...provider.scheme.signUrl({ body: payload, url: signedFor }),
          ...headers,
        },
        body: payload,
      });
    return { hooks, handled, post };
  };

  it("passes the request's method and URL (query included) to a URL-bound scheme; another URL fails", async () => {
    const { hooks, handled, post } = setup();
    const url = `${await mount.full(hooks)}?account=acme`;
    expect((await post(url)).status).toBe(200);
    expect(handled).toEqual(["evt_1"]);
    expect((await post(url, url.replace("acme", "other"))).status).toBe(401);
  });

  it("ignores X-Forwarded-* unless the router trusts the proxy", async () => {
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "hooks.example.com" };
    const publicUrl = (url: string) => `https://hooks.example.com${new URL(url).pathname}`;
    const plain = setup();
    const plainUrl = await mount.full(plain.hooks);
    expect((await plain.post(plainUrl, publicUrl(plainUrl), forwarded)).status).toBe(401);
    const trusting = setup({ trustProxy: true });
    const trustingUrl = await mount.full(trusting.hooks);
    expect((await trusting.post(trustingUrl, publicUrl(trustingUrl), forwarded)).status).toBe(200);
  });

  it("answers GET challenges before authentication: a header echo, and a verify-token query", async () => {
    const { hooks, handled } = setup();
    const url = await mount.full(hooks);
    const okta = await send(url, { method: "GET", headers: { "x-test-challenge": "c-42" } });
    expect([okta.status, await okta.json()]).toEqual([200, { verification: "c-42" }]);
    const meta = await send(`${url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=987`, {
      method: "GET",
    });
    expect([meta.status, meta.headers.get("content-type")?.split(";")[0], await meta.text()]).toEqual([
      200,
      "text/plain",
      "987",
    ]);
    const wrong = await send(`${url}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=987`, {
      method: "GET",
    });
    expect(wrong.status).toBe(403);
    expect(handled).toEqual([]);
  });

  it("answers a signed handshake, and refuses a forged one", async () => {
    const { hooks, handled, post } = setup();
    const url = await mount.full(hooks);
    const handshake = '{"type":"url_verification","challenge":"ch-1"}';
    const answered = await post(url, url, {}, handshake);
    expect([answered.status, await answered.json()]).toEqual([200, { challenge: "ch-1" }]);
    expect((await post(url, `${url}x`, {}, handshake)).status).toBe(401);
    expect(handled).toEqual([]);
  });

  it("handles each event of a batch once", async () => {
    const { hooks, handled, post } = setup({}, true);
    const url = await mount.full(hooks);
    const batch = JSON.stringify({
      events: [
        { id: "a", type: "ping" },
        { id: "b", type: "ping" },
      ],
    });
    expect((await post(url, url, {}, batch)).status).toBe(200);
    expect((await post(url, url, {}, batch)).status).toBe(200);
    expect(handled).toEqual(["a", "b"]);
  });

  const { verifyOnly } = mount;
  if (verifyOnly === undefined) return;
  it("verify-only: answers handshakes; in observe mode lets a refused request through with its verdict", async () => {
    const enforcing = setup();
    const enforceUrl = await verifyOnly(enforcing.hooks);
    const ok = await enforcing.post(enforceUrl);
    expect([ok.status, await ok.json()]).toEqual([200, { outcome: "verified", id: "evt_1" }]);
    expect((await enforcing.post(enforceUrl, `${enforceUrl}x`)).status).toBe(401);
    const challenge = await send(enforceUrl, { method: "GET", headers: { "x-test-challenge": "c-7" } });
    expect(await challenge.json()).toEqual({ verification: "c-7" });

    const rejected: string[] = [];
    const observing = setup({ mode: "observe", onRejected: (error) => rejected.push(error.code) });
    const observeUrl = await verifyOnly(observing.hooks);
    const through = await observing.post(observeUrl, `${observeUrl}x`);
    expect([through.status, await through.json()]).toEqual([
      200,
      { outcome: "rejected", code: "invalid_signature" },
    ]);
    expect(rejected).toEqual(["invalid_signature"]);
  });
}

/** What the verify-only route's app handler answers from the verdict. */
export function verdictJson(
  verdict: { outcome: string; event?: { id: string } | undefined; error?: { code: string } } | undefined,
): unknown {
  if (verdict === undefined) return { outcome: "none" };
  if (verdict.outcome === "rejected") return { outcome: "rejected", code: verdict.error?.code };
  return { outcome: verdict.outcome, id: verdict.event?.id };
}
