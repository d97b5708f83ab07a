import { createWebhooks } from "@hookproof/core";
import { Webhook } from "svix";
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
import { type StytchMember, stytch } from "./index.js";

const SECRET = "whsec_Xk3vN8qP2rT6wY9zB4cF7hJ1mL5sD0gA";
const ID = "msg_31HuT9nLd3WcO6uI8xRqA0fY1bM";
const provider = () => stytch({ secret: SECRET });
const sign = (body: string) => provider().scheme.sign({ body, id: ID, timestamp: NOW_S });

fixtureSuite({
  title: "stytch fixtures",
  fixtures: "stytch",
  provider,
  sign,
  mutations: {
    "direct.organization.create": { path: ["organization", "organization_name"] },
    "direct.organization.update": { path: ["organization", "email_allowed_domains"], set: "example.com" },
    "direct.organization.delete": { path: ["project_id"] },
    "dashboard.organization.create": { path: ["organization", "organization_id"], set: null },
    "dashboard.organization.update": { path: ["organization", "custom_roles"], set: "admin" },
    "dashboard.organization.delete": { path: ["event_id"], set: 7 },
    "direct.member.create": { path: ["member", "email_address"] },
    "direct.member.update": { path: ["member", "roles", 0, "sources"] },
    "direct.member.delete": { path: ["id"] },
    "dashboard.member.create": { path: ["member", "is_admin"], set: "true" },
    "dashboard.member.update": { path: ["member", "member_id"], set: null },
    "dashboard.member.delete": { path: ["timestamp"], set: 1787234380 },
    "scim.member.create": { path: ["member", "organization_id"] },
    "scim.member.update": { path: ["member", "mfa_enrolled"], set: null },
    "scim.member.delete": { path: ["project_id"], set: null },
    "direct.user.create": { path: ["user", "emails", 0, "verified"] },
    "direct.user.update": { path: ["user", "user_id"] },
    "direct.user.delete": { path: ["event_id"] },
    "dashboard.user.create": { path: ["user", "status"], set: 1 },
    "dashboard.user.update": { path: ["user", "phone_numbers"], set: null },
    "dashboard.user.delete": { path: ["id"], set: 3 },
  },
});

const ORGS = "npm stytch 14.2.0 types/lib/b2b/organizations.d.ts";
const USERS = "npm stytch 14.2.0 types/lib/b2c/users.d.ts";
const CATALOG = "Stytch's Svix event catalog examples";
allowedSuite({
  title: "stytch: what stytch-node's types and Stytch's own examples allow",
  fixtures: "stytch",
  provider,
  sign,
  allowed: [
    { type: "direct.member.create", path: ["vertical"], source: "docs `Payload structure` (no `vertical`)" },
    { type: "direct.member.create", path: ["member", "is_locked"], source: CATALOG },
    { type: "direct.member.update", path: ["member", "retired_email_addresses"], source: CATALOG },
    { type: "direct.member.update", path: ["member", "created_at"], source: `${ORGS} \`Member\`` },
    { type: "scim.member.update", path: ["member", "trusted_metadata"], source: `${ORGS} \`Member\`` },
    {
      type: "direct.member.create",
      path: ["member", "oauth_registrations", 0, "profile_picture_url"],
      source: `${ORGS} \`OAuthRegistration\``,
    },
    {
      type: "dashboard.member.create",
      path: ["member", "roles", 0, "sources", 0, "details"],
      source: `${ORGS} \`MemberRoleSource\``,
    },
    {
      type: "direct.organization.create",
      path: ["organization", "custom_roles"],
      source: "older deliveries",
    },
    {
      type: "direct.organization.update",
      path: ["organization", "claimed_email_domains"],
      source: "older deliveries",
    },
    {
      type: "dashboard.organization.update",
      path: ["organization", "trusted_metadata"],
      source: `${ORGS} \`Organization\``,
    },
    { type: "direct.user.create", path: ["user", "roles"], source: CATALOG },
    { type: "direct.user.update", path: ["user", "name"], source: `${USERS} \`User\`` },
    { type: "dashboard.user.create", path: ["user", "password"], source: `${USERS} \`User\`` },
    { type: "direct.user.create", path: ["user", "name", "middle_name"], source: `${USERS} \`UsersName\`` },
  ],
});

describe("stytch", () => {
  it("routes by source, object_type and action, and accepts what the svix library signs", async () => {
    const body = fixtureText("stytch", "scim.member.create");
    const signature = new Webhook(SECRET).sign(ID, new Date(NOW_S * 1000), body);
    const headers = { "svix-id": ID, "svix-timestamp": String(NOW_S), "svix-signature": signature };
    const seen: StytchMember[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock })
      .on("direct.member.create", () => {
        throw new Error("a SCIM-provisioned member is `scim.member.create`");
      })
      .on("scim.member.create", (event, context) => {
        expectTypeOf(event.source).toEqualTypeOf<"SCIM">();
        expectTypeOf(event.action).toEqualTypeOf<"CREATE">();
        expectTypeOf(event.member.is_locked).toEqualTypeOf<boolean | undefined>();
        expect(context.type).toBe("scim.member.create");
        seen.push(event.member);
      });
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen[0]?.email_address).toBe("ada@example.com");
  });

  it("signs what the svix library verifies", async () => {
    const body = fixtureText("stytch", "direct.user.create");
    // The svix library checks the timestamp against the real clock.
    const headers = await provider().scheme.sign({ body, id: ID, timestamp: Math.floor(Date.now() / 1000) });
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook("whsec_dGhlIG90aGVyIGVuZHBvaW50J3Mga2V5").verify(body, headers)).toThrow();
  });

  it("types a delete as the envelope alone", async () => {
    const body = fixtureText("stytch", "dashboard.member.delete");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "dashboard.member.delete",
      (event) => {
        // @ts-expect-error: a delete carries no member object
        void event.member;
        seen.push(event.id);
      },
    );
    expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    expect(seen).toEqual(["member-live-3b8e1f2a-6c4d-4a9e-8b7f-0d1c2e3f4a5b"]);
  });

  it("refuses a body whose object key does not match its object_type", async () => {
    const fixture = JSON.parse(fixtureText("stytch", "direct.member.update"));
    fixture.object_type = "user";
    const body = JSON.stringify(fixture);
    const result = await answer(
      createWebhooks({ provider: provider(), now: clock }),
      post(await sign(body), body),
    );
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe("invalid_payload");
    expect(result.body.error?.message).toContain("`user`");
  });

  it("dedupes a retry by its signed svix-id, and refuses one outside the 300 s window", async () => {
    const body = fixtureText("stytch", "direct.organization.create");
    let runs = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "direct.organization.create",
      () => {
        runs++;
      },
    );
    expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    const retry = await provider().scheme.sign({ body, id: ID, timestamp: NOW_S - 120 });
    expect((await answer(hooks, post(retry, body))).body).toEqual({ ok: true, duplicate: true });
    const stale = await provider().scheme.sign({
      body,
      id: "msg_31HuT9nLd3WcO6uI8xRqA0fY1bN",
      timestamp: NOW_S - 301,
    });
    expect((await answer(hooks, post(stale, body))).body.error?.code).toBe("timestamp_expired");
    expect(runs).toBe(1);
  });
});
