import { createHmac } from "node:crypto";
import { createVerifier, createWebhooks, readHeaders } from "@hookproof/core";
import { WorkOS } from "@workos-inc/node";
import { describe, expect, expectTypeOf, it } from "vitest";
import { outcome, rejection, utf8 } from "../../test/bodies.js";
import {
  allowedSuite,
  answer,
  clock,
  fixtureSuite,
  fixtureText,
  fixtureTypes,
  NOW_S,
  post,
} from "../../test/test-support.js";
import { workos, workosHmac } from "./index.js";

const SECRET = "Zt8Qv3mXk1pL7wR2nY5cH0aJ9eB4sD6f";
const provider = () => workos({ secret: SECRET });
const delivery = (body: string, t = NOW_S - 10) => provider().scheme.sign({ body, timestamp: t });

fixtureSuite({
  title: "workos fixtures",
  fixtures: "workos",
  provider,
  sign: (body) => delivery(body),
  mutations: {
    "authentication.email_verification_succeeded": { path: ["data", "status"] },
    "authentication.magic_auth_failed": { path: ["data", "error", "code"] },
    "authentication.magic_auth_succeeded": { path: ["data", "type"], set: 3 },
    "authentication.mfa_succeeded": { path: ["data", "user_id"] },
    "authentication.oauth_failed": { path: ["data", "error", "message"], set: null },
    "authentication.oauth_succeeded": { path: ["data", "ip_address"] },
    "authentication.passkey_failed": { path: ["data", "email"] },
    "authentication.passkey_succeeded": { path: ["data", "user_agent"], set: 7 },
    "authentication.password_failed": { path: ["data", "error"], set: "wrong password" },
    "authentication.password_succeeded": { path: ["data", "status"], set: true },
    "authentication.radar_risk_detected": { path: ["data", "control"] },
    "authentication.sso_failed": { path: ["data", "sso", "connection_id"] },
    "authentication.sso_succeeded": { path: ["data", "sso", "organization_id"], set: null },
    "dsync.activated": { path: ["data", "domains", 0, "domain"] },
    "dsync.deleted": { path: ["data", "object"], set: "directory_user" },
    "dsync.group.created": { path: ["data", "idp_id"] },
    "dsync.group.updated": { path: ["data", "previous_attributes"] },
    "dsync.group.deleted": { path: ["data", "raw_attributes"] },
    "dsync.group.user_added": { path: ["data", "user", "directory_id"] },
    "dsync.group.user_removed": { path: ["data", "group", "name"], set: null },
    "dsync.user.created": { path: ["data", "custom_attributes"] },
    "dsync.user.updated": { path: ["data", "previous_attributes"] },
    "dsync.user.deleted": { path: ["data", "state"] },
    "email_verification.created": { path: ["data", "expires_at"], set: "tomorrow" },
    "invitation.accepted": { path: ["data", "accepted_at"] },
    "invitation.created": { path: ["data", "inviter_user_id"] },
    "invitation.resent": { path: ["data", "expires_at"], set: null },
    "invitation.revoked": { path: ["data", "email"] },
    "magic_auth.created": { path: ["data", "user_id"] },
    "organization.created": { path: ["data", "allow_profiles_outside_organization"] },
    "organization.updated": { path: ["data", "domains", 0, "verification_strategy"] },
    "organization.deleted": { path: ["data", "domains"], set: null },
    "organization_domain.created": { path: ["data", "organization_id"] },
    "organization_domain.updated": { path: ["data", "state"], set: null },
    "organization_domain.deleted": { path: ["data", "domain"] },
    "organization_domain.verified": { path: ["data", "verification_token"], set: 1 },
    "organization_domain.verification_failed": { path: ["data", "reason"] },
    "organization_membership.created": { path: ["data", "role", "slug"] },
    "organization_membership.updated": { path: ["data", "organization_name"] },
    "organization_membership.deleted": { path: ["data", "status"] },
    "password_reset.created": { path: ["data", "email"] },
    "password_reset.succeeded": { path: ["data", "object"], set: "magic_auth" },
    "session.created": { path: ["data", "auth_method"] },
    "session.revoked": { path: ["data", "ended_at"] },
    "user.created": { path: ["data", "email_verified"] },
    "user.updated": { path: ["data", "first_name"] },
    "user.deleted": { path: ["id"] },
  },
});

const SDK = "workos/workos-node src";
allowedSuite({
  title: "workos: never stricter than @workos-inc/node's types",
  fixtures: "workos",
  provider,
  sign: (body) => delivery(body),
  allowed: [
    {
      type: "user.created",
      path: ["data", "name"],
      source: `${SDK}/user-management/interfaces/user.interface.ts (absent in 8.x)`,
    },
    {
      type: "user.created",
      path: ["data", "external_id"],
      source: `${SDK}/user-management/interfaces/user.interface.ts (\`external_id?\`)`,
    },
    {
      type: "user.updated",
      path: ["data", "metadata"],
      source: `${SDK}/user-management/interfaces/user.interface.ts (\`metadata?\`)`,
    },
    {
      type: "user.updated",
      path: ["data", "last_sign_in_at"],
      set: null,
      source: `${SDK}/user-management/interfaces/user.interface.ts`,
    },
    {
      type: "organization.created",
      path: ["data", "external_id"],
      set: null,
      source: `${SDK}/organizations/interfaces/organization.interface.ts`,
    },
    {
      type: "organization.created",
      path: ["data", "stripe_customer_id"],
      source: `${SDK}/organizations/interfaces/organization.interface.ts`,
    },
    {
      type: "organization_domain.created",
      path: ["data", "verification_token"],
      source: `${SDK}/organization-domains/interfaces/organization-domain.interface.ts`,
    },
    {
      type: "organization_membership.created",
      path: ["data", "roles"],
      source: `${SDK}/user-management/interfaces/organization-membership.interface.ts`,
    },
    {
      type: "organization_membership.created",
      path: ["data", "directory_managed"],
      source: `${SDK}/user-management/interfaces/organization-membership.interface.ts`,
    },
    {
      type: "dsync.user.created",
      path: ["data", "email"],
      set: null,
      source: `${SDK}/directory-sync/interfaces/directory-user.interface.ts`,
    },
    {
      type: "dsync.user.created",
      path: ["data", "role"],
      source: `${SDK}/directory-sync/interfaces/directory-user.interface.ts`,
    },
    {
      type: "dsync.user.created",
      path: ["data", "organization_id"],
      set: null,
      source: `${SDK}/directory-sync/interfaces/directory-user.interface.ts`,
    },
    {
      type: "dsync.activated",
      path: ["data", "organization_id"],
      source: `${SDK}/directory-sync/interfaces/directory.interface.ts`,
    },
    {
      type: "session.created",
      path: ["data", "organization_id"],
      source: `${SDK}/user-management/interfaces/session.interface.ts`,
    },
    {
      type: "session.created",
      path: ["data", "ip_address"],
      set: null,
      source: `${SDK}/user-management/interfaces/session.interface.ts`,
    },
    {
      type: "invitation.created",
      path: ["data", "role_slug"],
      source: `${SDK}/user-management/interfaces/invitation.interface.ts (absent in 8.x)`,
    },
    {
      type: "invitation.created",
      path: ["data", "organization_id"],
      set: null,
      source: `${SDK}/user-management/interfaces/invitation.interface.ts`,
    },
    {
      type: "authentication.sso_succeeded",
      path: ["data", "sso", "session_id"],
      source: `${SDK}/user-management/interfaces/authentication-event.interface.ts`,
    },
    {
      type: "authentication.password_succeeded",
      path: ["data", "user_id"],
      set: null,
      source: `${SDK}/user-management/interfaces/authentication-event.interface.ts`,
    },
    {
      type: "authentication.oauth_failed",
      path: ["data", "error"],
      source: `${SDK}/user-management/interfaces/authentication-event.interface.ts`,
    },
    {
      type: "user.deleted",
      path: ["object"],
      source: `${SDK}/common/interfaces/event.interface.ts (no \`object\` in \`EventResponseBase\`)`,
    },
    {
      type: "user.created",
      path: ["data", "locale"],
      set: null,
      source: `${SDK}/user-management/interfaces/user.interface.ts`,
    },
  ],
});

describe("workos", () => {
  it("routes by `event`, dedupes a retry (re-signed with a new `t`) by the body's `id`", async () => {
    const body = fixtureText("workos", "dsync.user.created");
    const seen: unknown[] = [];
    const hooks = createWebhooks({ provider: provider(), now: clock }).on(
      "dsync.user.created",
      (event, context) => {
        expectTypeOf(event.data.email).toEqualTypeOf<string | null>();
        seen.push([context.id, event.data.email]);
      },
    );
    expect(await answer(hooks, post(await delivery(body, NOW_S - 100), body))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await answer(hooks, post(await delivery(body, NOW_S - 2), body))).toEqual({
      status: 200,
      body: { ok: true, duplicate: true },
    });
    expect(seen).toEqual([[JSON.parse(body).id, "veda@acme.example"]]);
  });

  it("refuses a `t` older than 300 s, and one in seconds rather than milliseconds", async () => {
    const body = fixtureText("workos", "user.created");
    const hooks = createWebhooks({ provider: provider(), now: clock });
    const old = await answer(hooks, post(await delivery(body, NOW_S - 301), body));
    expect(old.body.error?.code).toBe("timestamp_expired");
    const mac = createHmac("sha256", SECRET).update(`${NOW_S}.${body}`).digest("hex");
    const seconds = await answer(hooks, post({ "workos-signature": `t=${NOW_S}, v1=${mac}` }, body));
    expect(seconds.status).toBe(401);
  });

  it("reads the header with or without the space after the comma, and upper-case hex as the same bytes", async () => {
    const body = fixtureText("workos", "user.updated");
    const t = (NOW_S - 5) * 1000 + 123;
    const mac = createHmac("sha256", SECRET).update(`${t}.${body}`).digest("hex");
    const verify = (value: string) =>
      outcome(() =>
        provider().scheme.verify({ header: readHeaders({ "workos-signature": value }), body: utf8(body) }),
      );
    expect(await verify(`t=${t}, v1=${mac}`)).toBe("ok");
    expect(await verify(`t=${t},v1=${mac}`)).toBe("ok");
    // The SDK compares the hex text and refuses upper case; the core compares the decoded bytes.
    expect(await verify(`t=${t}, v1=${mac.toUpperCase()}`)).toBe("ok");
    expect(await verify(`t=${t}, v1=${mac.slice(0, -1)}`)).toBe("invalid_signature");
  });

  it("names a missing `v1=` as a malformed header without echoing the value", async () => {
    const body = fixtureText("workos", "user.updated");
    const error = await rejection(() =>
      provider().scheme.verify({
        header: readHeaders({ "workos-signature": `t=${NOW_S * 1000}, s=secretish` }),
        body: utf8(body),
      }),
    );
    expect([error.code, error.header]).toEqual(["malformed_header", "workos-signature"]);
    expect(error.message).not.toContain("secretish");
  });

  it("dates an event by `created_at`, RFC 3339 or the docs sample's `YYYY-MM-DD HH:MM:SS.sss` (UTC)", () => {
    const time = (created_at: string) => provider().eventTime?.({ created_at });
    expect(time("2026-08-20T14:00:05.000Z")).toBe(Date.UTC(2026, 7, 20, 14, 0, 5));
    expect(time("2023-04-28 20:05:31.093")).toBe(Date.UTC(2023, 3, 28, 20, 5, 31, 93));
    expect(time("2023-04-28T20:05:31+02:00")).toBe(Date.UTC(2023, 3, 28, 18, 5, 31));
    expect(time("yesterday")).toBeUndefined();
    expect(provider().eventTime?.({})).toBeUndefined();
  });

  it("bounds `maxAge` by `created_at` when the router asks for one", async () => {
    const body = JSON.parse(fixtureText("workos", "user.created"));
    body.created_at = "2026-08-20 13:00:00.000";
    const text = JSON.stringify(body);
    const hooks = createWebhooks({ provider: provider(), now: clock, maxAge: 1800 });
    const result = await answer(hooks, post(await delivery(text), text));
    expect(result.body.error?.code).toBe("timestamp_expired");
  });

  it("verifies a fixed vector (secret, t=1796000000000, a user.created body)", async () => {
    const body =
      '{"id":"event_01JDZ2Y7X5QW8N3M4K6P9R2T1V","data":{"object":"user","id":"user_01JDZ2Y6Q4R3S2T1V0W9X8Y7Z6","email":"ada@example.com","email_verified":true,"first_name":"Ada","last_name":"Lovelace","profile_picture_url":null,"last_sign_in_at":null,"locale":null,"external_id":null,"metadata":{},"created_at":"2026-11-29T08:53:19.123Z","updated_at":"2026-11-29T08:53:19.123Z"},"event":"user.created","created_at":"2026-11-29T08:53:19.456Z"}';
    const value = "t=1796000000000, v1=9a985a3a1f996afb2fa47f899568b6aea0cb07e7ed4d5bf933a1dba18cf9f524";
    expect(
      await provider().scheme.verify({
        header: readHeaders({ "workos-signature": value }),
        body: utf8(body),
      }),
    ).toMatchObject({ timestamp: 1796000000, keyIndex: 0 });
  });

  it("tries each secret while rotating", async () => {
    const body = fixtureText("workos", "session.created");
    const signed = await workosHmac({ secret: "old-workos-secret-0123456789" }).sign({
      body,
      timestamp: NOW_S,
    });
    const both = workos({ secret: [SECRET, "old-workos-secret-0123456789"] });
    const result = await createVerifier({ scheme: both.scheme, now: clock }).verify({
      headers: signed,
      body,
    });
    expect(result.keyIndex).toBe(1);
  });
});

// @workos-inc/node 8.13.0 is the last release for Node 20; its `computeSignature` signs
// `JSON.stringify(payload)`, so it takes the parsed body: the fixtures are compact, as WorkOS sends them.
const sdk = new WorkOS("sk_test_a2V5XzAxSE9PS1BST09GRklYVFVSRVMsMTIzNA");

describe("@workos-inc/node 8.13.0 → hookproof", () => {
  it.each(fixtureTypes("workos"))(
    "%s: its signature passes, and fails under another secret",
    async (type) => {
      const body = fixtureText("workos", type);
      const t = Date.now();
      const value = `t=${t}, v1=${await sdk.webhooks.computeSignature(t, JSON.parse(body), SECRET)}`;
      const request = { headers: { "WorkOS-Signature": value }, body };
      expect(await createVerifier({ scheme: provider().scheme }).verify(request)).toMatchObject({
        timestamp: Math.floor(t / 1000),
        keyIndex: 0,
      });
      const wrong = createVerifier({ scheme: workosHmac({ secret: `${SECRET}x` }) });
      expect(await outcome(() => wrong.verify(request))).toBe("invalid_signature");
    },
  );
});

describe("hookproof → @workos-inc/node 8.13.0", () => {
  it.each(fixtureTypes("workos"))("%s: its verifier accepts what the preset signs", async (type) => {
    const body = fixtureText("workos", type);
    const t = Math.floor(Date.now() / 1000);
    const { "workos-signature": sigHeader = "" } = await provider().scheme.sign({ body, timestamp: t });
    expect(sigHeader).toBe(
      `t=${t * 1000}, v1=${await sdk.webhooks.computeSignature(t * 1000, JSON.parse(body), SECRET)}`,
    );
    const payload = JSON.parse(body);
    await expect(sdk.webhooks.verifyHeader({ payload, sigHeader, secret: SECRET })).resolves.toBe(true);
    const changed = { ...payload, id: "event_01K3000000000000000000000X" };
    await expect(sdk.webhooks.verifyHeader({ payload: changed, sigHeader, secret: SECRET })).rejects.toThrow(
      /does not match/,
    );
  });

  it("constructEvent returns the event, and both refuse a `t` past their window", async () => {
    const body = fixtureText("workos", "user.created");
    const t = Math.floor(Date.now() / 1000);
    const { "workos-signature": sigHeader = "" } = await provider().scheme.sign({ body, timestamp: t });
    const event = await sdk.webhooks.constructEvent({ payload: JSON.parse(body), sigHeader, secret: SECRET });
    expect([event.id, event.event]).toEqual([JSON.parse(body).id, "user.created"]);
    const stale = t - 301;
    const { "workos-signature": old = "" } = await provider().scheme.sign({ body, timestamp: stale });
    await expect(
      sdk.webhooks.constructEvent({ payload: JSON.parse(body), sigHeader: old, secret: SECRET }),
    ).rejects.toThrow(/tolerance/);
    expect(
      await outcome(() =>
        createVerifier({ scheme: provider().scheme }).verify({ headers: { "workos-signature": old }, body }),
      ),
    ).toBe("timestamp_expired");
  });
});
