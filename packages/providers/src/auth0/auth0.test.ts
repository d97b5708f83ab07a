import { createWebhooks, readHeaders } from "@hookproof/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { auth0 } from "./index.js";

// Auth0's guides have admins type the scheme too; Auth0 sends the value as typed.
const TOKEN = "Bearer a0-log-stream-7f3a9c2e51b84d06";
const provider = () => auth0({ token: TOKEN });
const sign = () => ({ authorization: TOKEN });
const bytes = (text: string) => new TextEncoder().encode(text);

fixtureSuite({
  title: "auth0 fixtures",
  fixtures: "auth0",
  provider,
  sign,
  mutations: {
    ss: { path: ["log_id"] },
    fs: { path: ["data", "user_id"], set: 5 },
    s: { path: ["data", "date"], set: 1787234400 },
    f: { path: ["data", "client_id"], set: 1 },
    slo: { path: ["data", "user_id"], set: 7 },
    sdu: { path: ["data", "details"], set: "deleted" },
    fdu: { path: ["data", "description"], set: 0 },
    scp: { path: ["data", "ip"], set: [] },
    sce: { path: ["data", "log_id"], set: 9 },
    scpn: { path: ["data", "connection"], set: null },
    scu: { path: ["data", "user_name"], set: {} },
    sv: { path: ["data", "strategy"], set: 2 },
    limit_wc: { path: ["data", "hostname"], set: true },
    limit_mu: { path: ["data", "user_agent"], set: 3 },
    sapi: { path: ["data", "details", "request"], set: "POST" },
    fapi: { path: ["data", "details", "response"], set: 404 },
    organization_member_added: { path: ["data", "details", "reason"], set: 1 },
  },
});

const LOG = "npm auth0 7.1.0 `Management.Log` (every field optional)";
allowedSuite({
  title: "auth0: what the auth0 SDK's Log type allows",
  fixtures: "auth0",
  provider,
  sign,
  allowed: [
    { type: "ss", path: ["data", "details"], source: LOG },
    { type: "ss", path: ["data", "user_name"], source: LOG },
    {
      type: "s",
      path: ["data", "client_id"],
      set: null,
      source: "auth0/auth0-log-schemas schemas/log-types/s.schema.json",
    },
    { type: "f", path: ["data", "description"], set: null, source: LOG },
    { type: "sapi", path: ["data", "user_id"], source: LOG },
    { type: "organization_member_added", path: ["data", "organization_name"], source: LOG },
  ],
});

describe("auth0", () => {
  it("decodes each content format and splits it into its entries", () => {
    const p = auth0({ token: TOKEN });
    const one = JSON.parse(fixtureText("auth0", "ss"));
    const two = JSON.parse(fixtureText("auth0", "sapi"));
    const header = readHeaders({});
    const lines = `${JSON.stringify(one)}\n${JSON.stringify(two)}\n`;
    for (const body of [JSON.stringify([one, two]), lines]) {
      expect(p.split?.(p.decode?.(bytes(body), { header }))).toEqual([one, two]);
    }
    expect(p.split?.(p.decode?.(bytes(JSON.stringify(one)), { header }))).toEqual([one]);
    expect(() => p.decode?.(bytes("{not json\n"), { header })).toThrow(/content format/);
  });

  it("types each entry by its log code and identifies it by log_id", () => {
    const p = auth0({ token: TOKEN });
    const entry = JSON.parse(fixtureText("auth0", "organization_member_added"));
    expect(p.eventType(entry, readHeaders({}))).toBe("organization_member_added");
    expect(p.eventId?.(entry, undefined)).toBe(entry.log_id);
    expect(p.eventId?.({ data: { log_id: "9002a" } }, undefined)).toBe("9002a");
  });

  it("compares the Authorization value whole: the scheme word is part of the token", async () => {
    const body = fixtureText("auth0", "s");
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("s", (entry) => {
      expectTypeOf(entry.data.user_id).toEqualTypeOf<string | undefined>();
    });
    expect((await answer(hooks, post({ authorization: TOKEN }, body))).status).toBe(200);
    const bare = await answer(hooks, post({ authorization: "a0-log-stream-7f3a9c2e51b84d06" }, body));
    expect(bare.body.error?.code).toBe("invalid_token");
  });

  it("dedupes a resent entry by log_id, and refuses one dated over a day ago", async () => {
    const entry = JSON.parse(fixtureText("auth0", "sdu"));
    let runs = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("sdu", () => {
      runs++;
    });
    const body = JSON.stringify(entry);
    expect((await answer(hooks, post(sign(), body))).status).toBe(200);
    expect(
      (await answer(hooks, post(sign(), JSON.stringify({ data: entry.data, log_id: entry.log_id })))).body,
    ).toEqual({
      ok: true,
      duplicate: true,
    });
    const old = {
      log_id: "9002old",
      data: { ...entry.data, log_id: "9002old", date: new Date((NOW_S - 86_401) * 1000).toISOString() },
    };
    expect((await answer(hooks, post(sign(), JSON.stringify(old)))).body.error?.code).toBe(
      "timestamp_expired",
    );
    expect(runs).toBe(1);
  });
});
