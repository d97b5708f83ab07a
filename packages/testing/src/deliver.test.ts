import { createWebhooks } from "@hookproof/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDERS } from "../test/providers.js";
import { startServer, type TestServer } from "../test/server.js";
import { deliver } from "./deliver.js";
import { fixture } from "./fixtures.js";
import { signRequest } from "./sign-request.js";

const provider = PROVIDERS.stackAuth!();
const handled: string[] = [];
const hooks = createWebhooks({ provider }).onAny((_event, context) => {
  handled.push(`${context.type} ${context.id}`);
});

describe("deliver to a URL", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(hooks.handle);
  });
  afterAll(() => server.close());

  it("sends the signed request over HTTP to the given URL, whatever the request's own", async () => {
    const request = await signRequest(provider, fixture("stack-auth", "team.created"), { id: "msg_url_1" });
    expect(request.url).toBe("http://localhost/webhooks");
    const result = await deliver(server.url, request);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ok: true });
    expect(result.headers["content-type"]).toBe("application/json");
    expect(result.durationMs).toBeTypeOf("number");
    expect(result.response.bodyUsed).toBe(false);
    expect(await result.response.json()).toEqual({ ok: true });
    expect(handled).toContain("team.created msg_url_1");
  });

  it("reports a rejection with its parsed error body", async () => {
    const request = signRequest(provider, fixture("stack-auth", "team.created"), { variant: "tampered" });
    const result = await deliver(new URL(server.url), request);
    expect(result).toMatchObject({ status: 401, body: { error: { code: "invalid_signature" } } });
  });

  it("rejects when nothing listens", async () => {
    const closed = await startServer(() => new Response("never"));
    await closed.close();
    await expect(deliver(closed.url, signRequest(provider, { type: "stack.test" }))).rejects.toThrow();
  });
});

describe("deliver to an in-process handler", () => {
  it("calls a fetch-style handler with the request, no network", async () => {
    const result = await deliver(
      hooks.handle,
      signRequest(provider, fixture("stack-auth", "user.deleted"), { id: "msg_inproc" }),
    );
    expect(result).toMatchObject({ status: 200, body: { ok: true } });
    expect(handled).toContain("user.deleted msg_inproc");
  });

  it("returns text bodies as text and empty bodies as an empty string", async () => {
    const text = await deliver(
      () => new Response("accepted", { status: 202 }),
      new Request("http://x/", { method: "POST" }),
    );
    expect(text).toMatchObject({ status: 202, body: "accepted" });
    const empty = await deliver(async () => new Response(null, { status: 204 }), new Request("http://x/"));
    expect(empty).toMatchObject({ status: 204, body: "" });
  });

  it("passes the same Request object to the handler", async () => {
    let seen: Request | undefined;
    const request = new Request("http://x/hook", { method: "POST", body: "{}" });
    await deliver((req) => {
      seen = req;
      return Response.json({ ok: true });
    }, request);
    expect(seen).toBe(request);
  });
});
