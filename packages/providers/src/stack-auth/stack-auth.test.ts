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
import { type StackAuthUser, stackAuth } from "./index.js";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const provider = () => stackAuth({ secret: SECRET });

fixtureSuite({
  title: "stack-auth fixtures",
  fixtures: "stack-auth",
  provider,
  sign: (body) => provider().scheme.sign({ body, id: "msg_31FqX0aLr8mKc2VbN5tH7wQpZ9e", timestamp: NOW_S }),
  mutations: {
    "user.created": { path: ["data", "primary_email_verified"] },
    "user.updated": { path: ["data", "primary_email"], set: 42 },
    "user.deleted": { path: ["data", "teams", 0, "id"] },
    "team.created": { path: ["data", "display_name"] },
    "team.updated": { path: ["data", "created_at_millis"], set: "2026-08-20T13:00:12Z" },
    "team.deleted": { path: ["data", "id"] },
    "team_membership.created": { path: ["data", "user_id"] },
    "team_membership.deleted": { path: ["data", "team_id"], set: null },
    "team_permission.created": { path: ["data", "team_id"] },
    "team_permission.deleted": { path: ["data", "id"], set: 5 },
    "project_permission.created": { path: ["data", "user_id"] },
    "project_permission.deleted": { path: ["data", "id"] },
    "stack.test": { path: ["data", "endpointUrl"] },
  },
});

const TEAMS = "stack-auth/stack-auth packages/stack-shared/src/interface/crud/teams.ts";
const USERS = "stack-auth/stack-auth packages/stack-shared/src/interface/crud/users.ts";
/** A team as `teamsCrudServerReadSchema` allows it: the three metadata keys are `.optional()`. */
const BARE_TEAM = {
  id: "9b2e7c41-5a3d-4f86-b0e9-2d7c1a4f8e63",
  display_name: "Ada Lovelace's Team",
  profile_image_url: null,
  created_at_millis: 1787230012481,
};

allowedSuite({
  title: "stack-auth: what Stack Auth's own schemas allow",
  fixtures: "stack-auth",
  provider,
  sign: (body) => provider().scheme.sign({ body, id: "msg_31FqX0aLr8mKc2VbN5tH7wQpZ9e", timestamp: NOW_S }),
  allowed: [
    { type: "team.created", path: ["data", "client_metadata"], source: TEAMS },
    { type: "team.created", path: ["data", "client_read_only_metadata"], source: TEAMS },
    { type: "team.updated", path: ["data", "server_metadata"], source: TEAMS },
    {
      type: "user.created",
      path: ["data", "selected_team"],
      set: BARE_TEAM,
      as: "= a team without its metadata keys",
      source: `${USERS} + ${TEAMS}`,
    },
    {
      type: "user.updated",
      path: ["data", "oauth_providers"],
      set: [{ id: "github", account_id: "583231" }],
      as: "= an entry without `email`",
      source: `${USERS} (\`email: yupString().nullable()\`)`,
    },
    {
      type: "user.updated",
      path: ["data", "oauth_providers"],
      set: [{ id: "google", account_id: "1077", email: null }],
      as: "= an entry whose `email` is null",
      source: USERS,
    },
  ],
});

describe("stackAuth", () => {
  it("accepts a request signed by the svix library, as Stack Auth's Svix sends it", async () => {
    const body = fixtureText("stack-auth", "user.created");
    const id = "msg_31FqX0aLr8mKc2VbN5tH7wQpZ9e";
    const signature = new Webhook(SECRET).sign(id, new Date(NOW_S * 1000), body);
    const headers = { "svix-id": id, "svix-timestamp": String(NOW_S), "svix-signature": signature };
    const seen: StackAuthUser[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.created", (event) => {
      expectTypeOf(event.data.primary_email).toEqualTypeOf<string | null>();
      expectTypeOf(event.data.signed_up_at_millis).toEqualTypeOf<number>();
      seen.push(event.data);
    });
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen[0]?.primary_email).toBe("ada@example.com");
  });

  it("accepts a user from an older deployment, without the fields added after passkey_auth_enabled", async () => {
    const current = JSON.parse(fixtureText("stack-auth", "user.updated"));
    const keep = Object.keys(current.data).slice(
      0,
      Object.keys(current.data).indexOf("passkey_auth_enabled") + 1,
    );
    const body = JSON.stringify({
      type: "user.updated",
      data: Object.fromEntries(keep.map((key) => [key, current.data[key]])),
    });
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("user.updated", (event) => {
      seen.push(event.data.is_anonymous);
    });
    const headers = await provider().scheme.sign({ body, id: "msg_older", timestamp: NOW_S });
    expect(await answer(hooks, post(headers, body))).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toEqual([undefined]);
  });

  it("passes fields it does not know through to the handler", async () => {
    const current = JSON.parse(fixtureText("stack-auth", "team.created"));
    const body = JSON.stringify({ ...current, data: { ...current.data, billing_tier: "growth" } });
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on("team.created", (event) => {
      expectTypeOf(event.data.display_name).toEqualTypeOf<string>();
      seen.push(event.data);
    });
    const headers = await provider().scheme.sign({ body, id: "msg_newer", timestamp: NOW_S });
    expect((await answer(hooks, post(headers, body))).status).toBe(200);
    expect(seen).toEqual([{ ...current.data, billing_tier: "growth" }]);
  });

  it("refuses a request outside the 300 s window, even with a valid signature", async () => {
    const body = fixtureText("stack-auth", "stack.test");
    const headers = await provider().scheme.sign({ body, id: "msg_replayed", timestamp: NOW_S - 301 });
    const result = await answer(createWebhooks({ provider: provider(), now: clock }), post(headers, body));
    expect(result.status).toBe(401);
    expect(result.body.error?.code).toBe("timestamp_expired");
  });
});
