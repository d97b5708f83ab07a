import { createHmac } from "node:crypto";
import { createWebhooks } from "@hookproof/core";
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
import { type ZitadelHumanAdded, zitadel } from "./index.js";

const SECRET = "Xq7tR2vN9pL4sK8mW3zY6bH1cF5dJ0gA";
const provider = () => zitadel({ secret: SECRET });
const sign = (body: string) => provider().scheme.sign({ body, timestamp: NOW_S });

fixtureSuite({
  title: "zitadel fixtures",
  fixtures: "zitadel",
  provider,
  sign,
  mutations: {
    "user.human.added": { path: ["event_payload", "userName"] },
    "user.human.selfregistered": { path: ["event_payload", "changeRequired"], set: "no" },
    "user.machine.added": { path: ["aggregateID"] },
    "user.deactivated": { path: ["sequence"], set: "4" },
    "user.reactivated": { path: ["created_at"] },
    "user.locked": { path: ["aggregateType"], set: null },
    "user.unlocked": { path: ["userID"], set: 3 },
    "user.removed": { path: ["event_payload"], set: 5 },
    "user.grant.added": { path: ["instanceID"], set: 1 },
    "user.grant.changed": { path: ["resourceOwner"], set: false },
    "user.grant.removed": { path: ["version"], set: 2 },
    "org.added": { path: ["event_payload", "name"], set: 7 },
    "org.changed": { path: ["sequence"] },
    "org.deactivated": { path: ["aggregateID"], set: null },
    "org.reactivated": { path: ["created_at"], set: 1787234400 },
    "org.removed": { path: ["aggregateType"] },
    "org.member.added": { path: ["event_payload", "userId"] },
    "org.member.changed": { path: ["event_payload", "roles"], set: "ORG_OWNER" },
    "org.member.removed": { path: ["event_payload", "userId"], set: null },
  },
});

const CONTEXT = "zitadel/zitadel internal/execution `ContextInfoEvent` (omitempty)";
const HUMAN = "zitadel/zitadel internal/repository/user/human.go `HumanAddedEvent` (omitempty)";
allowedSuite({
  title: "zitadel: what ZITADEL's own types allow",
  fixtures: "zitadel",
  provider,
  sign,
  allowed: [
    { type: "user.human.added", path: ["resourceOwner"], source: CONTEXT },
    { type: "user.human.added", path: ["userID"], source: CONTEXT },
    { type: "user.human.added", path: ["event_payload", "firstName"], source: HUMAN },
    { type: "user.human.added", path: ["event_payload", "email"], source: HUMAN },
    {
      type: "user.human.added",
      path: ["event_payload"],
      set: "eyJ1c2VyTmFtZSI6ImFkYSJ9",
      as: "= base64 of the event JSON",
      source: "zitadel/zitadel internal/execution/worker.go (older: `[]byte`)",
    },
    {
      type: "org.added",
      path: ["event_payload", "name"],
      source: "zitadel/zitadel internal/repository/org/org.go",
    },
    {
      type: "org.member.added",
      path: ["event_payload", "roles"],
      source: "zitadel/zitadel internal/repository/member/events.go",
    },
    { type: "org.deactivated", path: ["version"], source: CONTEXT },
  ],
});

// zitadel-go's ComputeSignatureHeader(time.Unix(1796000000, 0), body, key) printed this header.
const VECTOR = {
  body: '{"aggregateID":"336494809936035843","aggregateType":"user","resourceOwner":"336392597046099971","instanceID":"336392597046034435","version":"v2","sequence":1,"event_type":"user.human.added","created_at":"2026-11-30T00:53:20.123456Z","userID":"336392597046230531","event_payload":{"userName":"ada","firstName":"Ada","lastName":"Lovelace","displayName":"Ada Lovelace","preferredLanguage":"en","email":"ada@example.com"}}',
  header: "t=1796000000,v1=fdf1919b8747cc9822aac9f06dab6c718bd29b3c6b69e0dfcc5eb2b9e0c37efe",
  at: 1796000000,
};

describe("zitadel", () => {
  it("accepts zitadel-go's vector and signs the same header", async () => {
    expect(await provider().scheme.sign({ body: VECTOR.body, timestamp: VECTOR.at })).toEqual({
      "zitadel-signature": VECTOR.header,
    });
    const seen: ZitadelHumanAdded[] = [];
    const hooks = createWebhooks({ provider: provider(), now: () => VECTOR.at * 1000 }).on(
      "user.human.added",
      (event, context) => {
        expectTypeOf(event.event_payload).toEqualTypeOf<ZitadelHumanAdded | string | undefined>();
        expect(context.id).toBe("336392597046034435:user:336494809936035843:1");
        if (typeof event.event_payload === "object") seen.push(event.event_payload);
      },
    );
    const result = await answer(hooks, post({ "zitadel-signature": VECTOR.header }, VECTOR.body));
    expect(result).toEqual({ status: 200, body: { ok: true } });
    expect(seen[0]?.userName).toBe("ada");
  });

  it("accepts a header with the old and the new key's signatures, as ComputeSignatureHeader writes it for two keys", async () => {
    const body = fixtureText("zitadel", "org.member.added");
    const mac = (key: string) => createHmac("sha256", key).update(`${NOW_S}.${body}`).digest("hex");
    const header = `t=${NOW_S},v1=${mac("the previous signing key 0123456")},v1=${mac(SECRET)}`;
    const hooks = createWebhooks({ provider: provider(), now: clock });
    expect((await answer(hooks, post({ "zitadel-signature": header }, body))).status).toBe(200);
  });

  it("refuses a signature older than 300 s, and one over 300 s in the future (which zitadel-go would pass)", async () => {
    const body = fixtureText("zitadel", "org.added");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const old = await provider().scheme.sign({ body, timestamp: NOW_S - 301 });
    expect((await answer(hooks, post(old, body))).body.error?.code).toBe("timestamp_expired");
    const future = await provider().scheme.sign({ body, timestamp: NOW_S + 301 });
    expect((await answer(hooks, post(future, body))).body.error?.code).toBe("timestamp_in_future");
  });

  it("dedupes a redelivery of one eventstore event, re-signed later, by its signed identity", async () => {
    const body = fixtureText("zitadel", "user.locked");
    let runs = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.locked", () => {
      runs++;
    });
    expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    const later = await provider().scheme.sign({ body, timestamp: NOW_S + 30 });
    expect((await answer(hooks, post(later, body))).body).toEqual({ ok: true, duplicate: true });
    expect(runs).toBe(1);
  });

  it("refuses a JWT payload type's body as not JSON", async () => {
    const body = "eyJhbGciOiJSUzI1NiJ9.eyJldmVudF90eXBlIjoidXNlci5sb2NrZWQifQ.c2lnbmF0dXJl";
    const result = await answer(
      createWebhooks({ provider: provider(), now: clock }),
      post(await sign(body), body),
    );
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe("invalid_json");
  });
});
