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
import { propelAuth } from "./index.js";

const SECRET = "whsec_Qm7xV2pL9sK4tR8wN3zY6bH1cF5dJ0gA";
const ID = "msg_31GtR8mKc2VbN5tH7wQpZ9eX0aL";
const provider = () => propelAuth({ secret: SECRET });
const sign = (body: string) => provider().scheme.sign({ body, id: ID, timestamp: NOW_S });

fixtureSuite({
  title: "propel-auth fixtures",
  fixtures: "propel-auth",
  provider,
  sign,
  mutations: {
    "user.created": { path: ["email_confirmed"], set: "yes" },
    "user.updated": { path: ["user_id"], set: 42 },
    "user.deleted": { path: ["user_id"], set: null },
    "user.disabled": { path: ["user_id"], set: 1 },
    "user.enabled": { path: ["user_id"], set: false },
    "user.locked": { path: ["user_id"], set: [] },
    "user.impersonated": { path: ["impersonator_user_id"], set: 7 },
    "user.deleted_personal_api_key": { path: ["api_key_id"], set: null },
    "user.login": { path: ["active_org_id"], set: 3 },
    "user.logged_out": { path: ["user_id"], set: 0 },
    "user.send_mfa_phone_code": { path: ["phone_number"], set: 14155550123 },
    "user.added_to_org": { path: ["org_id"], set: null },
    "user.invited_to_org": { path: ["role"], set: 2 },
    "user.removed_from_org": { path: ["removed_user_id"], set: {} },
    "user.role_changed_within_org": { path: ["new_role"], set: null },
    "user.added_to_scim_group": { path: ["scim_group_id"], set: 9 },
    "user.removed_from_scim_group": { path: ["org_id"], set: true },
    "org.created": { path: ["name"], set: null },
    "org.updated": { path: ["org_id"], set: 5 },
    "org.deleted": { path: ["org_id"], set: false },
    "org.api_key_deleted": { path: ["api_key_id"], set: 0 },
    "org.saml_setup": { path: ["org_id"], set: null },
    "org.saml_removed": { path: ["org_id"], set: [] },
    "org.saml_went_live": { path: ["org_id"], set: {} },
    "org.scim_group_created": { path: ["display_name"], set: null },
    "org.scim_group_updated": { path: ["scim_group_id"], set: 1 },
    "org.scim_group_deleted": { path: ["org_id"], set: 2 },
    "org.scim_key_created": { path: ["scim_key_id"], set: null },
    "org.scim_key_revoked": { path: ["scim_key_id"], set: 4 },
  },
});

const EARHART = "little-green-man/earhart src/Events/PropelAuth";
allowedSuite({
  title: "propel-auth: what PropelAuth is seen to send (no schema of its own)",
  fixtures: "propel-auth",
  provider,
  sign,
  allowed: [
    { type: "user.created", path: ["first_name"], source: `${EARHART}/UserCreated.php` },
    { type: "user.created", path: ["username"], set: null, source: `${EARHART}/UserCreated.php` },
    { type: "user.created", path: ["picture_url"], source: `${EARHART}/UserCreated.php` },
    { type: "user.login", path: ["active_org_id"], source: `${EARHART}/UserLogin.php` },
    { type: "user.invited_to_org", path: ["role"], source: `${EARHART}/UserInvitedToOrg.php` },
    { type: "user.updated", path: ["user_id"], source: "no published schema: every field optional" },
    { type: "org.created", path: ["name"], source: "no published schema: every field optional" },
  ],
});

describe("propelAuth", () => {
  it("accepts a request signed by the svix library, as PropelAuth's Svix sends it", async () => {
    const body = fixtureText("propel-auth", "user.added_to_org");
    const signature = new Webhook(SECRET).sign(ID, new Date(NOW_S * 1000), body);
    const headers = { "svix-id": ID, "svix-timestamp": String(NOW_S), "svix-signature": signature };
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "user.added_to_org",
      (event, context) => {
        expectTypeOf(event.event_type).toEqualTypeOf<"user.added_to_org">();
        expectTypeOf(event.role).toEqualTypeOf<string | null | undefined>();
        seen.push([event.user_id, event.org_id, event.role, context.id]);
      },
    );
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([
      ["6c1f3a2e-9b4d-4e7a-8f21-3d5c7b9e0a14", "1f7e9c3a-6d2b-4a85-b0c4-8e3f2d1a9c57", "Admin", ID],
    ]);
  });

  it("signs what the svix library verifies", async () => {
    const body = fixtureText("propel-auth", "user.created");
    // The svix library checks the timestamp against the real clock.
    const headers = await provider().scheme.sign({ body, id: ID, timestamp: Math.floor(Date.now() / 1000) });
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook("whsec_dGhlIG90aGVyIGVuZHBvaW50J3Mga2V5").verify(body, headers)).toThrow();
  });

  it("names the removed member removed_user_id", async () => {
    const body = fixtureText("propel-auth", "user.removed_from_org");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "user.removed_from_org",
      (event) => {
        // @ts-expect-error: PropelAuth names the removed member `removed_user_id`
        void event.user_id;
        seen.push(event.removed_user_id);
      },
    );
    expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    expect(seen).toEqual(["a83e0d51-2c7f-4b96-9e3a-5f1d8c2b7e60"]);
  });

  it("dedupes a retry by its signed svix-id, even re-signed at a later time", async () => {
    const body = fixtureText("propel-auth", "org.created");
    let runs = 0;
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("org.created", () => {
      runs++;
    });
    expect((await answer(hooks, post(await sign(body), body))).status).toBe(200);
    const retry = await provider().scheme.sign({ body, id: ID, timestamp: NOW_S - 60 });
    expect(await answer(hooks, post({ ...retry, "user-agent": "Svix-Webhooks/1.62" }, body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(runs).toBe(1);
  });

  it("refuses a request outside the 300 s window, even with a valid signature", async () => {
    const body = fixtureText("propel-auth", "user.login");
    const headers = await provider().scheme.sign({ body, id: ID, timestamp: NOW_S - 301 });
    const result = await answer(createWebhooks({ provider: provider(), now: clock }), post(headers, body));
    expect(result.status).toBe(401);
    expect(result.body.error?.code).toBe("timestamp_expired");
  });
});
