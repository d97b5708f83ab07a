import { createHash } from "node:crypto";
import { createWebhooks } from "@hookproof/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { allowedSuite, answer, clock, fixtureSuite, fixtureText, post } from "../../test/test-support.js";
import { userfront } from "./index.js";

const KEY = "example3c5cc4491eb422d48c8f78c2f";
const provider = () => userfront({ token: KEY });
// Exactly what Userfront sends: the webhook API key as a bearer token, nothing else.
const userfrontHeaders = { authorization: `Bearer ${KEY}` };

fixtureSuite({
  title: "userfront fixtures",
  fixtures: "userfront",
  provider,
  sign: (body) => provider().scheme.sign({ body }),
  mutations: {
    "user.create": { path: ["record", "userId"], set: "7" },
    "user.update": { path: ["record", "email"], set: 7 },
    "user.delete": { path: ["record", "createdAt"], set: null },
    "tenant.create": { path: ["record", "name"] },
    "tenant.update": { path: ["mode"], set: 1 },
    "tenant.delete": { path: ["record", "tenantId"] },
  },
});

const SDK_TYPES = "userfront/userfront-core ts/index.d.ts (`SignupResponse`)";

allowedSuite({
  title: "userfront: what Userfront's own types allow",
  fixtures: "userfront",
  provider,
  sign: (body) => provider().scheme.sign({ body }),
  allowed: [
    { type: "user.create", path: ["record", "userId"], source: SDK_TYPES },
    { type: "user.update", path: ["record", "tenantId"], source: SDK_TYPES },
    { type: "user.delete", path: ["record", "createdAt"], source: SDK_TYPES },
    {
      type: "user.update",
      path: ["record", "mode"],
      set: "preview",
      source: `${SDK_TYPES}: \`mode: string\``,
    },
    { type: "tenant.update", path: ["mode"], set: "preview", source: `${SDK_TYPES}: \`mode: string\`` },
  ],
});

describe("userfront", () => {
  it("signs as Userfront sends: the bearer header only", async () => {
    expect(await provider().scheme.sign({ body: "{}" })).toEqual(userfrontHeaders);
  });

  it("routes by model and action, and dedupes an identical body by its SHA-256", async () => {
    const body = fixtureText("userfront", "user.create");
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.create", (event, context) => {
      expectTypeOf(event.record.userId).toEqualTypeOf<number | undefined>();
      expectTypeOf(event.model).toEqualTypeOf<"user">();
      seen.push(context.id);
    });
    expect(await answer(hooks, post(userfrontHeaders, body))).toEqual({ status: 200, body: { ok: true } });
    expect(await answer(hooks, post(userfrontHeaders, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(seen).toEqual([`sha256:${createHash("sha256").update(body).digest("hex")}`]);
  });

  it("handles events whose records are equal but whose action differs", async () => {
    const update = fixtureText("userfront", "user.update");
    const remove = fixtureText("userfront", "user.delete");
    expect(JSON.parse(update).record).toEqual(JSON.parse(remove).record);
    const seen: string[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("user.update", (event) => void seen.push(event.action))
      .on("user.delete", (event) => void seen.push(event.action));
    expect((await answer(hooks, post(userfrontHeaders, update))).status).toBe(200);
    expect((await answer(hooks, post(userfrontHeaders, remove))).status).toBe(200);
    expect(seen).toEqual(["update", "delete"]);
  });

  it("accepts an older record with `uuid` and `isDev`, typed, and refuses a non-boolean `isDev`", async () => {
    const real = JSON.parse(fixtureText("userfront", "user.create"));
    const older = { ...real, record: { ...real.record, uuid: real.record.userUuid, isDev: false } };
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.create", (event) => {
      expectTypeOf(event.record.isDev).toEqualTypeOf<boolean | undefined>();
      seen.push([event.record.uuid, event.record.isDev]);
    });
    expect((await answer(hooks, post(userfrontHeaders, JSON.stringify(older)))).status).toBe(200);
    expect(seen).toEqual([[real.record.userUuid, false]]);
    const broken = JSON.stringify({ ...older, record: { ...older.record, isDev: "no" } });
    const refused = await answer(hooks, post(userfrontHeaders, broken));
    expect([refused.status, refused.body.error?.code]).toEqual([400, "invalid_payload"]);
    expect(refused.body.error?.message).toContain("record.isDev");
  });

  it("refuses another key (401) and a request without one (400)", async () => {
    const body = fixtureText("userfront", "tenant.create");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const wrong = await answer(hooks, post({ authorization: "Bearer example00000000000000000000000" }, body));
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, "invalid_token"]);
    const missing = await answer(hooks, post({}, body));
    expect([missing.status, missing.body.error?.code]).toEqual([400, "missing_header"]);
  });

  it("cannot tell an altered body from a real one: the token covers nothing else", async () => {
    const real = JSON.parse(fixtureText("userfront", "user.update"));
    const altered = JSON.stringify({ ...real, record: { ...real.record, email: "attacker@example.net" } });
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.update", (event) => {
      seen.push(event.record.email);
    });
    expect((await answer(hooks, post(userfrontHeaders, altered))).status).toBe(200);
    expect(seen).toEqual(["attacker@example.net"]);
  });

  it("acknowledges an event pair it has no schema for, and refuses a body with no model", async () => {
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const login = JSON.stringify({ action: "login", model: "user", mode: "live", record: { userId: 7 } });
    expect(await answer(hooks, post(userfrontHeaders, login))).toEqual({
      status: 200,
      body: { ok: true, unhandled: true },
    });
    const untyped = JSON.stringify({ action: "create", mode: "live", record: {} });
    const result = await answer(hooks, post(userfrontHeaders, untyped));
    expect([result.status, result.body.error?.code]).toEqual([400, "invalid_payload"]);
  });
});
